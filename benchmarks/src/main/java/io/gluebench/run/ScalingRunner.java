package io.gluebench.run;

import io.gluebench.analysis.ScalingFactor;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Scaling;
import io.gluebench.result.Verification;
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
import org.openjdk.jmh.annotations.Mode;

/**
 * Throughput of patterns with 1, 2, ... concurrent callers: {@code suite.PointBenchmark} in JMH's
 * Throughput mode with that many JMH threads, in {@code forks} separate JVMs per (pattern, count)
 * ({@link ForkLauncher}).
 * The forks of all patterns and counts run in one seeded random order, so that a drift of the
 * machine (a neighbour, the clock, the heat) falls on every pattern and count alike rather than on
 * the last ones. The state has Scope.Thread, so every caller opens its own pattern (its own Jep or
 * PEMJA interpreter, its own worker process) and checks its own answer before it is timed.
 */
public final class ScalingRunner {
    private final RunStore store;
    private final ForkLauncher launcher;
    private final long seed;
    private final int cores;

    /**
     * @param seed  orders the forks (the run's seed: the same seed, the same order)
     * @param cores the machine's CPUs (the run's {@code Machine.cores()}), which the verdict reads
     */
    ScalingRunner(RunStore store, ForkLauncher launcher, long seed, int cores) {
        this.store = store;
        this.launcher = launcher;
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

    /**
     * All the patterns' forks in the seeded order. A pattern whose fork fails (or whose answer is
     * wrong) runs no more forks and is passed on at once as failed; the others when their last fork
     * has run. Returns the measurements passed on, in the order they finished. Each fork moves the
     * progress on; the forks a failed pattern will not run leave it.
     */
    List<Scaling> runAll(List<PatternSpec> specs, Workload workload, Profile.ScalingSettings s,
            int timeoutSeconds, Path runDir, Sink sink, Progress progress) throws IOException {
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
            double each = Plan.estimateCallersForkSeconds(t.spec, s);
            progress.starting("callers " + u.pattern() + " x" + u.threads() + " f" + (u.fork() + 1));
            runFork(t, u, workload, s, timeoutSeconds, runDir);
            progress.advance(1, each);
            if (t.reason != null && t.remaining > 1) {
                progress.drop(t.remaining - 1, (t.remaining - 1) * each);     // its other forks are not run
            }
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
        Profile.JmhSettings j = s.jmh();
        ForkJob.Jmh jmh = new ForkJob.Jmh(PointRunner.BENCHMARK, Mode.Throughput.name(), TimeUnit.SECONDS.name(),
                u.threads(), j.warmupIterations(), j.warmupMillis(), j.measurementIterations(), j.measurementMillis(), 0,
                timeoutSeconds);
        ForkJob.Entry e = launcher.entry(runDir, id, "callers of " + spec.name(),
                Map.of("workload", workload.name(), "pattern", spec.name(), "size", Integer.toString(s.size())), Map.of());
        ForkLauncher.Result r = launcher.run(runDir, new ForkLauncher.Fork("fork-" + id, spec, null, jmh, List.of(e), Map.of(),
                timeoutSeconds)).get(0);
        Path jmhFile = Path.of(e.jmhFile());
        if (Files.exists(jmhFile)) {
            t.files.add(runDir.relativize(jmhFile).toString());
        }
        Path statusFile = Path.of(e.statusFile());
        Verification verdict = Files.exists(statusFile)
                ? store.mapper().readValue(statusFile.toFile(), Verification.class) : null;
        String where = u.threads() + (u.threads() == 1 ? " caller" : " callers")
                + (s.forks() > 1 ? ", fork " + (u.fork() + 1) + " of " + s.forks() : "") + ": ";
        String reason = r.reason(verdict, runDir);
        if (reason != null) {
            t.reason = reason.startsWith("not timed") ? reason : where + reason;
        } else {
            t.samples.get(u.count()).set(u.fork(), r.outcome().samples());     // the threads' calls summed
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
