package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Placement;
import io.gluebench.pattern.Scratch;
import io.gluebench.result.RunStore;
import io.gluebench.result.Verification;
import io.gluebench.suite.PointBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts every fork of a run (a point's, a start-up's, a callers count's, the floors'): one fresh
 * JVM ({@link ForkMain}) with the pattern's flags ({@link ForkFlags}), running its entries in
 * order, under a watchdog that kills the JVM and everything it started when one entry overruns its
 * time-out. When the JVM dies (a segfault in JNI or an extension) or is killed, the entry in
 * progress fails and the entries after it go on in a new JVM, so one bad point never costs its
 * neighbours. The one place that names a fork's files, reads why it failed and notices that
 * another JMH benchmark took JMH's lock.
 */
final class ForkLauncher {
    private final PatternEnv env;
    private final RunStore store;
    private final ForkOptions options;
    private final boolean verbose;

    /** @param options what the command line adds to the forks (--jvm-arg, --prof) */
    ForkLauncher(PatternEnv env, RunStore store, ForkOptions options, boolean verbose) {
        this.env = env;
        this.store = store;
        this.options = options;
        this.verbose = verbose;
    }

    /**
     * One fork to start.
     *
     * @param name            the stem of its job, log and crash report files
     * @param spec            the pattern whose flags the JVM gets; null for the pattern-free floors
     * @param placement       where a worker pattern runs, or null
     * @param firstProperties system properties of the JVM's first entry only
     * @param timeoutSeconds  how long one entry may run (JVM start included for the first) before the
     *                        fork is killed
     */
    record Fork(String name, PatternSpec spec, Placement placement, ForkJob.Jmh jmh, List<ForkJob.Entry> entries,
            Map<String, String> firstProperties, int timeoutSeconds) {
    }

    /** One entry's result: the outcome the fork wrote, or the failure the launcher saw. */
    record Result(ForkJob.Entry entry, ForkJob.Outcome outcome, boolean timedOut, int timeoutSeconds, Path crashFile,
            List<String> jvmArgs) {

        /** Whether JMH measured the entry. */
        boolean ok() {
            return outcome != null && outcome.ok();
        }

        Path log() {
            return Path.of(entry.logFile());
        }

        /**
         * Why the entry has no measurement, in one sentence (then the fork's last output when nothing
         * better says it), or null when it was measured and its answer was right.
         *
         * @param verdict the answer's check the benchmark wrote, or null when it wrote none
         */
        String reason(Verification verdict, Path runDir) {
            if (timedOut) {
                return "timed out after " + timeoutSeconds + " s; the fork was killed";
            }
            if (verdict != null && !verdict.ok()) {
                return "not timed: " + verdict.error();
            }
            if (ok()) {
                return null;
            }
            if (crashFile != null) {
                return "the fork crashed: " + crashSummary(crashFile) + " (the JVM's report: "
                        + runDir.relativize(crashFile) + ")";
            }
            String thrown = thrownInFork(log());
            return thrown != null ? "the fork failed: " + thrown
                    : "the fork failed" + (outcome == null || outcome.failure() == null ? "" : " (" + outcome.failure() + ")")
                            + "; its output ends with:\n" + ForkedVerifier.tail(log());
        }
    }

    /** A point's JMH settings with the run's profilers (run --prof), which only the points' forks get. */
    ForkJob.Jmh profiled(ForkJob.Jmh jmh) {
        return options.profilers().isEmpty() ? jmh : jmh.withProfilers(options.profilers(), options.jmhForks());
    }

    /** The run folder's folder for the files profilers write (run --prof async), one folder per entry. */
    static final String PROFILERS = "profilers";

    /**
     * An entry of a fork with its files in the run folder: JMH's JSON in jmh/, its log, verdict,
     * warm-up series and outcome in logs/, a file-writing profiler's output in profilers/, each named
     * after {@code id}.
     */
    ForkJob.Entry entry(Path runDir, String id, String label, Map<String, String> params, Map<String, String> properties)
            throws IOException {
        Path logs = Files.createDirectories(runDir.resolve("logs"));
        Path jmh = Files.createDirectories(runDir.resolve("jmh"));
        String status = logs.resolve(id + ".verify.json").toString();
        String warmup = logs.resolve(id + ".warmup.json").toString();
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.put(PointBenchmark.STATUS_PROPERTY, status);
        props.put(PointBenchmark.WARMUP_FILE_PROPERTY, warmup);
        return new ForkJob.Entry(id, label, params, props, status, warmup, jmh.resolve(id + ".json").toString(),
                logs.resolve(id + ".log").toString(), logs.resolve(id + ".out.json").toString(),
                runDir.resolve(PROFILERS).resolve(id).toString());
    }

