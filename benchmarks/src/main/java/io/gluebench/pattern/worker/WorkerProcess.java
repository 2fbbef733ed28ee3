package io.gluebench.pattern.worker;

import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PythonChild;
import io.gluebench.pattern.Scratch;
import io.gluebench.pattern.StderrTail;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One persistent CPython worker process and the {@link Link} that reaches it. The caller owns it:
 * one request in flight at a time, from one thread. Its stderr goes to a file whose tail is quoted
 * when the worker fails. stdin is always a pipe from this JVM: over uds and shm the worker exits
 * when it reaches EOF, so it never outlives the JVM.
 *
 * <p>A call: {@link #request} gives the buffer to encode the request payload into (op byte, then
 * body), and {@link #call} or {@link #callScalar} sends it and checks the reply's status. A link
 * that carries another encoding (JSON lines over {@link LineLink}) uses {@link #exchange}, which
 * returns the reply as read, and {@link #badReply} to report what is wrong with it.
 */
final class WorkerProcess implements FrameExchange, PatternChild.Child {
    /** The longest reply accepted over a stream: compound results are a few hundred bytes. */
    static final int MAX_REPLY = 1 << 24;

    private final Process process;
    private final Link link;
    private final Path stderrFile;

    WorkerProcess(List<String> command, Path workDir) throws PatternException {
        this(command, workDir, new PipeLink());
    }

    WorkerProcess(List<String> command, Path workDir, Link link) throws PatternException {
        this.link = link;
        List<String> full = new ArrayList<>(command);
        full.addAll(link.workerArguments());
        Path err = null;
        Process p = null;
        try {
            err = Scratch.newFile("gluebench-worker-", ".stderr");
            p = PythonChild.builder(full, workDir, err).start();
            link.connect(p);
        } catch (IOException e) {
            String tail = err == null ? "" : "; its stderr ends with:\n" + StderrTail.of(err);
            if (p != null) {
                p.destroyForcibly();
            }
            link.close();
            throw new PatternException("cannot start the worker " + full + ": " + e.getMessage() + tail, e);
        }
        process = p;
        stderrFile = err;
    }

    long pid() {
        return process.pid();
    }

    static void checkReplyLength(int len) throws IOException {
        if (len < 1 || len > MAX_REPLY) {
            throw new IOException("the worker sent a reply frame of absurd length " + len);
        }
    }

    @Override
    public ByteBuffer request(int capacity) throws PatternException {
        try {
            return link.request(capacity);
        } catch (IOException e) {
            throw new PatternException("the worker's transport refused the request: " + e.getMessage(), e);
        }
    }

    @Override
    public ByteBuffer call(int length) throws PatternException {
        ByteBuffer reply = exchange(length);
        try {
            return Frames.okResult(reply);
        } catch (Frames.BadReply e) {
            throw failure(e.getMessage(), null);
        }
    }

    /** Sends the request's first {@code length} bytes; returns the reply payload as the link read it. */
    ByteBuffer exchange(int length) throws PatternException {
        try {
            return link.exchange(length);
        } catch (IOException e) {
            throw failure("died (" + e.getMessage() + ")", e);
        }
    }

    /** A failure of the worker's reply, with its exit code and the tail of its stderr. */
    PatternException badReply(String what, Throwable cause) {
        return failure(what, cause);
    }

    @Override
    public long callScalar(int length) throws PatternException {
        ByteBuffer r = call(length);
        if (r.remaining() != 8) {
            throw failure("sent an ok reply of " + (r.remaining() + 1) + " bytes where 9 were due", null);
        }
        return r.getLong(0);
    }

    /** Sends a whole frame as the tests write them: u32 length, then the payload. */
    long roundTrip(byte[] frame, int length) throws PatternException {
        ByteBuffer req = request(length - 4);
        req.put(frame, 4, length - 4);
        return callScalar(length - 4);
    }

    private PatternException failure(String what, Throwable cause) {
        return new PatternException("the worker " + what + PythonChild.exitNote(process) + "; its stderr ends with:\n"
                + StderrTail.of(stderrFile), cause);
    }

    /**
     * Ends the worker by closing its stdin: EOF on every transport (over pipes it is the frame
     * stream; over uds and shm the worker watches stdin for it), then waits, then kills.
     */
    @Override
    public void close() {
        PythonChild.end(process);
        link.close();
        Scratch.delete(stderrFile);
    }
}
