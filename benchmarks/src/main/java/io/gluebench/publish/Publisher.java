package io.gluebench.publish;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Analyzer;
import io.gluebench.chart.ChartOptions;
import io.gluebench.chart.Charts;
import io.gluebench.report.Reports;
import io.gluebench.report.TextTable;
import io.gluebench.result.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a stored run into what people read: the analysis, the charts (PNG and SVG), report.html and
 * report.md, and summary.txt. {@code run} publishes everything when it has measured; {@code chart} and
 * {@code report} publish their part of a stored run, from this machine or another. Reads the run only;
 * measures nothing.
 */
public final class Publisher {
    private Publisher() {
    }

    /** What one publication wrote. */
    public record Published(Analysis analysis, List<Path> charts, List<Path> reports, String summary) {
    }

    /** Everything, after a run: returns the lines {@code run} prints (summary, floors, where the files are). */
    public static List<String> afterRun(Run run, Path runDir) throws IOException {
        Published p = publish(run, runDir, ChartOptions.defaults(), true, true, true);
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(p.summary());
        Path charts = runDir.resolve("charts");
        lines.add("charts: " + (p.charts().isEmpty() ? "(none)" : charts + " (" + p.charts().size() + " files)"));
        lines.add("report: " + (p.reports().isEmpty() ? "(none)" : p.reports().get(0)));
        return lines;
    }

    /** The charts of a stored run, into its charts/ folder. */
    public static Published charts(Run run, Path runDir, ChartOptions options) throws IOException {
        return publish(run, runDir, options, true, false, false);
    }

    /** The charts of a stored run, into a folder of the reader's choosing. */
    public static List<Path> chartsInto(Run run, Path dir, ChartOptions options) throws IOException {
        return Charts.writeAll(run, Analyzer.analyze(run, options.baseline()), options, dir);
    }

    /**
     * Slides of a subset of a stored run's patterns: per workload, the time-per-call chart of those
     * patterns alone, analysed as if they were all the run measured (its finding, crossovers and bands
     * are theirs), into dir/name(workload).png and .svg.
     */
    public static List<Path> slides(Run run, Collection<String> patterns, List<String> workloads, ChartOptions options,
            Path dir, Function<String, String> name) throws IOException {
        Run subset = run.withPatternsOnly(patterns);
        return Charts.writeSlides(subset, Analyzer.analyze(subset, options.baseline()), workloads, options, dir, name);
    }

    /** report.html and report.md of a stored run, over the charts in its charts/ folder. */
    public static Published reports(Run run, Path runDir) throws IOException {
        return publish(run, runDir, ChartOptions.defaults(), false, true, false);
    }

    static Published publish(Run run, Path runDir, ChartOptions options, boolean charts, boolean reports,
            boolean summary) throws IOException {
        Analysis analysis = Analyzer.analyze(run, options.baseline());
        List<Path> drawn = charts ? Charts.writeAll(run, analysis, options, runDir.resolve("charts")) : List.of();
        List<Path> written = reports ? Reports.writeAll(run, analysis, runDir) : List.of();
        String text = "";
        if (summary) {
            text = summary(run);
            Files.writeString(runDir.resolve("summary.txt"), text);
        }
        return new Published(analysis, drawn, written, text);
    }

    /** summary.txt: the time-per-call table, start-ups and callers, then the floors and each pattern against its own. */
    static String summary(Run run) {
        String table = TextTable.summary(run);
        String extras = TextTable.startups(run) + TextTable.scaling(run);
        if (!extras.isEmpty()) {
            table += "\n" + extras;
        }
        String floors = TextTable.floors(run);
        String vsFloor = TextTable.floorComparison(run);
        if (!vsFloor.isEmpty()) {
            floors += "\n" + vsFloor;
        }
        return table + (floors.isEmpty() ? "" : "\n" + floors);
    }
}
