package io.gluebench.run;

import io.gluebench.analysis.HierarchicalBootstrap;
import io.gluebench.analysis.Interval;
import io.gluebench.analysis.SteadyState;
import io.gluebench.result.Fork;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Verification;
import io.gluebench.suite.PointBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the run's forks: each {@link ForkSchedule.Unit} in one fresh JVM through {@link ForkLauncher},
 * then folds each point's new fork into the point: its iterations kept apart, its steady-state class,
 * and the point's score and interval over all its forks so far (the two-level bootstrap). A point
 * whose fork failed (verification, crash, time-out) is failed with the reason.
 */
public final class PointRunner {
    private static final Pattern WARMUP_LINE =
            Pattern.compile("^# Warmup Iteration\\s+\\d+:\\s+([0-9.,]+|≈\\s*[0-9.eE+-]+)\\s+ns/op");

    /** JMH's gc profiler's Java heap bytes allocated per call (run --prof gc). */
    static final String ALLOC_PER_OP = "gc.alloc.rate.norm";

    /** The JMH benchmark a point's fork runs. */
    static final String BENCHMARK = "^" + Pattern.quote(PointBenchmark.class.getName()) + "\\.call$";

    private final RunStore store;
    private final ForkLauncher launcher;

    PointRunner(RunStore store, ForkLauncher launcher) {
        this.store = store;
        this.launcher = launcher;
    }

    /** The file stem of a point: workload-series-size. */
    static String id(Plan.Item item) {
        return item.workload().name() + "-" + item.series().replace('@', '-') + "-" + item.size();
    }

    /** One point's share of a fork: the point as it now stands (this fork folded in). */
    record Folded(Plan.Item item, Point point) {
    }