    /**
     * Runs the fork's entries in one JVM (more JVMs if one dies) and returns one result per entry, in
     * order. Throws {@link JmhLockTaken} when an entry failed because another JMH benchmark holds
     * JMH's machine-wide lock: that is no failure of the point, the run stops.
     */
    List<Result> run(Path runDir, Fork fork) throws IOException {
        Path logDir = Files.createDirectories(runDir.resolve("logs"));
        Map<String, Result> done = new LinkedHashMap<>();
        List<ForkJob.Entry> left = new ArrayList<>(fork.entries());
        int attempt = 0;
        while (!left.isEmpty()) {
            String name = fork.name() + (attempt == 0 ? "" : "-r" + attempt);
            attempt++;
            Path jobFile = logDir.resolve(name + ".job.properties");
            Path forkLog = logDir.resolve(name + ".log");
            Path crash = logDir.resolve(name + ".hs_err.log");
            Files.deleteIfExists(crash);
            for (ForkJob.Entry e : left) {
                for (String f : List.of(e.outFile(), e.statusFile(), e.warmupFile())) {
                    Files.deleteIfExists(Path.of(f));
                }
            }
            new ForkJob(left, fork.jmh(), fork.firstProperties()).write(jobFile);
            List<String> jvmArgs = jvmArgs(fork.spec(), fork.placement(), crash);
            List<String> cmd = new ArrayList<>();
            cmd.add(ForkFlags.javaBinary());
            cmd.addAll(jvmArgs);
            cmd.add(Scratch.jvmArgument(runDir));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(ForkMain.class.getName());
            cmd.add(jobFile.toString());
            boolean timedOut = watch(new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(forkLog.toFile()).start(), left, fork.timeoutSeconds(), runDir);
            List<ForkJob.Entry> next = new ArrayList<>();
            boolean failedOne = false;
            for (ForkJob.Entry e : left) {
                Path out = Path.of(e.outFile());
                Result r;
                if (Files.exists(out)) {
                    r = new Result(e, store.mapper().readValue(out.toFile(), ForkJob.Outcome.class), false,
                            fork.timeoutSeconds(), null, jvmArgs);
                } else if (!failedOne) {
                    // The entry in progress when the JVM ended: it failed, and took the JVM with it.
                    failedOne = true;
                    r = new Result(e, null, timedOut, fork.timeoutSeconds(), Files.exists(crash) ? crash : null, jvmArgs);
                } else {
                    next.add(e);
                    continue;
                }
                if (!r.ok() && !r.timedOut()) {
                    JmhLockTaken.check(r.log(), r.outcome() == null ? null : r.outcome().failure(), e.label());
                    JmhLockTaken.check(forkLog, null, e.label());
                }
                done.put(e.id(), r);
            }
            left = next;
        }
        if (verbose) {
            // --verbose: JMH's own output of each entry, as it was written to the entry's log.
            for (ForkJob.Entry e : fork.entries()) {
                Path log = Path.of(e.logFile());
                if (Files.exists(log)) {
                    System.out.print(Files.readString(log, StandardCharsets.UTF_8));
                }
            }
        }
        return fork.entries().stream().map(e -> done.get(e.id())).toList();
    }

    /**
     * Waits for the fork to end, killing it (and what it started) when the entry in progress has run
     * longer than the time-out; true when it did. Cleans up what a killed fork leaves behind.
     */
    private static boolean watch(Process p, List<ForkJob.Entry> entries, int timeoutSeconds, Path runDir)
            throws IOException {
        ForkJob.Entry current = null;
        long currentSince = System.nanoTime();
        try {
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                ForkJob.Entry now = firstWithout(entries);
                if (now != current) {
                    current = now;
                    currentSince = System.nanoTime();
                } else if (now != null && System.nanoTime() - currentSince > timeoutSeconds * 1_000_000_000L) {
                    kill(p.toHandle());
                    p.waitFor(30, TimeUnit.SECONDS);
                    return true;
                }
            }
            return false;
        } catch (InterruptedException ie) {
            kill(p.toHandle());
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            if (p.isAlive()) {
                kill(p.toHandle());
            }
            io.gluebench.pattern.worker.WorkerPattern.sweepOrphans();
            Scratch.clean(runDir);
        }
    }

    private static ForkJob.Entry firstWithout(List<ForkJob.Entry> entries) {
        for (ForkJob.Entry e : entries) {
            if (!Files.exists(Path.of(e.outFile()))) {
                return e;
            }
        }
        return null;
    }

    /**
     * The fork's JVM arguments as a point records them: the pattern's flags and the run's
     * (--jvm-arg), the crash report, the placement.
     */
    List<String> jvmArgs(PatternSpec spec, Placement placement, Path crash) {
        List<String> args = new ArrayList<>(ForkFlags.forPattern(env, spec, options.jvmArgs()));
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

    /** Kills every fork of this JVM and everything they started. */
    static void killAll() {
        ProcessHandle.current().children().forEach(ForkLauncher::kill);
    }

    /** "SIGSEGV (0xb) at pc=..., pid=..., tid=..." and the problematic frame, from a JVM crash report. */
    static String crashSummary(Path hsErr) {
        try (var lines = Files.lines(hsErr, StandardCharsets.ISO_8859_1)) {
            List<String> l = lines.limit(60).toList();
            String signal = l.stream().filter(s -> s.startsWith("#  SIG") || s.startsWith("#  Internal Error"))
                    .map(s -> s.substring(1).trim()).findFirst().orElse("the JVM died");
            int frame = l.indexOf("# Problematic frame:");
            String where = frame >= 0 && frame + 1 < l.size() ? "; " + l.get(frame + 1).substring(1).trim() : "";
            return signal + where;
        } catch (IOException | RuntimeException e) {
            return "the JVM died";
        }
    }

    /** The exception JMH reported from the fork, message lines only (no stack frames), or null. */
    static String thrownInFork(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("<failure>")) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                return null;
            }
            List<String> message = new ArrayList<>();
            for (int i = start; i < lines.size() && message.size() < 30; i++) {
                String line = lines.get(i);
                if (line.startsWith("\tat ") || line.trim().startsWith("at ") || line.startsWith("Caused by:")) {
                    break;
                }
                if (!line.isBlank()) {
                    message.add(line);
                }
            }
            if (message.isEmpty()) {
                return null;
            }
            // "io.gluebench.pattern.PatternException: the worker died" says what happened without the class.
            message.set(0, message.get(0).replaceAll("^((?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): )+", ""));
            return String.join("\n", message);
        } catch (IOException e) {
            return null;
        }
    }
}
