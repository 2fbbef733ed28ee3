package io.gluebench.chart;

import io.gluebench.result.Units;
import io.gluebench.result.Run;
import io.gluebench.result.Scaling;
import io.gluebench.result.Startup;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * The charts of the measurements apart from the points: time to the first checked answer per
 * pattern (horizontal bars, fastest first), the warm-up curve of the first K calls, and the
 * throughput factor with more callers against the two readings that matter (1x: serialised;
 * the caller count: parallel).
 */
public final class StartupCharts {
    public static final String STARTUP = "startup-first-answer";
    public static final String CURVE = "startup-first-calls";
    public static final String CALLERS = "callers-scaling";

    private StartupCharts() {
    }

    public static List<Path> writeAll(Run run, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Startup> ok = run.startups().stream().filter(Startup::isOk)
                .sorted(Comparator.comparingDouble(Startup::medianFirstResultMillis)).toList();
        if (!ok.isEmpty()) {
            out.addAll(firstAnswer(run, ok, dir));
            List<Startup> curves = ok.stream().filter(s -> s.curve().size() >= 2).toList();
            if (!curves.isEmpty()) {
                out.addAll(curve(run, curves, dir));
            }
        }
        List<Scaling> sc = run.scaling().stream().filter(s -> s.factor() != null).toList();
        if (!sc.isEmpty()) {
            out.addAll(callers(run, sc, dir));
        }
        return out;
    }

    private static List<Path> firstAnswer(Run run, List<Startup> rows, Path dir) throws IOException {
        Startup any = rows.get(0);
        double max = rows.stream().mapToDouble(s -> Math.max(s.medianFirstResultMillis(),
                s.medianSinceJvmStartMillis() == null ? 0 : s.medianSinceJvmStartMillis())).max().orElse(1);
        String title = "Start-up: time to the first checked answer in a fresh JVM";
        String subtitle = any.workload() + " at N = " + Units.count(any.size()) + " · bar: open the pattern, bind, first call,"
                + " check · outline: from the JVM process start · median of " + any.forks()
                + (any.forks() == 1 ? " fork" : " forks");
        return Slide.write((g, w, h) -> {
            Slide.header(g, title, subtitle);
            bars(g, run, rows.stream().map(Startup::pattern).toList(),
                    rows.stream().map(Startup::medianFirstResultMillis).toList(),
                    rows.stream().map(Startup::medianSinceJvmStartMillis).toList(), max,
                    v -> Units.nanos(v * 1e6));
            Slide.footer(g, run, "JMH SingleShotTime, one fresh JVM per fork");
        }, dir, STARTUP);
    }

