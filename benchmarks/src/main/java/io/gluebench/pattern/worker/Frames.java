package io.gluebench.pattern.worker;

/**
 * The worker's wire format (python-workloads/gluebench_py/framing.py is the other side). Every frame
 * is a little-endian u32 payload length followed by the payload. A request payload starts with an
 * op byte; a reply payload starts with a status byte, then the result (ok) or a UTF-8 message. The
 * result is 8 bytes for scalar workloads and a compound result (io.gluebench.workload.CompoundWire)
 * for wordfreq, records and csvparse.
 */
final class Frames {
    private Frames() {
    }

    static final byte OP_PING = 0;
    static final byte OP_ECHO = 1;
    static final byte OP_DOT = 2;
    static final byte OP_NBODY = 3;
    static final byte OP_SPECTRALNORM = 4;
    static final byte OP_MANDELBROT = 5;
    static final byte OP_MATMUL = 6;
    static final byte OP_SORT = 7;
    static final byte OP_FANNKUCH = 8;
    static final byte OP_WORDFREQ = 9;
    static final byte OP_RECORDS = 10;
    static final byte OP_CSVPARSE = 11;
    /** One element per round trip (worker-chatty): add to the worker's running sum, then take it. */
    static final byte OP_DOT_ADD = 12;
    static final byte OP_DOT_TAKE = 13;
    static final byte OP_ECHO_ADD = 14;
    static final byte OP_ECHO_TAKE = 15;
    /** Load the user's file: u8 numpy (0 or 1), then its path in UTF-8; the shape ops then call its compute. */
    static final byte OP_LOAD = 16;
    static final byte OP_QUIT = (byte) 255;

    static final byte STATUS_OK = 0;
    static final byte STATUS_ERROR = 1;

    /** Why a reply payload is not an ok reply; the message completes "the worker ...". */
    static final class BadReply extends Exception {
        BadReply(String message) {
            super(message);
        }
    }

    /** The result bytes (little-endian) of a reply payload that starts with its status byte. */
    static java.nio.ByteBuffer okResult(java.nio.ByteBuffer reply) throws BadReply {
        byte status = reply.get(0);
        if (status == STATUS_OK) {
            return reply.position(1).slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        if (status == STATUS_ERROR) {
            byte[] msg = new byte[reply.limit() - 1];
            reply.get(1, msg);
            throw new BadReply("answered with an error: " + new String(msg, java.nio.charset.StandardCharsets.UTF_8));
        }
        throw new BadReply("sent a malformed reply (status " + status + ", length " + reply.limit() + ")");
    }
}
