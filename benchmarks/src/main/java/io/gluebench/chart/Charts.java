package io.gluebench.chart;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Analyzer;
import io.gluebench.analysis.Fastest;
import io.gluebench.result.Names;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Draws every chart of a run from its stored data and its analysis. Per workload with measured
 * points, PNG (3840x2160) and SVG (1920x1080) of: time per call vs N, the overhead breakdown, the
 * speed-up heatmap, the decision strip and (when the run holds warm-up scores) the warm-up curves.
 * A slide is the time-per-call chart alone, of a chosen subset of patterns ({@link #writeSlides}).
 */
public final class Charts {
    private Charts() {
    }

    public static List<Path> writeAll(Run run, Path dir) throws IOException {
        return writeAll(run, Analyzer.analyze(run), ChartOptions.defaults(), dir);
    }

    public static List<Path> writeAll(Run run, Analysis analysis, ChartOptions options, Path dir) throws IOException {
        ChartOptions opts = options == null ? ChartOptions.defaults() : options;
        Names.refuseLink(dir);
        List<String> patterns = patternOrder(run);
        LinkedHashSet<String> workloads = new LinkedHashSet<>();
        run.points().forEach(p -> workloads.add(p.workload()));
        List<Path> written = new ArrayList<>();
        for (String w : workloads) {
            if (run.points().stream().noneMatch(p -> p.workload().equals(w) && p.isOk() && p.score() != null)) {
                continue;
            }
            written.addAll(TimePerCallChart.write(run, analysis, w, patterns, opts, dir, w));
            written.addAll(OverheadChart.write(run, analysis, w, patterns, opts, dir));
            written.addAll(SpeedupChart.write(run, analysis, w, dir));
            written.addAll(DecisionChart.write(run, analysis, w, dir));
            written.addAll(WarmupChart.write(run, w, patterns, dir));
        }
        written.addAll(StartupCharts.writeAll(run, dir));
        return written;
    }

    /**
     * The slide of each workload named: its time-per-call chart as the options ask (highlight,
     * title), into dir/name(workload).png and .svg. A workload without measured points draws nothing.
     */
    public static List<Path> writeSlides(Run run, Analysis analysis, List<String> workloads, ChartOptions options,
            Path dir, Function<String, String> name) throws IOException {
        Names.refuseLink(dir);
        List<Path> written = new ArrayList<>();
        for (String w : workloads) {
            written.addAll(TimePerCallChart.write(run, analysis, w, patternOrder(run), options, dir, name.apply(w)));
        }
        return written;
    }

    /** Patterns in the run's catalogue order, then any others in the order they were measured. */
    static List<String> patternOrder(Run run) {
        return Fastest.catalogueOrder(run);
    }

    static boolean measuredOk(Point p) {
        return p.isOk() && p.score() != null && p.score() > 0;
    }
}
