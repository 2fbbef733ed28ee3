package io.gluebench.report;

import io.gluebench.chart.StartupCharts;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Figure;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Charts: each workload's charts in {@link #CHART_KINDS} order, then any others (start-up and callers have their own sections). */
final class ChartsSection implements ReportSection {
    /** Chart kinds per workload, in the order they are shown: file suffix and caption. */
    static final List<ChartKind> CHART_KINDS = List.of(
            new ChartKind("", "time per call against N, log–log; one line per pattern, error bars are each point's interval (95% over forks; one fork's 99.9% in older runs)"),
            new ChartKind("-overhead", "overhead share a / t(N): how much of each call is fixed crossing cost rather than compute"),
            new ChartKind("-speedup", "speed-up of each pattern relative to the baseline at each N"),
            new ChartKind("-decision", "decision map: which pattern is fastest at each N"),
            new ChartKind("-warmup", "warm-up: iteration times during warm-up and measurement"));

    record ChartKind(String suffix, String caption) {
    }

    @Override
    public Section section(ReportInput in) {
        List<Block> blocks = new ArrayList<>();
        Map<String, List<Figure>> figs = figures(in.workloads(), in.charts());
        if (figs.isEmpty()) {
            blocks.add(new Para(Phrase.of("No charts were found in the run's charts folder; draw them with `gluebench chart RUN_DIR`.")));
        }
        for (var e : figs.entrySet()) {
            blocks.add(new Heading(e.getKey(), "charts-" + e.getKey().replace(' ', '-')));
            blocks.addAll(e.getValue());
        }
        return new Section("charts", "Charts", blocks);
    }

    /** The charts in the order they are shown: per workload, in {@link #CHART_KINDS} order; then any others. */
    static Map<String, List<Figure>> figures(List<String> workloads, List<Path> charts) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path p : charts) {
            String name = p.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".png") && !ownSection(name)) {
                byName.putIfAbsent(name, p);
            }
        }
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        for (String w : workloads) {
            List<Figure> figs = new ArrayList<>();
            for (ChartKind k : CHART_KINDS) {
                Path p = byName.remove(w + k.suffix() + ".png");
                if (p != null) {
                    figs.add(new Figure(p, w + ": " + k.caption() + "."));
                }
            }
            if (!figs.isEmpty()) {
                out.put(w, figs);
            }
        }
        if (!byName.isEmpty()) {
            out.put("other charts", byName.values().stream()
                    .map(p -> new Figure(p, p.getFileName().toString().replaceFirst("(?i)\\.png$", ""))).toList());
        }
        return out;
    }

    /** Charts that belong to a section of their own rather than to a workload. */
    static boolean ownSection(String fileName) {
        return fileName.startsWith(StartupCharts.STARTUP)
                || fileName.startsWith(StartupCharts.CURVE)
                || fileName.startsWith(StartupCharts.CALLERS);
    }
}