    /** Horizontal bars, one row per pattern, value labels at the bar ends; optional outline bars behind. */
    private static double[] bars(Graphics2D g, Run run, List<String> names, List<Double> values, List<Double> outline,
            double max, java.util.function.DoubleFunction<String> label) {
        double top = Slide.HEADER + 30;
        double bottom = Slide.HEIGHT - Slide.FOOTER - 40;
        g.setFont(Slide.LABEL);
        double labelW = names.stream().mapToDouble(n -> Slide.textWidth(g, Slide.LABEL, n)).max().orElse(100) + 24;
        double left = Slide.MARGIN + labelW;
        double right = Slide.WIDTH - Slide.MARGIN - 190;
        double row = Math.min(150, (bottom - top) / names.size());
        double bar = row * 0.62;
        for (int i = 0; i < names.size(); i++) {
            double y = top + i * row;
            String name = names.get(i);
            Color c = Palette.color(run, name);
            g.setColor(Slide.INK);
            g.setFont(Slide.LABEL);
            Slide.right(g, name, left - 16, y + bar / 2 + 9);
            Double o = outline.get(i);
            if (o != null && o > 0) {
                double ow = (right - left) * o / max;
                g.setColor(Palette.tint(c, 0.8));
                g.fill(new Rectangle2D.Double(left, y, ow, bar));
                g.setColor(c);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Rectangle2D.Double(left, y, ow, bar));
            }
            double v = values.get(i);
            double bw = Math.max(2, (right - left) * v / max);
            g.setColor(c);
            g.fill(new Rectangle2D.Double(left, y, bw, bar));
            if (Palette.dashed(run, name)) {
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {12f, 8f}, 0f));
                g.draw(new Line2D.Double(left + 4, y + bar / 2, left + bw - 4, y + bar / 2));
            }
            g.setColor(Slide.INK);
            g.setFont(Slide.LABEL_BOLD);
            double end = left + Math.max(bw, o == null ? 0 : (right - left) * o / max);
            String text = label.apply(v) + (o == null ? "" : "  (" + label.apply(o) + ")");
            g.drawString(text, (float) (end + 12), (float) (y + bar / 2 + 9));
        }
        return new double[] {left, right, top, top + row * names.size() - (row - bar)};
    }

    private static List<Path> curve(Run run, List<Startup> rows, Path dir) throws IOException {
        XYChart chart = new XYChartBuilder().width(Slide.WIDTH).height(Slide.HEIGHT - Slide.HEADER - Slide.FOOTER)
                .xAxisTitle("call number in a fresh JVM (call 1, the first answer, is in the start-up chart)")
                .yAxisTitle("time per call (log scale)").build();
        XYStyler st = chart.getStyler();
        Plots.style(st);
        st.setMarkerSize(9);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        int maxX = 2;
        for (Startup s : rows) {
            List<Double> c = s.curve();
            double[] x = new double[c.size()];
            double[] y = new double[c.size()];
            int m = 0;
            for (int i = 0; i < c.size(); i++) {
                Double v = c.get(i);
                if (v == null || v <= 0) {
                    continue;
                }
                x[m] = i + 2;
                y[m] = Math.log10(v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                m++;
            }
            if (m == 0) {
                continue;
            }
            maxX = Math.max(maxX, c.size() + 1);
            XYSeries series = chart.addSeries(s.pattern(), java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m));
            Palette.apply(series, run, s.pattern(), 3.5f);
        }
        if (hi == 0) {
            return List.of();
        }
        Plots.fitLegend(chart);
        st.setYAxisMin(Math.floor(Math.log10(lo)));
        st.setYAxisMax(Math.ceil(Math.log10(hi)) + (Math.ceil(Math.log10(hi)) == Math.floor(Math.log10(lo)) ? 1 : 0));
        st.setXAxisMin(1.5);
        st.setXAxisMax(maxX + 0.5);
        st.setyAxisTickLabelsFormattingFunction(Plots::timeTick);
        Startup any = rows.get(0);
        String title = "Warm-up: time per call for the first " + any.calls() + " calls";
        String subtitle = any.workload() + " at N = " + Units.count(any.size()) + " · each call timed on its own"
                + " (median over " + any.forks() + (any.forks() == 1 ? " fork" : " forks")
                + ") · a falling line is a JIT or a cache still warming";
        return Slide.write((g, w, h) -> {
            Slide.header(g, title, subtitle);
            Graphics2D cg = (Graphics2D) g.create();
            cg.translate(0, Slide.HEADER);
            chart.paint(cg, w, h - Slide.HEADER - Slide.FOOTER);
            cg.dispose();
            Slide.footer(g, run, "JMH SingleShotTime, one call per iteration");
        }, dir, CURVE);
    }

    /** The factor with its interval, "×1.94 (1.80–2.05)", or "×1.94 (no interval)" (older runs); null without one. */
    public static String factorText(Scaling s) {
        return io.gluebench.analysis.ScalingFactor.factorText(s);
    }

    /**
     * One row per pattern: the factor as a bar, its 95% interval as a whisker, the reading beside it;
     * an inconclusive factor is drawn as an outline only and labelled inconclusive with its reason.
     */
    private static List<Path> callers(Run run, List<Scaling> rows, Path dir) throws IOException {
        Scaling any = rows.get(0);
        int most = any.threads().get(any.threads().size() - 1);
        int cores = run.machine() == null ? Integer.MAX_VALUE : run.machine().cores();
        List<Scaling> sorted = rows.stream().sorted(Comparator.comparingDouble(Scaling::factor).reversed()).toList();
        // The axis reaches the largest factor and the whiskers, but a whisker past twice the caller
        // count is cut at the edge (an arrow) so that one wild interval does not squash the rest.
        double max = Math.max(most * 1.15, rows.stream()
                .mapToDouble(s -> Math.max(s.factor(), s.factorHigh() == null ? 0 : Math.min(s.factorHigh(), 2.0 * most)))
                .max().orElse(1) * 1.05);
        boolean forks = rows.stream().anyMatch(Scaling::hasInterval);
        String title = "Callers: throughput with " + most + " concurrent callers over 1 caller";
        String subtitle = any.workload() + " at N = " + Units.count(any.size()) + " · each caller has its own interpreter"
                + " or worker · ×1: serialised (a lock such as the GIL) · ×" + most + ": fully parallel"
                + (forks ? " · whisker: 95% interval over forks" : "");
        return Slide.write((g, w, h) -> {
            Slide.header(g, title, subtitle);
            double top = Slide.HEADER + 30;
            double bottom = Slide.HEIGHT - Slide.FOOTER - 40;
            g.setFont(Slide.LABEL);
            double labelW = sorted.stream().mapToDouble(s -> Slide.textWidth(g, Slide.LABEL, s.pattern())).max().orElse(100)
                    + 24;
            double left = Slide.MARGIN + labelW;
            double right = Slide.WIDTH - Slide.MARGIN - 440;
            double row = Math.min(150, (bottom - top) / sorted.size());
            double bar = row * 0.62;
            for (int i = 0; i < sorted.size(); i++) {
                Scaling s = sorted.get(i);
                double y = top + i * row;
                Color c = Palette.color(run, s.pattern());
                io.gluebench.analysis.ScalingFactor.Reading reading = io.gluebench.analysis.ScalingFactor.read(s, cores);
                boolean inconclusive = reading == null || reading.inconclusive();
                g.setColor(Slide.INK);
                g.setFont(Slide.LABEL);
                Slide.right(g, s.pattern(), left - 16, y + bar / 2 + 9);
                double bw = Math.max(2, (right - left) * s.factor() / max);
                if (inconclusive) {
                    g.setColor(Palette.tint(c, 0.8));
                    g.fill(new Rectangle2D.Double(left, y, bw, bar));
                    g.setColor(c);
                    g.setStroke(new BasicStroke(2f));
                    g.draw(new Rectangle2D.Double(left, y, bw, bar));
                } else {
                    g.setColor(c);
                    g.fill(new Rectangle2D.Double(left, y, bw, bar));
                }
                double end = left + bw;
                if (s.hasInterval()) {
                    boolean cut = s.factorHigh() > max;
                    double xl = left + (right - left) * s.factorLow() / max;
                    double xh = left + (right - left) * Math.min(s.factorHigh(), max) / max;
                    double mid = y + bar / 2;
                    g.setColor(Slide.INK);
                    g.setStroke(new BasicStroke(3f));
                    g.draw(new Line2D.Double(xl, mid, xh, mid));
                    g.draw(new Line2D.Double(xl, mid - bar / 4, xl, mid + bar / 4));
                    if (cut) {
                        g.draw(new Line2D.Double(xh - 14, mid - 10, xh, mid));
                        g.draw(new Line2D.Double(xh - 14, mid + 10, xh, mid));
                    } else {
                        g.draw(new Line2D.Double(xh, mid - bar / 4, xh, mid + bar / 4));
                    }
                    end = Math.max(end, xh);
                }
                // The factor with its interval, and under it the reading (the reason, when inconclusive).
                g.setColor(Slide.INK);
                g.setFont(Slide.LABEL_BOLD);
                g.drawString(factorText(s), (float) (end + 12), (float) (y + bar / 2 + (reading == null ? 9 : -2)));
                if (reading != null) {
                    g.setFont(Slide.SMALL);
                    g.setColor(inconclusive ? Palette.VERMILLION : Slide.MUTED);
                    g.drawString(reading.brief(), (float) (end + 12), (float) (y + bar / 2 + 23));
                }
            }
            // Reference lines at x1 and x(most).
            double refTop = top - 12;
            double refBottom = top + row * sorted.size() - (row - bar) + 12;
            g.setColor(new Color(0x44, 0x44, 0x44));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 7f}, 0f));
            for (double ref : new double[] {1, most}) {
                double x = left + (right - left) * ref / max;
                g.draw(new Line2D.Double(x, refTop, x, refBottom));
                g.setFont(Slide.SMALL);
                Slide.centre(g, ref == 1 ? "×1 serialised" : "×" + most + " parallel", x, refBottom + 28);
            }
            Slide.footer(g, run, forksNote(any) + "; outline: inconclusive");
        }, dir, CALLERS);
    }

    /** "3 forks per count, seeded order", or one fork for older runs. */
    private static String forksNote(Scaling s) {
        int forks = s.forkSamples() == null || s.forkSamples().isEmpty() ? 1 : s.forkSamples().get(0).size();
        return forks == 1 ? "one fork per count" : forks + " forks per count, seeded order";
    }
}
