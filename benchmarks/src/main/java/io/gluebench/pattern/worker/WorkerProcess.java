package io.gluebench.pattern.worker;

import io.gluebench.pattern.PatternException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One persistent CPython worker process reached over its stdin/stdout pipes. The caller owns it:
 * one request in flight at a time, from one thread. Its stderr goes to a file whose tail is quoted
 * when the worker fails.
 */
final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final OutputStream toWorker;
    private final InputStream fromWorker;
    private final Path stderrFile;
    private final byte[] header = new byte[4];
    private byte[] reply = new byte[64];
    /** The longest reply accepted: compound results are a few hundred bytes. */
    static final int MAX_REPLY = 1 << 24;

    WorkerProcess(List<String> command, Path workDir) throws PatternException {
        try {
            stderrFile = Files.createTempFile("gluebench-worker-", ".stderr");
            stderrFile.toFile().deleteOnExit();
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectError(stderrFile.toFile());
            pb.environment().put("PYTHONPATH", workDir.toString());
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            process = pb.start();
        } catch (IOException e) {
            throw new PatternException("cannot start the worker " + command + ": " + e.getMessage(), e);
        }
        toWorker = process.getOutputStream();
        fromWorker = process.getInputStream();
    }

    long pid() {
        return process.pid();
    }

    /** Sends one request frame (already holding its length prefix) and returns the 8 result bytes. */
    long roundTrip(byte[] frame, int length) throws PatternException {
        try {
            toWorker.write(frame, 0, length);
            toWorker.flush();
            int len = readReply();
            if (len != 9) {
                throw failure("sent an ok reply of " + len + " bytes where 9 were due", null);
            }
            return ByteBuffer.wrap(reply, 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        } catch (IOException e) {
            throw failure("died (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Sends one request, a header (length prefix and op) followed by a body written as it is with
     * no copy, and returns the ok reply's result bytes (valid until the next call).
     */
    ByteBuffer roundTripPayload(byte[] header, int headerLength, byte[] body, int bodyLength) throws PatternException {
        try {
            toWorker.write(header, 0, headerLength);
            toWorker.write(body, 0, bodyLength);
            toWorker.flush();
            int len = readReply();
            return ByteBuffer.wrap(reply, 1, len - 1).slice().order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw failure("died (" + e.getMessage() + ")", e);
        }
    }

    /** Reads one reply into {@link #reply}; returns its length when its status is ok. */
    private int readReply() throws IOException, PatternException {
        readFully(header, 4);
        int len = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (len < 1 || len > MAX_REPLY) {
            throw failure("sent a reply frame of absurd length " + len, null);
        }
        if (reply.length < len) {
            reply = new byte[len];
        }
        readFully(reply, len);
        if (reply[0] == Frames.STATUS_OK) {
            return len;
        }
        if (reply[0] == Frames.STATUS_ERROR) {
            throw failure("answered with an error: " + new String(reply, 1, len - 1, StandardCharsets.UTF_8), null);
        }
        throw failure("sent a malformed reply (status " + reply[0] + ", length " + len + ")", null);
    }

    private void readFully(byte[] buf, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = fromWorker.read(buf, off, n - off);
            if (r < 0) {
                throw new EOFException("end of stream from the worker");
            }
            off += r;
        }
    }

    private PatternException failure(String what, Throwable cause) {
        String exit = "";
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                exit = " (exit code " + process.exitValue() + ")";
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return new PatternException("the worker " + what + exit + "; its stderr ends with:\n" + stderrTail(), cause);
    }

    String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderrFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            byte[] quit = {1, 0, 0, 0, Frames.OP_QUIT};
            toWorker.write(quit);
            toWorker.flush();
            toWorker.close();
        } catch (IOException ignored) {
            // Already gone.
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(stderrFile);
        } catch (IOException ignored) {
            // deleteOnExit is the fallback.
        }
    }
}
