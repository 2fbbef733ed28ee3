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

    public RunPipeline(PatternEnv env, PrintStream out, boolean verbose) {
        this.env = env;
        this.out = out;
        this.verbose = verbose;
    }

    /** Runs the plan into a new folder under resultsRoot and returns that folder. */
    public Path run(Plan plan, Path resultsRoot) throws IOException {
        Instant start = Instant.now();
        Fingerprint fp = new Fingerprint(env);
        Map<String, String> versions = fp.versions();
        Machine machine = fp.machine(versions, start);
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
                plan.items().stream().map(i -> i.pattern().info()).distinct().toList(),
                plan.items().stream().map(i -> Catalog.info(i.workload())).distinct().toList());
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
        current[0] = current[0].finished("complete", Instant.now().toString());
        store.write(runDir, current[0]);
        Runtime.getRuntime().removeShutdownHook(hook);

        Run done = Catalog.complete(current[0]);
        Analysis analysis = Analyzer.analyze(done);
        List<Path> charts = Charts.writeAll(done, analysis, ChartOptions.defaults(), runDir.resolve("charts"));
        List<Path> reports = Reports.writeAll(done, analysis, runDir);
        String table = TextTable.summary(current[0]);
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
}
