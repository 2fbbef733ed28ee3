package io.gluebench.chart;

import io.gluebench.result.Units;
import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.KeyCrossovers;
import io.gluebench.analysis.Regions;
import io.gluebench.analysis.WorkloadFindings;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Time per call against N for one workload: log-log, one line per pattern, error bars from JMH's
 * confidence interval. N = 0 sits one decade left of the smallest size and is labelled 0. Headline
 * crossovers (interpreted vs native-backed, N* from the cost models) are ringed and labelled; the
 * ranges of N where the interpreted side wins are shaded. The title is the analysis's finding. A chart
 * of more than {@link #FAINT_ABOVE} patterns draws one line per family in full (its fastest member,
 * from the analysis) and the others faint; a highlighted pattern is drawn thick instead.
 */
public final class TimePerCallChart {
    public static final int WIDTH = Slide.WIDTH;
    public static final int HEIGHT = Slide.HEIGHT;
    /** Above this many patterns a default chart draws each family's fastest member in full and the rest faint. */
    public static final int FAINT_ABOVE = 10;
    static final float FAINT_WIDTH = 1.5f;
    static final int FAINT_ALPHA = 80;
    static final float HIGHLIGHT_WIDTH = 9f;
    private static final Color BAND = new Color(0x33, 0x55, 0x77, 0x1C);
    private static final Color BAND_TEXT = new Color(0x33, 0x44, 0x55);

    private TimePerCallChart() {
    }

    /**
     * The plot: every pattern's line in full, {@code highlight} bold and thick; or, in a chart of more
     * than {@link #FAINT_ABOVE} patterns without a highlight, each family's fastest member in full and
     * the others faint (thin, translucent, out of the legend).
     */
    static XYChart build(Run run, Analysis analysis, String workload, List<String> patternOrder, String highlight) {
        List<Point> points = Plots.measured(run, workload);
        NAxis axis = new NAxis(points.stream().map(Point::size).toList());

        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT - Slide.HEADER - Slide.FOOTER)
                .xAxisTitle("N: " + Plots.sizeMeaning(run, workload) + " (log scale)")
                .yAxisTitle("time per call (log scale)")
                .build();
        XYStyler st = chart.getStyler();
        Plots.style(st);
        st.setxAxisTickLabelsFormattingFunction(x -> Plots.sizeTick(axis, x));
        st.setyAxisTickLabelsFormattingFunction(Plots::timeTick);
        if (!points.isEmpty()) {
            double lo = points.stream().mapToDouble(Plots::lowerBound).min().orElse(1);
            double hi = points.stream().mapToDouble(p -> p.score() + (p.scoreError() == null ? 0 : p.scoreError())).max().orElse(10);
            st.setYAxisMin(Math.floor(Math.log10(lo)));
            st.setYAxisMax(Math.ceil(Math.log10(hi)));
            st.setXAxisMin(axis.min());
            st.setXAxisMax(axis.max());
        }

