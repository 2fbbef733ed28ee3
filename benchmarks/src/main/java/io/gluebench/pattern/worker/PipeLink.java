package io.gluebench.pattern.worker;

import io.gluebench.pattern.PythonChild;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** The worker's stdin and stdout: each request is written with its u32 length prefix in one write. */
final class PipeLink implements Link {
    private OutputStream out;
    private InputStream in;
    private byte[] req = new byte[4 + 256];
    private ByteBuffer reqView = view(req, 4, req.length - 4);
    private final byte[] header = new byte[4];
    private byte[] reply = new byte[64];
    private ByteBuffer replyView = view(reply, 0, reply.length);

    private static ByteBuffer view(byte[] a, int off, int len) {
        return ByteBuffer.wrap(a, off, len).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public List<String> workerArguments() {
        return List.of("--transport", "pipe");
    }

    @Override
    public void connect(Process worker) {
        out = worker.getOutputStream();
        in = worker.getInputStream();
    }

    @Override
    public ByteBuffer request(int capacity) {
        if (req.length - 4 < capacity) {
            req = new byte[4 + capacity];
            reqView = view(req, 4, capacity);
        }
        return reqView.clear();
    }

    @Override
    public ByteBuffer exchange(int length) throws IOException {
        req[0] = (byte) length;
        req[1] = (byte) (length >>> 8);
        req[2] = (byte) (length >>> 16);
        req[3] = (byte) (length >>> 24);
        out.write(req, 0, 4 + length);
        out.flush();
        readFully(header, 4);
        int len = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16 | (header[3] & 0xFF) << 24;
        WorkerProcess.checkReplyLength(len);
        if (reply.length < len) {
            reply = new byte[len];
            replyView = view(reply, 0, len);
        }
        readFully(reply, len);
        return replyView.clear().limit(len);
    }

    private void readFully(byte[] buf, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new EOFException("end of stream from the worker");
            }
            off += r;
        }
    }

    @Override
    public void close() {
        PythonChild.closeQuietly(out);
    }
}
