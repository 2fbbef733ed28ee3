package io.gluebench.chart;

import io.gluebench.result.Units;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Warm-up curves at the largest measured size: each JMH iteration's time per call (log scale), the
 * warm-up iterations counted back from the first measurement (at or left of 0) then the measurement
 * iterations (1, 2, ...), so a JIT that settles late (GraalPy) shows as a long slope left of the line.
 */
public final class WarmupChart {
    private WarmupChart() {
    }

    public static List<Path> write(Run run, String workload, List<String> patternOrder, Path dir) throws IOException {
        List<Point> points = Plots.measured(run, workload);
        int n = points.stream().mapToInt(Point::size).max().orElse(-1);
        List<Point> at = new ArrayList<>();
        for (String p : patternOrder) {
            points.stream().filter(q -> q.series().equals(p) && q.size() == n
                    && q.warmup() != null && !q.warmup().isEmpty()).findFirst().ifPresent(at::add);
        }
        if (at.isEmpty()) {
            return List.of();
        }
        XYChart chart = build(run, workload, at);
        String title = workload + ": warm-up, time per call at N = " + Units.count(n) + ", first fork";
        String subtitle = "left of the line: warm-up batches until steady, then JMH's warm-up (discarded), counted back"
                + " from the first measurement; right: the measured JMH iterations";
        return Slide.write((g, w, h) -> {
            Slide.header(g, title, subtitle);
            Graphics2D cg = (Graphics2D) g.create();
            cg.translate(0, Slide.HEADER);
            chart.paint(cg, w, h - Slide.HEADER - Slide.FOOTER);
            XYStyler st = chart.getStyler();
            double x = chart.getScreenXFromChart(0.5);
            double top = chart.getScreenYFromChart(st.getYAxisMax());
            double bottom = chart.getScreenYFromChart(st.getYAxisMin());
            cg.setColor(new Color(0x44, 0x44, 0x44));
            cg.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 7f}, 0f));
            cg.draw(new Line2D.Double(x, top, x, bottom));
            cg.setFont(Slide.LABEL_BOLD);
            Slide.right(cg, "← warm-up", x - 14, top + 34);
            cg.drawString("measurement →", (float) (x + 14), (float) (top + 34));
            cg.dispose();
            Slide.footer(g, run, run.formatVersion() >= 2 ? "each point's first fork" : "one fork per point");
        }, dir, workload + "-warmup");
    }

    static XYChart build(Run run, String workload, List<Point> at) {
        XYChart chart = new XYChartBuilder().width(Slide.WIDTH).height(Slide.HEIGHT - Slide.HEADER - Slide.FOOTER)
                .xAxisTitle("warm-up batch or JMH iteration (≤ 0: warm-up, counted back from the first measurement)")
                .yAxisTitle("time per call (log scale)")
                .build();
        XYStyler st = chart.getStyler();
        Plots.style(st);
        st.setMarkerSize(13);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        int minX = 0;
        int maxX = 1;
        for (Point p : at) {
            List<Double> all = new ArrayList<>(p.warmup());
            if (p.samples() != null) {
                all.addAll(p.samples());
            }
            int k = p.warmup().size();
            double[] x = new double[all.size()];
            double[] y = new double[all.size()];
            int m = 0;
            for (int i = 0; i < all.size(); i++) {
                double v = all.get(i);
                if (v <= 0) {
                    continue;
                }
                x[m] = i - k + 1;
                y[m] = Math.log10(v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                m++;
            }
            minX = Math.min(minX, 1 - k);
            maxX = Math.max(maxX, all.size() - k);
            XYSeries s = chart.addSeries(p.series(), java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m));
            Palette.apply(s, run, p.series(), 3.5f);
        }
        Plots.fitLegend(chart);
        st.setYAxisMin(Math.floor(Math.log10(lo)));
        st.setYAxisMax(Math.ceil(Math.log10(hi)));
        st.setXAxisMin(minX - 0.5);
        st.setXAxisMax(maxX + 0.5);
        st.setyAxisTickLabelsFormattingFunction(Plots::timeTick);
        st.setxAxisTickLabelsFormattingFunction(x -> {
            long r = Math.round(x);
            return Math.abs(x - r) < 1e-6 ? (r <= 0 ? "−" + (-r) : Long.toString(r)).replace("−0", "0")
                    : "\u200B".repeat((int) Math.floorMod(Math.round(x * 10), 20_000L));
        });
        return chart;
    }
}