        Map<String, List<Point>> byPattern = new LinkedHashMap<>();
        for (String p : patternOrder) {
            byPattern.put(p, new ArrayList<>());
        }
        for (Point p : points) {
            byPattern.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
        }
        byPattern.values().removeIf(List::isEmpty);
        boolean faintMode = highlight == null && byPattern.size() > FAINT_ABOVE;
        WorkloadFindings findings = analysis.findings(workload);
        if (highlight != null && byPattern.containsKey(highlight)) {
            // Drawn last, so that it lies over the others.
            byPattern.put(highlight, byPattern.remove(highlight));
        }
        for (var e : byPattern.entrySet()) {
            TreeMap<Integer, Point> sorted = new TreeMap<>();
            e.getValue().forEach(p -> sorted.put(p.size(), p));
            double[] x = new double[sorted.size()];
            double[] y = new double[sorted.size()];
            double[] err = new double[sorted.size()];
            int i = 0;
            for (Point p : sorted.values()) {
                x[i] = axis.x(p.size());
                y[i] = Math.log10(p.score());
                // The CI in log space is asymmetric; draw its wider (lower) side both ways.
                err[i] = y[i] - Math.log10(Plots.lowerBound(p));
                i++;
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y, err);
            if (faintMode && !findings.leadsItsFamily(e.getKey())) {
                Palette.apply(s, run, e.getKey(), FAINT_WIDTH);
                Color c = Palette.color(run, e.getKey());
                Color see = new Color(c.getRed(), c.getGreen(), c.getBlue(), FAINT_ALPHA);
                s.setLineColor(see);
                s.setMarkerColor(see);
                s.setShowInLegend(false);
            } else {
                Palette.apply(s, run, e.getKey(), e.getKey().equals(highlight) ? HIGHLIGHT_WIDTH : 4f);
            }
        }
        // Points that never reached a steady state: ringed, and named in the legend.
        List<Point> unsettled = byPattern.values().stream().flatMap(List::stream).filter(p -> !p.steady()).toList();
        if (!unsettled.isEmpty()) {
            double[] ux = unsettled.stream().mapToDouble(p -> axis.x(p.size())).toArray();
            double[] uy = unsettled.stream().mapToDouble(p -> Math.log10(p.score())).toArray();
            XYSeries ring = chart.addSeries("~ never steady", ux, uy);
            ring.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            ring.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
            ring.setMarkerColor(new java.awt.Color(0, 0, 0, 60));
            ring.setShowInLegend(true);
        }
        Plots.fitLegend(chart);
        return chart;
    }

    /** Writes workload.png and workload.svg with crossover marks and interpreted-wins bands. */
    public static List<Path> write(Run run, Analysis analysis, String workload, List<String> patternOrder, Path dir)
            throws IOException {
        return write(run, analysis, workload, patternOrder, ChartOptions.defaults(), dir, workload);
    }

    /** Whether the run's lines are grouped by pattern (a run of one family), not by family. */
    private static boolean byPattern(Analysis analysis, String workload) {
        return analysis.findings(workload).familyLeads().keySet().stream()
                .noneMatch(k -> io.gluebench.result.Family.of(k) != io.gluebench.result.Family.OTHER);
    }

    /** As above, as the options ask (highlight, title), into dir/name.png and .svg. */
    public static List<Path> write(Run run, Analysis analysis, String workload, List<String> patternOrder,
            ChartOptions options, Path dir, String name) throws IOException {
        XYChart chart = build(run, analysis, workload, patternOrder, options.highlight());
        if (chart.getSeriesMap().isEmpty()) {
            return List.of();
        }
        boolean faint = chart.getSeriesMap().values().stream().anyMatch(x -> !x.isShowInLegend());
        List<Point> points = Plots.measured(run, workload);
        NAxis axis = new NAxis(points.stream().map(Point::size).toList());
        List<KeyCrossovers.Mark> marks = analysis.findings(workload).marks();
        List<Regions.Range> bands = analysis.findings(workload).interpretedWins();
        String title = options.title() != null ? options.title() : analysis.findings(workload).finding();
        // The workload's summary last: when the line is too long, it is the part cut.
        String subtitle = "time per call vs N, lower is faster · ○ N*: two cost models cross"
                + (faint ? " · faint: " + (byPattern(analysis, workload) ? "each pattern's other placements"
                        : "the rest of each family") : "")
                + (Plots.summary(run, workload).isEmpty() ? "" : " · " + Plots.summary(run, workload).replaceAll(" · $", ""));
        return Slide.write((g, w, h) -> {
            Slide.header(g, title, subtitle);
            Graphics2D cg = (Graphics2D) g.create();
            cg.translate(0, Slide.HEADER);
            chart.paint(cg, w, h - Slide.HEADER - Slide.FOOTER);
            paintBands(cg, chart, axis, bands);
            paintMarks(cg, chart, axis, marks);
            cg.dispose();
            Slide.footer(g, run, Plots.barsText(run));
        }, dir, name);
    }

    private static void paintBands(Graphics2D g, XYChart chart, NAxis axis, List<Regions.Range> bands) {
        var st = chart.getStyler();
        double top = chart.getScreenYFromChart(st.getYAxisMax());
        double bottom = chart.getScreenYFromChart(st.getYAxisMin());
        for (Regions.Range r : bands) {
            double x0 = r.fromN() <= (axis.hasZero ? 0 : axis.minPositive) ? st.getXAxisMin() : axis.x(r.fromN());
            double x1 = r.toN() >= axis.maxN ? st.getXAxisMax() : axis.x(r.toN());
            double sx0 = chart.getScreenXFromChart(x0);
            double sx1 = chart.getScreenXFromChart(x1);
            g.setColor(BAND);
            g.fill(new Rectangle2D.Double(sx0, top, sx1 - sx0, bottom - top));
            g.setFont(Slide.SMALL.deriveFont(Font.ITALIC));
            g.setColor(BAND_TEXT);
            String text = sx1 - sx0 > Slide.textWidth(g, g.getFont(), "interpreted side wins") + 16
                    ? "interpreted side wins" : "interp. wins";
            Slide.centre(g, text, (sx0 + sx1) / 2, bottom - 40);
            g.setFont(Slide.SMALL);
            String who = r.interpreted() + " < " + r.nativeBacked();
            if (sx1 - sx0 > Slide.textWidth(g, g.getFont(), who) + 16) {
                Slide.centre(g, who, (sx0 + sx1) / 2, bottom - 14);
            }
        }
    }

    private static void paintMarks(Graphics2D g, XYChart chart, NAxis axis, List<KeyCrossovers.Mark> marks) {
        var st = chart.getStyler();
        double top = chart.getScreenYFromChart(st.getYAxisMax());
        double left = chart.getScreenXFromChart(st.getXAxisMin());
        double right = chart.getScreenXFromChart(st.getXAxisMax());
        List<Rectangle2D> placed = new java.util.ArrayList<>();
        for (KeyCrossovers.Mark m : marks) {
            double sx = chart.getScreenXFromChart(axis.x(m.n()));
            double sy = chart.getScreenYFromChart(Math.log10(m.timeNs()));
            g.setColor(Slide.INK);
            g.setStroke(new BasicStroke(3f));
            g.draw(new Ellipse2D.Double(sx - 15, sy - 15, 30, 30));
            // A crossing read from a point that never settled says so on the slide too.
            String[] lines = {"N* ≈ " + Units.count(m.n()) + (m.crossover().settled() ? "" : " (not steady)"),
                    m.crossover().smallWinner() + " | " + m.crossover().largeWinner()};
            Font[] fonts = {Slide.LABEL_BOLD, Slide.SMALL};
            double lw = Math.max(Slide.textWidth(g, fonts[0], lines[0]), Slide.textWidth(g, fonts[1], lines[1]));
            double lh = g.getFontMetrics(fonts[0]).getHeight() + g.getFontMetrics(fonts[1]).getHeight();
            // In the top band of the plot, away from the lines, on the first row where the box meets no
            // box already placed; below the ring when the ring itself is near the top.
            double lx = Math.min(Math.max(sx - lw / 2, left + 12), right - lw - 12);
            double ly = 0;
            for (int row = 0; row < 8; row++) {
                ly = top + 20 + row * (lh + 28);
                if (sy - 15 < ly + lh + 40) {
                    ly = sy + 40 + row * (lh + 28);
                }
                Rectangle2D box = new Rectangle2D.Double(lx - 12, ly - 12, lw + 24, lh + 24);
                if (placed.stream().noneMatch(box::intersects)) {
                    break;
                }
            }
            placed.add(new Rectangle2D.Double(lx - 12, ly - 12, lw + 24, lh + 24));
            g.setColor(new Color(0x44, 0x44, 0x44));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f));
            g.draw(ly > sy ? new Line2D.Double(sx, sy + 15, sx, ly - 8) : new Line2D.Double(sx, sy - 15, sx, ly + lh + 8));
            Slide.boxedLabel(g, lines, fonts, lx, ly, Slide.INK);
        }
    }
}