    /**
     * Measures one fork and folds it into the points.
     *
     * @param previous the points as they stand (null for a point not yet measured)
     * @param order    the fork's place in the run's order
     */
    List<Folded> run(ForkSchedule.Unit unit, java.util.function.Function<Plan.Item, Point> previous, Profile profile,
            Path runDir, int order) throws IOException {
        Profile.JmhSettings s = profile.settingsFor(unit.pattern().family());
        List<ForkJob.Entry> entries = new ArrayList<>();
        Map<String, String> warmup = new java.util.HashMap<>();
        if (s.warmupProperty(false) != null) {
            warmup.put(PointBenchmark.WARMUP_PROPERTY, s.warmupProperty(false));
        }
        for (Plan.Item item : unit.items()) {
            entries.add(launcher.entry(runDir, id(item) + "-f" + unit.fork(), item.label(),
                    Map.of("workload", item.workload().name(), "pattern", item.pattern().name(),
                            "size", Integer.toString(item.size())), warmup));
        }
        ForkJob.Jmh jmh = launcher.profiled(new ForkJob.Jmh(BENCHMARK, null, null, 1, s.warmupIterations(),
                s.warmupMillis(), s.measurementIterations(), s.measurementMillis(), 0, null));
        Map<String, String> first = s.warmupProperty(true) == null ? Map.of()
                : Map.of(PointBenchmark.WARMUP_PROPERTY, s.warmupProperty(true));
        List<ForkLauncher.Result> results = launcher.run(runDir, new ForkLauncher.Fork(unit.name(), unit.pattern(),
                unit.placement(), jmh, entries, first, profile.pointTimeoutSeconds()));
        List<Folded> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Plan.Item item = unit.items().get(i);
            out.add(new Folded(item, fold(item, previous.apply(item), results.get(i), unit.fork(), order, profile, runDir)));
        }
        return out;
    }

    private Point fold(Plan.Item item, Point before, ForkLauncher.Result r, int forkIndex, int order, Profile profile,
            Path runDir) throws IOException {
        ForkJob.Entry e = r.entry();
        Path logFile = Path.of(e.logFile());
        Path jmhFile = Path.of(e.jmhFile());
        Verification verdict = readVerdict(Path.of(e.statusFile()));
        String rel = runDir.relativize(jmhFile).toString();
        ForkJob.Outcome o = r.outcome();
        List<Fork> forks = new ArrayList<>(before == null ? List.of() : before.forks());
        double wallBefore = before == null ? 0 : before.wallSeconds();
        String reason = r.reason(verdict, runDir);
        if (reason == null && verdict == null) {
            reason = "the fork failed: the benchmark wrote no verdict; its output ends with:\n"
                    + ForkedVerifier.tail(logFile);
        }
        if (reason != null) {
            if (!forks.isEmpty()) {
                reason = "fork " + (forkIndex + 1) + " of the point: " + reason;
            }
            return new Point(item.workload().name(), item.pattern().name(), item.size(), item.pattern().transport(),
                    item.placement() == null ? null : item.placement().id(), Point.FAILED, "ns/op", null, null,
                    List.of(), List.of(), verdict, reason, Files.exists(jmhFile) ? rel : null, r.jvmArgs(),
                    wallBefore + (o == null ? 0 : o.wallSeconds()), null, forks, null, null, null);
        }
        // The warm-up before the measurement: the adaptive batches, then JMH's own warm-up iterations.
        List<Double> warm = new ArrayList<>(readWarmup(Path.of(e.warmupFile())));
        warm.addAll(warmup(logFile));
        double warmSeconds = readWarmupSeconds(Path.of(e.warmupFile()));
        Integer compilations = readMeasuredCompilations(Path.of(e.warmupFile()));
        double[] series = java.util.stream.Stream.concat(warm.stream(), o.samples().stream())
                .mapToDouble(Double::doubleValue).toArray();
        SteadyState.Fork cls = SteadyState.classify(series, warm.size());
        forks.removeIf(f -> f.index() == forkIndex);
        forks.add(new Fork(forkIndex, order, o.samples(), warm, warmSeconds, cls.kind().label(), cls.steadyFrom(),
                o.wallSeconds(), rel, compilations, o.secondary().get(ALLOC_PER_OP)));
        forks.sort(java.util.Comparator.comparingInt(Fork::index));
        return summarise(item, forks, verdict, r.jvmArgs(), wallBefore + o.wallSeconds(),
                profile.settingsFor(item.pattern().family()), o.unit());
    }

    /** The point from its forks: the mean of fork means, the two-level 95% interval, the class. */
    static Point summarise(Plan.Item item, List<Fork> forks, Verification verdict, List<String> jvmArgs, double wall,
            Profile.JmhSettings s, String unit) {
        List<double[]> samples = forks.stream().map(Fork::sampleArray).toList();
        double mean = HierarchicalBootstrap.grandMean(samples);
        // Seeded by the point, so a run's intervals are the same each time they are computed.
        var rng = new org.apache.commons.math3.random.MersenneTwister(
                (item.workload().name() + "/" + item.series() + "/" + item.size()).hashCode());
        Interval ci = HierarchicalBootstrap.interval(samples, 0.95, HierarchicalBootstrap.REPLICATES, rng);
        SteadyState.Kind kind = SteadyState.ofPoint(forks.stream()
                .map(f -> SteadyState.Kind.fromLabel(f.steadyState())).filter(java.util.Objects::nonNull).toList());
        List<Double> pooled = forks.stream().flatMap(f -> f.samples().stream()).toList();
        List<Double> warm = forks.isEmpty() ? List.of() : forks.get(0).warmup();
        // Allocation per call (run --prof gc): the mean of the forks that report it, resampled by fork.
        List<double[]> alloc = forks.stream().filter(f -> f.allocBytesPerOp() != null)
                .map(f -> new double[] {f.allocBytesPerOp()}).toList();
        Double allocMean = alloc.isEmpty() ? null : HierarchicalBootstrap.grandMean(alloc);
        Interval allocCi = alloc.size() < 2 ? null
                : HierarchicalBootstrap.interval(alloc, 0.95, HierarchicalBootstrap.REPLICATES, rng);
        return new Point(item.workload().name(), item.pattern().name(), item.size(), item.pattern().transport(),
                item.placement() == null ? null : item.placement().id(), Point.OK, unit == null ? "ns/op" : unit, mean,
                (ci.hi() - ci.lo()) / 2, pooled, warm, verdict, null, forks.get(0).jmhFile(), jvmArgs, wall,
                new Point.Warmup(s.warmupIterations(), s.warmupMillis()), forks, kind == null ? null : kind.label(),
                ci.lo(), ci.hi(), allocMean, allocCi == null ? null : allocCi.lo(), allocCi == null ? null : allocCi.hi());
    }

    private List<Double> readWarmup(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            var node = store.mapper().readTree(file.toFile()).get("batches");
            List<Double> out = new ArrayList<>();
            if (node != null) {
                node.forEach(n -> out.add(n.asDouble()));
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private double readWarmupSeconds(Path file) {
        try {
            return Files.exists(file) ? store.mapper().readTree(file.toFile()).path("seconds").asDouble(0) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The JIT compilations the engine reported while JMH ran, or null when it reports none. */
    private Integer readMeasuredCompilations(Path file) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            var n = store.mapper().readTree(file.toFile()).get("measuredCompilations");
            return n == null || !n.isNumber() ? null : n.asInt();
        } catch (IOException e) {
            return null;
        }
    }

    private Verification readVerdict(Path statusFile) {
        try {
            return Files.exists(statusFile) ? store.mapper().readValue(statusFile.toFile(), Verification.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static List<Double> warmup(Path logFile) {
        List<Double> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
                Matcher m = WARMUP_LINE.matcher(line);
                if (m.find()) {
                    try {
                        out.add(Double.parseDouble(m.group(1).replace(",", "").replace("≈", "").trim()));
                    } catch (NumberFormatException ignored) {
                        // Not a plain number; skip it.
                    }
                }
            }
        } catch (IOException ignored) {
            // No log, no curve.
        }
        return out;
    }
}
