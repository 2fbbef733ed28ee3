package io.gluebench.chart;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Time per call against N for one workload across several runs: log-log like
 * {@link TimePerCallChart}, one line per pattern and run, for the patterns measured in two or more
 * of the runs. Colour and marker name the pattern
 * ({@link Palette}), the line style names the run: solid for the baseline (the first run), then
 * dashed, dotted and dash-dotted. The legend reads "pattern — A" (the run's letter, as in the compare
 * table); the footer names each letter's run (machine-id/run-id).
 */
public final class CompareChart {
    /** Line styles of the runs, in order; the baseline is solid. */
    static final List<BasicStroke> RUN_LINES = List.of(
            new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
            dashes(new float[] {18f, 10f}, BasicStroke.CAP_BUTT),
            dashes(new float[] {0.1f, 9f}, BasicStroke.CAP_ROUND),
            dashes(new float[] {18f, 8f, 0.1f, 8f}, BasicStroke.CAP_ROUND));
    static final String[] RUN_LINE_NAMES = {"solid", "dashed", "dotted", "dash-dotted"};
    /** The legend takes at most this share of the slide's width; longer labels get a smaller font. */
    private static final double LEGEND_SHARE = 0.36;

    private CompareChart() {
    }

    private static BasicStroke dashes(float[] pattern, int cap) {
        return new BasicStroke(3.5f, cap, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    /** The file name (without extension) of a workload's overlay chart. */
    public static String name(String workload) {
        return "compare-" + workload;
    }

    /** How run i is drawn, for captions and legends: "solid", "dashed", ... */
    public static String lineName(int run) {
        return RUN_LINE_NAMES[run % RUN_LINE_NAMES.length];
    }

    /** The plot, without title and footer; {@code labels} name the runs (machine-id/run-id). */
    static XYChart build(List<Run> runs, List<String> labels, String workload) {
        List<Point> all = new ArrayList<>();
        runs.forEach(r -> all.addAll(Plots.measured(r, workload)));
        NAxis axis = new NAxis(all.stream().map(Point::size).toList());
        XYChart chart = new XYChartBuilder().width(Slide.WIDTH).height(Slide.HEIGHT - Slide.HEADER - Slide.FOOTER)
                .xAxisTitle("N: " + Plots.sizeMeaning(runs.get(0), workload) + " (log scale)")
                .yAxisTitle("time per call (log scale)")
                .build();
        XYStyler st = chart.getStyler();
        Plots.style(st);
        st.setxAxisTickLabelsFormattingFunction(x -> Plots.sizeTick(axis, x));
        st.setyAxisTickLabelsFormattingFunction(Plots::timeTick);
        if (all.isEmpty()) {
            return chart;
        }
        st.setYAxisMin(Math.floor(Math.log10(all.stream().mapToDouble(Point::score).min().orElse(1))));
        st.setYAxisMax(Math.ceil(Math.log10(all.stream().mapToDouble(Point::score).max().orElse(10))));
        st.setXAxisMin(axis.min());
        st.setXAxisMax(axis.max());

        LinkedHashSet<String> patterns = new LinkedHashSet<>();
        runs.forEach(r -> patterns.addAll(Charts.patternOrder(r)));
        for (String pattern : patterns) {
            long in = runs.stream().filter(r -> Plots.measured(r, workload).stream()
                    .anyMatch(p -> p.series().equals(pattern))).count();
            if (in < 2) {
                continue; // nothing to compare it with
            }
            for (int i = 0; i < runs.size(); i++) {
                TreeMap<Integer, Double> sorted = new TreeMap<>();
                Plots.measured(runs.get(i), workload).stream().filter(p -> p.series().equals(pattern))
                        .forEach(p -> sorted.put(p.size(), p.score()));
                if (sorted.isEmpty()) {
                    continue;
                }
                double[] x = sorted.keySet().stream().mapToDouble(axis::x).toArray();
                double[] y = sorted.values().stream().mapToDouble(Math::log10).toArray();
                XYSeries s = chart.addSeries(legend(pattern, letter(i)), x, y);
                Palette.Style ps = Palette.style(runs.get(i), pattern);
                s.setLineColor(ps.color());
                s.setMarkerColor(ps.color());
                s.setMarker(ps.marker());
                // XChart rebuilds the stroke from the line width and the style's dash array.
                BasicStroke line = RUN_LINES.get(i % RUN_LINES.size());
                s.setLineStyle(line);
                s.setLineWidth(line.getLineWidth());
            }
        }
        Plots.fitLegend(chart);
        fitLegendWidth(chart);
        return chart;
    }

    /** "java — B": the run by its letter, as in the compare table; the footer says which run each letter is. */
    public static String legend(String pattern, String runLetter) {
        return pattern + " — " + runLetter;
    }

    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "R" + (i + 1);
    }

    /** Shrinks the legend's font further so that the longest label stays within {@link #LEGEND_SHARE}. */
    static void fitLegendWidth(XYChart chart) {
        Font f = chart.getStyler().getLegendFont();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double widest = chart.getSeriesMap().keySet().stream()
                .mapToDouble(k -> f.getStringBounds(k, frc).getWidth()).max().orElse(0);
        double room = LEGEND_SHARE * Slide.WIDTH - 80;
        if (widest > room) {
            float size = (float) Math.max(13, Math.floor(f.getSize2D() * room / widest));
            chart.getStyler().setLegendFont(f.deriveFont(size));
            chart.getStyler().setLegendPadding(6);
        }
    }

    /** Writes dir/compare-workload.png and .svg; nothing when no run measured the workload. */
    public static List<Path> write(List<Run> runs, List<String> labels, String workload, Path dir) throws IOException {
        XYChart chart = build(runs, labels, workload);
        if (chart.getSeriesMap().isEmpty()) {
            return List.of();
        }
        StringBuilder styles = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            styles.append(i == 0 ? "" : ", ").append(letter(i)).append(' ').append(lineName(i)).append(' ')
                    .append(labels.get(i)).append(i == 0 ? " (baseline)" : "");
        }
        String subtitle = Plots.summary(runs.get(0), workload) + "lower is faster · colour: pattern · line: run";
        return Slide.write((Graphics2D g, int w, int h) -> {
            Slide.header(g, workload + ": time per call vs N, " + runs.size() + " runs compared", subtitle);
            Graphics2D cg = (Graphics2D) g.create();
            cg.translate(0, Slide.HEADER);
            chart.paint(cg, w, h - Slide.HEADER - Slide.FOOTER);
            cg.dispose();
            Slide.footer(g, "gluebench compare · " + styles + " · mean of the forks' means (format-1 runs: of JMH iterations)");
        }, dir, name(workload));
    }
}
