package io.gluebench.run;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Analyzer;
import io.gluebench.chart.ChartOptions;
import io.gluebench.chart.Charts;
import io.gluebench.report.Reports;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Floor;
import io.gluebench.result.Machine;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.SkippedPattern;
import io.gluebench.report.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `gluebench run` as a short pipeline: plan, doctor, floors, one JMH fork per point with the run
 * file rewritten after each, charts, summary. A late failure loses nothing already measured.
 */
public final class RunPipeline {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PatternEnv env;
    private final PrintStream out;
    private final boolean verbose;
    private final RunStore store = new RunStore();
    private boolean startup = true;
    private boolean scaling = true;
    private String machineName;

    public RunPipeline(PatternEnv env, PrintStream out, boolean verbose) {
        this.env = env;
        this.out = out;
        this.verbose = verbose;
    }

    /** Whether the run measures start-up and warm-up (when its profile asks for it). */
    public RunPipeline withStartup(boolean on) {
        this.startup = on;
        return this;
    }

    /** The results folder's machine name instead of the derived id (already checked), or null. */
    public RunPipeline withMachineName(String name) {
        this.machineName = name;
        return this;
    }

    /** Whether the run measures 1 versus more callers (when its profile asks for it). */
    public RunPipeline withScaling(boolean on) {
        this.scaling = on;
        return this;
    }

