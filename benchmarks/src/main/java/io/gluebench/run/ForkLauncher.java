package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Placement;
import io.gluebench.result.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts forks: one fresh JVM ({@link ForkMain}) with a pattern's flags, measuring a list of
 * points in order, under a watchdog that kills the JVM and everything it started when one point
 * overruns the point time-out. When the JVM dies (a segfault in JNI or an extension) or is killed,
 * the point in progress fails with the reason and the points after it go on in a new JVM, so one
 * bad point never costs its neighbours.
 */
final class ForkLauncher {
    private final PatternEnv env;
    private final RunStore store;

    ForkLauncher(PatternEnv env, RunStore store) {
        this.env = env;
        this.store = store;
    }

    /** One point's result from a fork: the outcome the fork wrote, or the failure the launcher saw. */
    record Result(ForkJob.Entry entry, ForkJob.Outcome outcome, boolean timedOut, Path crashFile, List<String> jvmArgs) {
    }

    /**
     * Runs the entries in one JVM (more JVMs if one dies) and returns one result per entry, in order.
     *
     * @param logDir where the fork's own output (outside JMH's per-point logs) and crash report go
     */
    List<Result> run(PatternSpec spec, Placement placement, List<ForkJob.Entry> entries, Profile.JmhSettings s,
            int pointTimeoutSeconds, Path logDir, String forkName) throws IOException {
        Map<String, Result> done = new LinkedHashMap<>();
        List<ForkJob.Entry> left = new ArrayList<>(entries);
        int attempt = 0;
        while (!left.isEmpty()) {
            String name = forkName + (attempt == 0 ? "" : "-r" + attempt);
            attempt++;
            Path jobFile = logDir.resolve(name + ".job.json");
            Path forkLog = logDir.resolve(name + ".log");
            Path crash = logDir.resolve(name + ".hs_err.log");
            Files.deleteIfExists(crash);
            for (ForkJob.Entry e : left) {
                Files.deleteIfExists(Path.of(e.outFile()));
                Files.deleteIfExists(Path.of(e.statusFile()));
                Files.deleteIfExists(Path.of(e.warmupFile()));
            }
            store.writeJson(jobFile, new ForkJob(left, s.warmupIterations(), s.warmupMillis(),
                    s.measurementIterations(), s.measurementMillis(), s.warmupProperty(false), s.warmupProperty(true)));
            List<String> jvmArgs = jvmArgs(spec, placement, crash);
            List<String> cmd = new ArrayList<>();
            cmd.add(ForkFlags.javaBinary());
            cmd.addAll(jvmArgs);
            cmd.add(io.gluebench.pattern.Scratch.jvmArgument(logDir.getParent()));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(ForkMain.class.getName());
            cmd.add(jobFile.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(forkLog.toFile()).start();
            ForkJob.Entry current = null;
            long currentSince = System.nanoTime();
            boolean timedOut = false;
            try {
                while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                    ForkJob.Entry now = firstWithout(left);
                    if (now != current) {
                        current = now;
                        currentSince = System.nanoTime();
                    } else if (now != null && System.nanoTime() - currentSince > pointTimeoutSeconds * 1_000_000_000L) {
                        timedOut = true;
                        kill(p.toHandle());
                        p.waitFor(30, TimeUnit.SECONDS);
                        break;
                    }
                }
            } catch (InterruptedException ie) {
                kill(p.toHandle());
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } finally {
                if (p.isAlive()) {
                    kill(p.toHandle());
                }
                io.gluebench.pattern.worker.WorkerPattern.sweepOrphans();
                io.gluebench.pattern.Scratch.clean(logDir.getParent());
            }
            List<ForkJob.Entry> next = new ArrayList<>();
            boolean failedOne = false;
            for (ForkJob.Entry e : left) {
                Path out = Path.of(e.outFile());
                if (Files.exists(out)) {
                    done.put(e.id(), new Result(e, store.mapper().readValue(out.toFile(), ForkJob.Outcome.class), false,
                            null, jvmArgs));
                } else if (!failedOne) {
                    // The point in progress when the JVM ended: it failed, and took the JVM with it.
                    failedOne = true;
                    done.put(e.id(), new Result(e, null, timedOut, Files.exists(crash) ? crash : null, jvmArgs));
                } else {
                    next.add(e);
                }
            }
            left = next;
        }
        List<Result> out = new ArrayList<>();
        for (ForkJob.Entry e : entries) {
            out.add(done.get(e.id()));
        }
        return out;
    }

    private static ForkJob.Entry firstWithout(List<ForkJob.Entry> entries) {
        for (ForkJob.Entry e : entries) {
            if (!Files.exists(Path.of(e.outFile()))) {
                return e;
            }
        }
        return null;
    }

    List<String> jvmArgs(PatternSpec spec, Placement placement, Path crash) {
        List<String> args = new ArrayList<>(ForkFlags.forPattern(env, spec));
        args.add("-XX:ErrorFile=" + crash);
        if (placement != null) {
            args.add("-D" + Placement.PROPERTY + "=" + placement.id());
        }
        return args;
    }

    /** Kills a fork and everything it started (workers, Py4J peers). */
    static void kill(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
