package io.gluebench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gluebench.analysis.Comparer;
import io.gluebench.analysis.Comparison;
import io.gluebench.chart.CompareChart;
import io.gluebench.report.CompareReport;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.WorkloadInfo;
import io.gluebench.run.Catalog;
import io.gluebench.run.Profile;
import io.gluebench.run.Profiles;
import io.gluebench.run.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare stored runs point by point against the first (the baseline): ratio with a 95%% CI, "
                + "Mann-Whitney U test, a verdict per point, crossover shifts and overlay charts.")
public final class CompareCommand implements Callable<Integer> {
    /** The profile the few-samples warning recommends. */
    static final String REMEDY_PROFILE = "standard";

    @Parameters(paramLabel = "RUN_DIR", arity = "0..*",
            description = "Two or more run folders holding run.json (latest: the newest run under results/); the first is "
                    + "the baseline. With --baseline, the runs to set against it.")
    List<Path> runDirs = new ArrayList<>();

    @Option(names = "--json", description = "Print the comparison as one JSON document instead of the text table.")
    boolean json;

    @Option(names = "--html", paramLabel = "OUT.html",
            description = "Also write one self-contained HTML file; the charts go into its folder.")
    Path html;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Folder for the overlay charts (default: the --html file's folder; without either, no charts "
                    + "are drawn).")
    Path charts;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE",
            description = "Also write one row per point, with its interval, as csv, md or json (columns: docs/results.md).")
    List<String> export;

    @Option(names = "--fail-on", paramLabel = "slower[:PCT]",
            description = "A gate for CI: exit 3 when a point of a later run is slower than the baseline (the test and "
                    + "the interval say so, beyond the ±2%% band), or slower by more than PCT percent; the failing "
                    + "points are printed last.")
    String failOn;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "Compare against this machine's baseline NAME (saved by run --save-baseline): it becomes the "
                    + "first run, and the run folders given follow it (default: latest).")
    String baseline;

    @Option(names = "--machine-name", paramLabel = "NAME",
            description = "Whose baselines --baseline reads (default: this machine's).")
    String machineName;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Results root where --baseline and latest look (default: results/ in the project).")
    Path results;

    @Spec
    CommandSpec spec;

    private Path resultsRoot() {
        return results != null ? results.toAbsolutePath() : io.gluebench.pattern.PatternEnv.fromSystem().resultsDir();
    }

    @Override
    public Integer call() throws Exception {
        if (baseline != null) {
            String badName = io.gluebench.run.Fingerprint.checkMachineName(machineName);
            if (badName != null) {
                throw new UsageException(badName);
            }
            io.gluebench.pattern.PatternEnv env = io.gluebench.pattern.PatternEnv.fromSystem();
            Path machineDir = resultsRoot().resolve(new io.gluebench.run.Fingerprint(env)
                    .machine(java.util.Map.of(), java.time.Instant.now(), machineName).id());
            List<Path> all = new ArrayList<>(List.of(io.gluebench.run.Baselines.resolve(machineDir, baseline)));
            all.addAll(runDirs.isEmpty() ? List.of(Path.of(RunDirs.LATEST)) : runDirs);
            runDirs = all;
        } else if (machineName != null) {
            throw new UsageException("--machine-name chooses whose baselines --baseline reads; give --baseline NAME too");
        }
        if (runDirs.size() < 2) {
            throw new UsageException("compare needs two or more run folders, the baseline first (got "
                    + (runDirs.isEmpty() ? "none" : "only " + runDirs.get(0))
                    + "); e.g. gluebench compare results/MACHINE/RUN_A results/MACHINE/RUN_B, or --baseline NAME");
        }
        if (html != null && Files.isDirectory(html)) {
            throw new UsageException("--html " + html + " is a folder; name the file to write, e.g. --html "
                    + html.resolve("compare.html"));
        }
        String refusedExport = export == null ? null : io.gluebench.report.Exports.refusal(export.get(0));
        if (refusedExport != null) {
            throw new UsageException(refusedExport);
        }
        Double minSlowdown = null;
        if (failOn != null) {
            try {
                minSlowdown = io.gluebench.analysis.Gate.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<Run> runs = new ArrayList<>();
        RunStore store = new RunStore();
        for (Path given : runDirs) {
            Path dir = RunDirs.resolve(given, resultsRoot());
            Run r = store.read(dir);
            Main.warnFormat(r);
            runs.add(forComparison(r));
        }
        Comparison c = Comparer.compare(runs, Comparison.Rules.defaults(remedy()));
        PrintWriter out = spec.commandLine().getOut();

        Path chartDir = charts != null ? charts : html != null ? html.toAbsolutePath().getParent() : null;
        List<String> labels = c.runs().stream().map(Comparison.RunRef::label).toList();
        List<Path> written = new ArrayList<>();
        for (String w : chartDir == null ? List.<String>of() : workloads(runs)) {
            written.addAll(CompareChart.write(runs, labels, w, chartDir));
        }
        Path htmlOut = html == null ? null : CompareReport.writeHtml(c,
                written.stream().filter(p -> p.getFileName().toString().endsWith(".png")).toList(), html);

        Path exported = export == null ? null
                : io.gluebench.report.Exports.write(c, export.get(0), Path.of(export.get(1)));
        io.gluebench.analysis.Gate gate = minSlowdown == null ? null : io.gluebench.analysis.Gate.of(c, minSlowdown);
        int code = gate == null || gate.passed() ? Main.OK : Main.FAILED;
        if (json) {
            ObjectNode root = store.mapper().valueToTree(c);
            ArrayNode files = root.putArray("charts");
            written.forEach(p -> files.add(p.toString()));
            root.put("html", htmlOut == null ? null : htmlOut.toString());
            if (gate != null) {
                root.set("gate", store.mapper().valueToTree(gate));
            }
            out.println(store.mapper().writeValueAsString(root));
            out.flush();
            return code;
        }
        out.print(CompareReport.text(c));
        out.println();
        if (!written.isEmpty()) {
            out.println("charts: " + chartDir);
        }
        if (htmlOut != null) {
            out.println("html: " + htmlOut);
        }
        if (exported != null) {
            out.println("export: " + exported);
        }
        if (gate != null) {
            out.println(gateText(gate));
        }
        out.flush();
        return code;
    }

    /** The gate's verdict, last in the output: passed, or the failing points, slowest first. */
    static String gateText(io.gluebench.analysis.Gate gate) {
        if (gate.passed()) {
            return "gate --fail-on " + gate.rule() + ": passed (no point of a later run is slower than the baseline"
                    + (gate.minSlowdown() == 0 ? "" : " by more than " + Math.round(gate.minSlowdown() * 100) + "%") + ")";
        }
        StringBuilder b = new StringBuilder("gate --fail-on " + gate.rule() + ": FAILED, " + gate.failing().size()
                + " point" + (gate.failing().size() == 1 ? "" : "s") + " slower than the baseline:\n");
        for (var p : gate.failing()) {
            b.append(String.format(Locale.ROOT, "  %s %s N=%d in run %s: ×%.3f (95%% CI %.3f–%.3f)%n", p.workload(),
                    p.series(), p.size(), p.run(), p.ratio(), p.ci() == null ? Double.NaN : p.ci().lo(),
                    p.ci() == null ? Double.NaN : p.ci().hi()));
        }
        return b.toString().stripTrailing();
    }

    /**
     * The run with its catalogue completed for display (families, kinds), but with the fields the
     * comparison checks (tolerance, source hash, configuration) only as the run itself stored them:
     * values filled in from this build's catalogue would be a guess, not a record.
     */
    static Run forComparison(Run stored) {
        Run completed = Catalog.complete(stored);
        List<PatternInfo> patterns = completed.patterns().stream()
                .map(p -> stored.pattern(p.name()).isPresent() ? p : p.withConfig(null)).toList();
        List<WorkloadInfo> workloads = completed.workloads().stream()
                .map(w -> stored.workload(w.name()).isPresent() ? w
                        : new WorkloadInfo(w.name(), w.sizeMeaning(), w.complexity(), w.summary(), null, null))
                .toList();
        return completed.withCatalog(patterns, workloads);
    }

    static String remedy() {
        try {
            Profile p = Profiles.load().get(REMEDY_PROFILE);
            return String.format(Locale.ROOT, "Rerun with --profile %s, which measures %d iterations of %d ms per point.",
                    p.name(), p.jmh().measurementIterations(), p.jmh().measurementMillis());
        } catch (UsageException | IllegalStateException e) {
            return "Rerun with a profile that measures more iterations per point (--profile " + REMEDY_PROFILE + ").";
        }
    }

    private static List<String> workloads(List<Run> runs) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        runs.forEach(r -> r.points().stream().filter(Point::isOk).forEach(p -> out.add(p.workload())));
        return List.copyOf(out);
    }
}
