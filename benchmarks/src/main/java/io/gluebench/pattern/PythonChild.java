package io.gluebench.pattern;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every CPython child a pattern starts (a worker, a process per call, a Py4J server) shares: how
 * it is started, how its exit is told in an error, and how it is ended.
 */
public final class PythonChild {
    private PythonChild() {
    }

    /**
     * The builder of {@code command}, run in {@code workDir} (also its PYTHONPATH, no bytecode
     * written) with the run's BLAS threads, its stderr going to {@code stderr}.
     */
    public static ProcessBuilder builder(List<String> command, Path workDir, Path stderr) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(stderr.toFile());
        pb.environment().put("PYTHONPATH", workDir.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().putAll(BlasThreads.variables());
        return pb;
    }

    /** " (exit code N)" when the process has exited or exits within 200 ms, else "". */
    public static String exitNote(Process p) {
        try {
            if (p.waitFor(200, TimeUnit.MILLISECONDS)) {
                return " (exit code " + p.exitValue() + ")";
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /**
     * Ends the process by closing its stdin (EOF, on which it exits), waits 2 s for it, then kills it
     * and waits 2 s more.
     */
    public static void end(Process p) {
        closeQuietly(p.getOutputStream());
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Closes one of a child's streams, if any; one that is already gone is no error. */
    public static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // Already gone.
        }
    }
}
