package io.gluebench.pattern.worker;

import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PythonChild;
import io.gluebench.pattern.Scratch;
import io.gluebench.pattern.StderrTail;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link FrameExchange} that starts a new process for every call: start the command, write the
 * request frame to its stdin and close it, read one reply frame from its stdout, wait for it to
 * exit 0. The process is reaped before {@link #call} returns, whatever happened: on any failure it
 * is killed and waited for, and a call that takes longer than the timeout is killed by a timer and
 * fails. Its stderr goes to one file, rewritten by each process, whose tail is quoted on failure.
 */
final class SpawnPerCall implements FrameExchange, PatternChild.Child {
    private final ProcessBuilder builder;
    private final List<String> command;
    private final Duration timeout;
    private final Path stderrFile;
    private final ScheduledThreadPoolExecutor timer;
    private final StreamFrames frames =
            new StreamFrames((got, wanted) -> "end of its stdout after " + got + " of " + wanted + " bytes");
    private long lastPid = -1;

    SpawnPerCall(List<String> command, Path workDir, Duration timeout) throws PatternException {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        try {
            stderrFile = Scratch.newFile("gluebench-spawn-", ".stderr");
        } catch (IOException e) {
            throw new PatternException("cannot create a file for the script's stderr: " + e.getMessage(), e);
        }
        builder = PythonChild.builder(command, workDir, stderrFile);
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "gluebench-spawn-timeout");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The pid of the last process started, -1 before the first call. */
    long lastPid() {
        return lastPid;
    }

    @Override
    public ByteBuffer request(int capacity) {
        return frames.request(capacity);
    }

    @Override
    public ByteBuffer call(int length) throws PatternException {
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new PatternException("cannot start " + command + ": " + e.getMessage(), e);
        }
        lastPid = p.pid();
        AtomicBoolean killed = new AtomicBoolean();
        ScheduledFuture<?> watchdog = timer.schedule(() -> {
            killed.set(true);
            p.destroyForcibly();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ByteBuffer reply;
            try {
                try (OutputStream out = p.getOutputStream()) {
                    frames.write(out, length);
                }
                InputStream in = p.getInputStream();
                reply = frames.read(in);
                if (in.read() >= 0) {
                    throw new IOException("it wrote more than one reply frame");
                }
                p.waitFor();
            } catch (IOException e) {
                throw failure(p, killed.get() ? "was killed after the timeout of " + timeout.toMillis() + " ms"
                        : "failed (" + e.getMessage() + ")", e);
            }
            if (killed.get()) {
                throw failure(p, "was killed after the timeout of " + timeout.toMillis() + " ms", null);
            }
            if (p.exitValue() != 0) {
                throw failure(p, "exited with code " + p.exitValue() + " after its reply", null);
            }
            try {
                return Frames.okResult(reply);
            } catch (Frames.BadReply e) {
                throw failure(p, e.getMessage(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatternException("interrupted while waiting for the script " + p.pid(), e);
        } finally {
            watchdog.cancel(false);
            reap(p);
        }
    }

    /** Kills the process if it still runs, waits for it and closes its pipes: nothing is left behind. */
    private static void reap(Process p) {
        if (p.isAlive()) {
            p.destroyForcibly();
        }
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        PythonChild.closeQuietly(p.getOutputStream());
        PythonChild.closeQuietly(p.getInputStream());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private PatternException failure(Process p, String what, Throwable cause) {
        reap(p);
        String exit = what.startsWith("exited") ? "" : " (exit code " + p.exitValue() + ")";
        return new PatternException("the script (pid " + p.pid() + ") " + what + exit + "; its stderr ends with:\n"
                + StderrTail.of(stderrFile), cause);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        Scratch.delete(stderrFile);
    }
}
