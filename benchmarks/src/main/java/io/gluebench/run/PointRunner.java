package io.gluebench.run;

import io.gluebench.analysis.HierarchicalBootstrap;
import io.gluebench.analysis.Interval;
import io.gluebench.analysis.SteadyState;
import io.gluebench.result.Fork;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private final RunStore store;
    private final boolean verbose;
    private final ForkLauncher launcher;

    public PointRunner(io.gluebench.pattern.PatternEnv env, RunStore store, boolean verbose) {
        this.store = store;
        this.verbose = verbose;
        this.launcher = new ForkLauncher(env, store);
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
        Path logs = runDir.resolve("logs");
        Path jmhDir = runDir.resolve("jmh");
        Files.createDirectories(logs);
        Files.createDirectories(jmhDir);
        List<ForkJob.Entry> entries = new ArrayList<>();
        for (Plan.Item item : unit.items()) {
            String id = id(item) + "-f" + unit.fork();
            entries.add(new ForkJob.Entry(id, item.workload().name(), item.pattern().name(), item.size(),
                    logs.resolve(id + ".verify.json").toString(), logs.resolve(id + ".warmup.json").toString(),
                    jmhDir.resolve(id + ".json").toString(), logs.resolve(id + ".log").toString(),
                    logs.resolve(id + ".out.json").toString()));
        }
        List<ForkLauncher.Result> results = launcher.run(unit.pattern(), unit.placement(), entries, s,
                profile.pointTimeoutSeconds(), logs, unit.name());
        if (verbose) {
            // --verbose: JMH's own output of each point, as it was written to the point's log.
            for (ForkJob.Entry e : entries) {
                Path log = Path.of(e.logFile());
                if (Files.exists(log)) {
                    System.out.print(Files.readString(log, StandardCharsets.UTF_8));
                }
            }
        }
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
        if (o == null || !"ok".equals(o.status()) || verdict == null || !verdict.ok()) {
            if (!r.timedOut()) {
                JmhLockTaken.check(logFile, o == null ? null : o.failure(), item.label());
            }
            String reason;
            if (r.timedOut()) {
                reason = "timed out after " + profile.pointTimeoutSeconds() + " s; the fork was killed";
            } else if (verdict != null && !verdict.ok()) {
                reason = "not timed: " + verdict.error();
            } else if (r.crashFile() != null) {
                reason = "the fork crashed: " + crashSummary(r.crashFile()) + " (the JVM's report: "
                        + runDir.relativize(r.crashFile()) + ")";
            } else {
                String thrown = thrownInFork(logFile);
                reason = thrown != null ? "the fork failed: " + thrown
                        : "the fork failed" + (o == null || o.failure() == null ? "" : " (" + o.failure() + ")")
                                + "; its output ends with:\n" + ForkedVerifier.tail(logFile);
            }
            if (!forks.isEmpty()) {
                reason = "fork " + (forkIndex + 1) + " of the point: " + reason;
            }
            return new Point(item.workload().name(), item.series(), item.size(), item.pattern().transport(),
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
                o.wallSeconds(), rel, compilations));
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
        return new Point(item.workload().name(), item.series(), item.size(), item.pattern().transport(),
                item.placement() == null ? null : item.placement().id(), Point.OK, unit == null ? "ns/op" : unit, mean,
                (ci.hi() - ci.lo()) / 2, pooled, warm, verdict, null, forks.get(0).jmhFile(), jvmArgs, wall,
                new Point.Warmup(s.warmupIterations(), s.warmupMillis()), forks, kind == null ? null : kind.label(),
                ci.lo(), ci.hi());
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

    private Verification readVerdict(Path statusFile) {
        try {
            return Files.exists(statusFile) ? store.mapper().readValue(statusFile.toFile(), Verification.class) : null;
        } catch (IOException e) {
            return null;
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

    /** Kills the JMH forks of this JVM and everything they started. */
    static void killForks() {
        ProcessHandle.current().children().forEach(ForkLauncher::kill);
    }
}