    /** Runs the plan into a new folder under resultsRoot and returns that folder. */
    public Path run(Plan plan, Path resultsRoot) throws IOException {
        Instant start = Instant.now();
        Fingerprint fp = new Fingerprint(env);
        Map<String, String> versions = fp.versions();
        Machine machine = fp.machine(versions, start, machineName);
        Doctor doctor = new Doctor(env, versions);
        Profile profile = plan.profile();

        Path runDir = resultsRoot.resolve(machine.id()).resolve(RUN_ID.format(start) + "-" + profile.name());
        Files.createDirectories(runDir);

        List<SkippedPattern> skipped = new ArrayList<>();
        plan.items().stream().map(Plan.Item::pattern).distinct().forEach(spec -> {
            Doctor.Availability a = doctor.check(spec);
            if (!a.available()) {
                skipped.add(new SkippedPattern(spec.name(), a.reason()));
            }
        });
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("profile", store.mapper().convertValue(profile, Map.class));
        settings.put("mode", "AverageTime, ns/op, 1 fork per point");
        Run run = new Run(Run.FORMAT_VERSION, runDir.getFileName().toString(), profile.name(), "running",
                start.toString(), null, machine, settings, List.of(), List.of(), skipped,
                plan.items().stream().map(Plan.Item::pattern).distinct()
                        .map(p -> p.info().withConfig(ForkFlags.config(env, p))).toList(),
                plan.items().stream().map(Plan.Item::workload).distinct().map(w -> Catalog.info(w, env)).toList());
        store.write(runDir, run);

        out.printf("gluebench run: profile %s, %d points, about %s; results in %s%n",
                profile.name(), plan.items().size(), Progress.duration(plan.estimateSeconds(plan.items())), runDir);
        if (machine.loadAverage() > machine.cores() * 0.5) {
            out.printf("warning: the load average is %.1f on %d cores at start; other work will skew the times. "
                    + "Stop it, or compare ratios from this run only.%n", machine.loadAverage(), machine.cores());
        }
        for (SkippedPattern s : skipped) {
            out.printf("skipped %s: %s%n", s.pattern(), s.reason());
        }
        Run[] current = {run};
        Thread hook = new Thread(() -> {
            try {
                PointRunner.killForks();
                store.write(runDir, current[0].finished("interrupted", Instant.now().toString()));
            } catch (IOException ignored) {
                // Best effort on the way out.
            }
        }, "gluebench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);

        if (profile.floors()) {
            out.println("measuring the raw floors (JNI/FFM no-op, C ping-pong over pipe and socket) ...");
            List<Floor> floors = new FloorRunner(env).measure(runDir, profile.jmh());
            current[0] = current[0].withFloors(floors);
            store.write(runDir, current[0]);
        }

        PointRunner runner = new PointRunner(env, store, verbose);
        Progress progress = new Progress(out, plan);
        for (Plan.Item item : plan.items()) {
            Point point;
            SkippedPattern skip = skipped.stream().filter(s -> s.pattern().equals(item.pattern().name())).findFirst().orElse(null);
            String notApplicable = Applicability.notApplicable(item.pattern(), item.workload(), item.size());
            progress.starting(item);
            if (skip != null || notApplicable != null) {
                point = new Point(item.workload().name(), item.series(), item.size(), item.pattern().transport(),
                    item.placement() == null ? null : item.placement().id(),
                        Point.SKIPPED, "ns/op", null, null, List.of(), List.of(), null,
                        notApplicable != null ? notApplicable : skip.reason(), null, List.of(), 0);
            } else {
                point = runner.run(item, profile, runDir);
            }
            current[0] = current[0].withPoint(point);
            store.write(runDir, current[0]);
            progress.finished(item, point);
        }
        if (startup && profile.startup() != null) {
            measureStartups(plan, profile, skipped, runDir, current);
        }
        if (scaling && profile.scaling() != null) {
            measureScaling(plan, profile, skipped, runDir, current);
        }
        current[0] = current[0].finished("complete", Instant.now().toString());
        store.write(runDir, current[0]);
        Runtime.getRuntime().removeShutdownHook(hook);

        Run done = Catalog.complete(current[0]);
        Analysis analysis = Analyzer.analyze(done);
        List<Path> charts = Charts.writeAll(done, analysis, ChartOptions.defaults(), runDir.resolve("charts"));
        List<Path> reports = Reports.writeAll(done, analysis, runDir);
        String table = TextTable.summary(current[0]);
        String extras = TextTable.startups(current[0]) + TextTable.scaling(current[0]);
        if (!extras.isEmpty()) {
            table += "\n" + extras;
        }
        String floors = TextTable.floors(current[0]);
        String vsFloor = TextTable.floorComparison(current[0]);
        if (!vsFloor.isEmpty()) {
            floors += "\n" + vsFloor;
        }
        Files.writeString(runDir.resolve("summary.txt"), table + (floors.isEmpty() ? "" : "\n" + floors));
        out.println();
        out.println(table);
        if (!floors.isEmpty()) {
            out.println(floors);
        }
        long failed = current[0].points().stream().filter(p -> Point.FAILED.equals(p.status())).count();
        out.printf("run: %s%ncharts: %s (%d files)%nreport: %s%nfinished in %s; %d points measured, %d failed, %d skipped%n",
                runDir.resolve(RunStore.RUN_FILE), charts.isEmpty() ? "(none)" : runDir.resolve("charts"), charts.size(),
                reports.get(0),
                Progress.duration((System.nanoTime() - progress.startedNanos()) / 1e9),
                current[0].points().stream().filter(Point::isOk).count(), failed,
                current[0].points().stream().filter(p -> Point.SKIPPED.equals(p.status())).count());
        return runDir;
    }

    /** The plan's patterns, in plan order, that a start-up or scaling setting lists (all if it lists none). */
    static List<io.gluebench.pattern.PatternSpec> chosen(Plan plan, List<String> listed) {
        return plan.items().stream().map(Plan.Item::pattern).distinct()
                .filter(p -> listed.isEmpty() || listed.contains(p.name())).toList();
    }

    /** Why a pattern is not measured apart from the points (skipped by doctor, or not applicable), or null. */
    private static String notMeasured(io.gluebench.pattern.PatternSpec spec, io.gluebench.workload.Workload w, int size,
            List<SkippedPattern> skipped) {
        String na = Applicability.notApplicable(spec, w, size);
        if (na != null) {
            return na;
        }
        return skipped.stream().filter(s -> s.pattern().equals(spec.name())).map(SkippedPattern::reason)
                .findFirst().orElse(null);
    }

    private void measureStartups(Plan plan, Profile profile, List<SkippedPattern> skipped, Path runDir, Run[] current)
            throws IOException {
        Profile.StartupSettings s = profile.startup();
        var w = io.gluebench.workload.Workloads.byName(s.workload()).orElseThrow();
        List<io.gluebench.pattern.PatternSpec> specs = chosen(plan, s.patterns());
        out.printf("start-up and warm-up: %d patterns on %s at N = %d, %d fresh JVM%s each, first %d calls%n",
                specs.size(), w.name(), s.size(), s.forks(), s.forks() == 1 ? "" : "s", s.calls());
        StartupRunner runner = new StartupRunner(env, store, verbose);
        for (var spec : specs) {
            String why = notMeasured(spec, w, s.size(), skipped);
            io.gluebench.result.Startup st;
            if (why != null) {
                st = new io.gluebench.result.Startup(spec.name(), w.name(), s.size(), Point.SKIPPED, s.forks(),
                        s.calls(), List.of(), List.of(), List.of(), null, why, null);
            } else {
                st = runner.run(spec, w, s, profile.pointTimeoutSeconds(), runDir);
                Double steady = current[0].points().stream()
                        .filter(p -> p.isOk() && p.workload().equals(w.name()) && p.pattern().equals(spec.name())
                                && p.size() == s.size())
                        .map(Point::score).findFirst().orElse(null);
                if (steady != null) {
                    st = new io.gluebench.result.Startup(st.pattern(), st.workload(), st.size(), st.status(), st.forks(),
                            st.calls(), st.firstResultMillis(), st.sinceJvmStartMillis(), st.curve(), steady,
                            st.reason(), st.jmhFile());
                }
            }
            current[0] = current[0].withStartup(st);
            store.write(runDir, current[0]);
            out.printf("  start-up %-22s %s%n", spec.name(), st.isOk()
                    ? String.format("%.0f ms to the first checked answer", st.medianFirstResultMillis())
                    : st.status() + ": " + st.reason().lines().findFirst().orElse(""));
        }
    }

    private void measureScaling(Plan plan, Profile profile, List<SkippedPattern> skipped, Path runDir, Run[] current)
            throws IOException {
        Profile.ScalingSettings s = profile.scaling();
        var w = io.gluebench.workload.Workloads.byName(s.workload()).orElseThrow();
        List<io.gluebench.pattern.PatternSpec> specs = chosen(plan, s.patterns());
        if (specs.isEmpty()) {
            return;
        }
        out.printf("callers: %d patterns on %s at N = %d with %s concurrent callers%n", specs.size(), w.name(), s.size(),
                s.threads().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        ScalingRunner runner = new ScalingRunner(env, store, verbose);
        for (var spec : specs) {
            String why = notMeasured(spec, w, s.size(), skipped);
            io.gluebench.result.Scaling sc = why != null
                    ? new io.gluebench.result.Scaling(spec.name(), w.name(), s.size(), Point.SKIPPED, s.threads(),
                            List.of(), List.of(), null, why, List.of())
                    : runner.run(spec, w, s, profile.pointTimeoutSeconds(), runDir);
            current[0] = current[0].withScaling(sc);
            store.write(runDir, current[0]);
            out.printf("  callers  %-22s %s%n", spec.name(), sc.factor() != null
                    ? String.format("x%.2f throughput with %d callers", sc.factor(), s.threads().get(s.threads().size() - 1))
                    : sc.status() + ": " + (sc.reason() == null ? "" : sc.reason().lines().findFirst().orElse("")));
        }
    }
}
