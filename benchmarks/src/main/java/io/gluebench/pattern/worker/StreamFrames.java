package io.gluebench.pattern.worker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link Frames} over a child's stdin and stdout (a pipe worker, a process per call): a request
 * buffer with room for the u32 length in front, so that a request goes out in one write, and a reply
 * buffer that grows to the longest reply read. One request in flight, one thread.
 */
final class StreamFrames {
    /** The message of the EOFException when the stream ends after {@code got} of {@code wanted} bytes. */
    interface EndOfStream {
        String message(int got, int wanted);
    }

    private final EndOfStream endOfStream;
    private byte[] req = new byte[4 + 256];
    private ByteBuffer reqView = view(req, 4, req.length - 4);
    private final byte[] header = new byte[4];
    private byte[] reply = new byte[64];
    private ByteBuffer replyView = view(reply, 0, reply.length);

    StreamFrames(EndOfStream endOfStream) {
        this.endOfStream = endOfStream;
    }

    private static ByteBuffer view(byte[] a, int off, int len) {
        return ByteBuffer.wrap(a, off, len).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A buffer of at least {@code capacity} bytes for the next request payload, cleared, little-endian. */
    ByteBuffer request(int capacity) {
        if (req.length - 4 < capacity) {
            req = new byte[4 + capacity];
            reqView = view(req, 4, capacity);
        }
        return reqView.clear();
    }

    /** Writes the request's first {@code length} bytes after their u32 length, in one write. */
    void write(OutputStream out, int length) throws IOException {
        req[0] = (byte) length;
        req[1] = (byte) (length >>> 8);
        req[2] = (byte) (length >>> 16);
        req[3] = (byte) (length >>> 24);
        out.write(req, 0, 4 + length);
    }

    /** Reads one reply frame; returns its payload, valid until the next read. */
    ByteBuffer read(InputStream in) throws IOException {
        readFully(in, header, 4);
        int len = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16 | (header[3] & 0xFF) << 24;
        WorkerProcess.checkReplyLength(len);
        if (reply.length < len) {
            reply = new byte[len];
            replyView = view(reply, 0, len);
        }
        readFully(in, reply, len);
        return replyView.clear().limit(len);
    }

    private void readFully(InputStream in, byte[] buf, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new EOFException(endOfStream.message(off, n));
            }
            off += r;
        }
    }
}
