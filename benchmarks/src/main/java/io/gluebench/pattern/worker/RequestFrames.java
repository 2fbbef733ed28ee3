package io.gluebench.pattern.worker;

import java.nio.charset.StandardCharsets;

/**
 * The frame helpers a peer outside this package needs (the py4j patterns): the PING payload and
 * the check of a reply payload. Requests themselves are encoded by {@link WorkerPattern#bindFrames}
 * into any {@link FrameExchange}, the one encoder every frame-speaking pattern shares.
 */
public final class RequestFrames {
    private RequestFrames() {
    }

    /** The PING payload: the peer answers with the scalar 0. */
    public static byte[] ping() {
        return new byte[] {Frames.OP_PING};
    }

    /** An ECHO payload for {@code data}: a peer answers with the unsigned sum of its bytes. */
    public static byte[] echo(byte[] data) {
        byte[] req = new byte[1 + data.length];
        req[0] = Frames.OP_ECHO;
        System.arraycopy(data, 0, req, 1, data.length);
        return req;
    }

    /**
     * What is wrong with a reply payload (status byte, then the result or a UTF-8 message): null
     * for an ok reply, else the peer's error message or a description of the malformed reply.
     */
    public static String problem(byte[] reply) {
        if (reply == null || reply.length == 0) {
            return "sent an empty reply";
        }
        if (reply[0] == Frames.STATUS_OK) {
            return null;
        }
        if (reply[0] == Frames.STATUS_ERROR) {
            return "answered with an error: " + new String(reply, 1, reply.length - 1, StandardCharsets.UTF_8);
        }
        return "sent a malformed reply (status " + reply[0] + ", length " + reply.length + ")";
    }
}
