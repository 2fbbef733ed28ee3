package io.gluebench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short helper command and returns its output: null when it fails or is absent, or with its exit status. */
final class Exec {
    private Exec() {
    }

    /** A finished command: its exit status (-1 when it could not run or timed out) and its output with stderr. */
    record Outcome(int exit, String output) {
    }

    static String output(Path dir, long timeoutSeconds, List<String> command) {
        Outcome o = run(dir, timeoutSeconds, command);
        return o.exit() == 0 ? o.output() : null;
    }

    static Outcome run(Path dir, long timeoutSeconds, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(-1, "timed out after " + timeoutSeconds + " s");
            }
            return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return new Outcome(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }
}
