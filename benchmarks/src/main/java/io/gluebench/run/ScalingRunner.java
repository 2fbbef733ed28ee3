package io.gluebench.run;

import io.gluebench.analysis.ScalingFactor;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Scaling;
import io.gluebench.result.Verification;
import io.gluebench.suite.PointBenchmark;
import io.gluebench.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Throughput of patterns with 1, 2, ... concurrent callers: {@link PointBenchmark} in JMH's
 * Throughput mode with that many JMH threads, in {@code forks} separate JVMs per (pattern, count).
 * The forks of all patterns and counts run in one seeded random order, so that a drift of the
 * machine (a neighbour, the clock, the heat) falls on every pattern and count alike rather than on
 * the last ones. The state has Scope.Thread, so every caller opens its own pattern (its own Jep or
 * PEMJA interpreter, its own worker process) and checks its own answer before it is timed.
 */
public final class ScalingRunner {
    /** The order's seed when the run gives none. */
    public static final long DEFAULT_SEED = 1;

    private final PatternEnv env;
    private final RunStore store;
    private final boolean verbose;
    private final long seed;
    private final int cores;

    /** With the default seed and the cores this JVM sees. */
    public ScalingRunner(PatternEnv env, RunStore store, boolean verbose) {
        this(env, store, verbose, DEFAULT_SEED, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param seed  orders the forks (the run's seed: the same seed, the same order)
     * @param cores the machine's CPUs (the run's {@code Machine.cores()}), which the verdict reads
     */
    public ScalingRunner(PatternEnv env, RunStore store, boolean verbose, long seed, int cores) {
        this.env = env;
        this.store = store;
        this.verbose = verbose;
        this.seed = seed;
        this.cores = cores;
    }

    /** One fork of one pattern with one caller count: a step of the order. */
    record Unit(String pattern, int count, int threads, int fork) {
    }

    /** Receives each pattern's measurement when its last fork has run (or one failed); false stops the runner. */
    @FunctionalInterface
    public interface Sink {
        boolean accept(Scaling scaling) throws IOException;
    }

    /**
     * Every (pattern, caller count, fork) once, shuffled by {@code new Random(seed)}: a permutation
     * of the nested order that the seed reproduces.
     */
    static List<Unit> order(List<String> patterns, List<Integer> threads, int forks, long seed) {
        List<Unit> units = new ArrayList<>();
        for (String p : patterns) {
            for (int c = 0; c < threads.size(); c++) {
                for (int f = 0; f < forks; f++) {
                    units.add(new Unit(p, c, threads.get(c), f));
                }
            }
        }
        Collections.shuffle(units, new Random(seed));
        return List.copyOf(units);
    }

    /** One pattern on its own: its counts and forks interleaved with one another only. */
    public Scaling run(PatternSpec spec, Workload workload, Profile.ScalingSettings s, int timeoutSeconds, Path runDir)
            throws IOException {
        return runAll(List.of(spec), workload, s, timeoutSeconds, runDir, sc -> true).get(0);
    }

    /**
     * All the patterns' forks in the seeded order. A pattern whose fork fails (or whose answer is
     * wrong) runs no more forks and is passed on at once as failed; the others when their last fork
     * has run. Returns the measurements passed on, in the order they finished.
     */
    public List<Scaling> runAll(List<PatternSpec> specs, Workload workload, Profile.ScalingSettings s,
            int timeoutSeconds, Path runDir, Sink sink) throws IOException {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (PatternSpec spec : specs) {
            tallies.put(spec.name(), new Tally(spec, s.threads().size(), s.forks()));
        }
        List<Scaling> done = new ArrayList<>();
        for (Unit u : order(List.copyOf(tallies.keySet()), s.threads(), s.forks(), seed)) {
            Tally t = tallies.get(u.pattern());
            if (t.finished) {
                continue;       // failed earlier: its other forks are not run
            }
            runFork(t, u, workload, s, timeoutSeconds, runDir);
            if (t.reason != null || --t.remaining == 0) {
                t.finished = true;
                Scaling sc = t.result(workload, s, cores);
                done.add(sc);
                if (!sink.accept(sc)) {
                    break;
                }
            }
        }
        return done;
    }

    private void runFork(Tally t, Unit u, Workload workload, Profile.ScalingSettings s, int timeoutSeconds, Path runDir)
            throws IOException {
        PatternSpec spec = t.spec;
        String id = "scaling-" + workload.name() + "-" + spec.name() + "-" + s.size() + "-t" + u.threads() + "-f"
                + (u.fork() + 1);
        Path jmhFile = runDir.resolve("jmh").resolve(id + ".json");
        Path logFile = runDir.resolve("logs").resolve(id + ".log");
        Path statusFile = runDir.resolve("logs").resolve(id + ".verify.json");
        Files.createDirectories(jmhFile.getParent());
        Files.createDirectories(logFile.getParent());
        Path crashFile = logFile.resolveSibling(id + ".hs_err.log");
        Files.deleteIfExists(statusFile);
        Files.deleteIfExists(crashFile);
        List<String> jvmArgs = new ArrayList<>(ForkFlags.forPattern(env, spec));
        jvmArgs.add("-XX:ErrorFile=" + crashFile);
        jvmArgs.add("-D" + PointBenchmark.STATUS_PROPERTY + "=" + statusFile);
        jvmArgs.add(io.gluebench.pattern.Scratch.jvmArgument(runDir));
        Profile.JmhSettings j = s.jmh();
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(PointBenchmark.class.getName()) + "\\.call$")
                .param("workload", workload.name())
                .param("pattern", spec.name())
                .param("size", Integer.toString(s.size()))
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .threads(u.threads())
                .forks(1)
                .warmupIterations(j.warmupIterations())
                .warmupTime(TimeValue.milliseconds(j.warmupMillis()))
                .measurementIterations(j.measurementIterations())
                .measurementTime(TimeValue.milliseconds(j.measurementMillis()))
                .timeout(TimeValue.seconds(timeoutSeconds))
                .jvm(ForkFlags.javaBinary())
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .result(jmhFile.toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        JmhFork.Outcome outcome;
        try {
            outcome = JmhFork.run(options, logFile, timeoutSeconds, verbose);
        } finally {
            io.gluebench.pattern.Scratch.clean(runDir);
        }
        if (!outcome.timedOut()) {
            JmhLockTaken.check(logFile, outcome.failure(), "callers of " + spec.name());
        }
        io.gluebench.pattern.worker.WorkerPattern.sweepOrphans();
        if (Files.exists(jmhFile)) {
            t.files.add(runDir.relativize(jmhFile).toString());
        }
        Verification verdict = Files.exists(statusFile)
                ? store.mapper().readValue(statusFile.toFile(), Verification.class) : null;
        RunResult rr = outcome.first();
        String where = u.threads() + (u.threads() == 1 ? " caller" : " callers")
                + (s.forks() > 1 ? ", fork " + (u.fork() + 1) + " of " + s.forks() : "") + ": ";
        if (verdict != null && !verdict.ok()) {
            t.reason = "not timed: " + verdict.error();
        } else if (rr == null || rr.getPrimaryResult() == null) {
            String thrown = PointRunner.thrownInFork(logFile);
            t.reason = where + (outcome.timedOut() ? "timed out after " + timeoutSeconds + " s"
                    : Files.exists(crashFile) ? "the fork crashed: " + PointRunner.crashSummary(crashFile)
                            + " (the JVM's report: " + runDir.relativize(crashFile) + ")"
                    : "the fork failed" + (outcome.failure() == null ? ""
                            : " (" + outcome.failure().lines().findFirst().orElse("") + ")")
                            + (thrown != null ? ": " + thrown : "; its output ends with:\n" + ForkedVerifier.tail(logFile)));
        } else {
            List<Double> samples = new ArrayList<>();
            for (var br : rr.getBenchmarkResults()) {
                for (IterationResult ir : br.getIterationResults()) {
                    samples.add(ir.getPrimaryResult().getScore());     // the threads' calls summed
                }
            }
            t.samples.get(u.count()).set(u.fork(), samples);
        }
    }

    /** What one pattern has gathered so far. */
    private static final class Tally {
        final PatternSpec spec;
        final List<List<List<Double>>> samples = new ArrayList<>();
        final List<String> files = new ArrayList<>();
        int remaining;
        boolean finished;
        String reason;

        Tally(PatternSpec spec, int counts, int forks) {
            this.spec = spec;
            this.remaining = counts * forks;
            for (int c = 0; c < counts; c++) {
                samples.add(new ArrayList<>(Collections.nCopies(forks, List.of())));
            }
        }

        Scaling result(Workload workload, Profile.ScalingSettings s, int cores) {
            ScalingFactor.Estimate e = ScalingFactor.estimate(s.threads(), samples);
            if (reason != null) {
                // Some forks of some counts ran: their throughputs are kept, no factor is read from them.
                return new Scaling(spec.name(), workload.name(), s.size(), Point.FAILED, s.threads(), e.opsPerSecond(),
                        e.halfWidths(), null, reason, files, samples, null, null, null);
            }
            return new Scaling(spec.name(), workload.name(), s.size(), Point.OK, s.threads(), e.opsPerSecond(),
                    e.halfWidths(), e.factor(), null, files, samples, e.low(), e.high(), ScalingFactor.verdict(e, cores));
        }
    }
}
