package io.gluebench.pattern.worker;

import io.gluebench.pattern.PythonChild;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/** The worker's stdin and stdout: each request is written with its u32 length prefix in one write. */
final class PipeLink implements Link {
    private OutputStream out;
    private InputStream in;
    private final StreamFrames frames = new StreamFrames((got, wanted) -> "end of stream from the worker");

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
        return frames.request(capacity);
    }

    @Override
    public ByteBuffer exchange(int length) throws IOException {
        frames.write(out, length);
        out.flush();
        return frames.read(in);
    }

    @Override
    public void close() {
        PythonChild.closeQuietly(out);
    }
}
