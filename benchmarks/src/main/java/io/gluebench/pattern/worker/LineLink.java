package io.gluebench.pattern.worker;

import io.gluebench.pattern.PythonChild;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The worker's stdin and stdout carrying one text line per message (JSON Lines, for worker-json):
 * the request is written with a trailing newline in one write; the reply is read up to its newline
 * (excluded) into a heap buffer. A line longer than {@link WorkerProcess#MAX_REPLY} is refused.
 */
final class LineLink implements Link {
    private OutputStream out;
    private InputStream in;
    private byte[] req = new byte[256 + 1];
    private ByteBuffer reqView = ByteBuffer.wrap(req, 0, req.length - 1).slice();
    private byte[] reply = new byte[4096];

    @Override
    public List<String> workerArguments() {
        return List.of();
    }

    @Override
    public void connect(Process worker) {
        out = worker.getOutputStream();
        in = worker.getInputStream();
    }

    @Override
    public ByteBuffer request(int capacity) {
        if (req.length - 1 < capacity) {
            req = new byte[capacity + 1];
            reqView = ByteBuffer.wrap(req, 0, capacity).slice();
        }
        return reqView.clear().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Sends the request's first {@code length} bytes and a newline; returns the reply line, array-backed. */
    @Override
    public ByteBuffer exchange(int length) throws IOException {
        req[length] = '\n';
        out.write(req, 0, length + 1);
        out.flush();
        // One request in flight: a reply never has bytes of the next one after it.
        int have = 0;       // bytes of the reply read so far
        int start = 0;      // where the search for the newline resumes
        while (true) {
            for (int i = start; i < have; i++) {
                if (reply[i] == '\n') {
                    return ByteBuffer.wrap(reply, 0, i).slice();
                }
            }
            start = have;
            if (have == reply.length) {
                if (reply.length >= WorkerProcess.MAX_REPLY) {
                    throw new IOException("the worker sent a reply line longer than " + WorkerProcess.MAX_REPLY + " bytes");
                }
                reply = java.util.Arrays.copyOf(reply, Math.min(2 * reply.length, WorkerProcess.MAX_REPLY));
            }
            int r = in.read(reply, have, reply.length - have);
            if (r < 0) {
                throw new EOFException("end of stream from the worker" + (have > 0 ? " inside a reply line" : ""));
            }
            have += r;
        }
    }

    @Override
    public void close() {
        PythonChild.closeQuietly(out);
    }
}
