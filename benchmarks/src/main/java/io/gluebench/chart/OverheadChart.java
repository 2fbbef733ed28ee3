package io.gluebench.chart;

import io.gluebench.result.Units;
import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.CostModel;
import io.gluebench.analysis.OverheadShare;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where one call's time goes at one N: per pattern a 100% bar split into the fixed cost a of its
 * cost model (capped at the measured time) and the rest, compute (measured - a). Each label carries
 * the bar's absolute time, since shares hide it (and a log scale cannot stack). Patterns without a
 * cost model are listed in a note.
 */
public final class OverheadChart {
    private OverheadChart() {
    }

    /** One bar: the measured time and its fixed share, as the analysis has them. */
    record Bar(OverheadShare overhead, boolean modelFits) {
        String pattern() {
            return overhead.pattern();
        }

        double share() {
            return overhead.share();
        }

        double measuredNs() {
            return overhead.measuredNs();
        }
    }

    public static List<Path> write(Run run, Analysis analysis, String workload, List<String> patternOrder,
                                   ChartOptions options, Path dir) throws IOException {
        Integer n = analysis.findings(workload).overheadAt(options.overheadAt());
        if (n == null) {
            return List.of();
        }
        List<Bar> bars = new ArrayList<>();
        List<String> noModel = new ArrayList<>();
        List<String> notMeasured = new ArrayList<>();
        for (String p : patternOrder) {
            Optional<Point> pt = run.points().stream()
                    .filter(q -> q.workload().equals(workload) && q.series().equals(p) && q.size() == n && Charts.measuredOk(q))
                    .findFirst();
            boolean anyPoint = run.points().stream().anyMatch(q -> q.workload().equals(workload) && q.series().equals(p));
            if (!anyPoint) {
                continue;
            }
            if (pt.isEmpty()) {
                notMeasured.add(p);
                continue;
            }
            Optional<OverheadShare> share = analysis.overhead().stream()
                    .filter(o -> o.workload().equals(workload) && o.pattern().equals(p) && o.size() == n).findFirst();
            if (share.isEmpty()) {
                noModel.add(p);
                continue;
            }
            boolean fits = analysis.model(workload, p).map(CostModel::fits).orElse(false);
            bars.add(new Bar(share.get(), fits));
        }
        if (bars.isEmpty()) {
            return List.of();
        }
        String unit = Plots.sizeMeaning(run, workload);
        String title = workload + ": where the time of one call goes at N = " + Units.count(n);
        String subtitle = "dark: fixed cost per call, a of the cost model t = a + b·f(N) (capped at the measured time)"
                + " · pale: the rest, compute · N: " + unit;
        List<String> notes = new ArrayList<>();
        if (bars.stream().anyMatch(b -> !b.modelFits())) {
            notes.add("* cost model does not fit this pattern's points: its a is indicative only");
        }
        if (!noModel.isEmpty()) {
            notes.add("not shown, no cost model (fewer than two sizes): " + String.join(", ", noModel));
        }
        if (!notMeasured.isEmpty()) {
            notes.add("not measured at this N: " + String.join(", ", notMeasured));
        }
        return Slide.write((g, w, h) -> paint(g, run, bars, title, subtitle, notes), dir, workload + "-overhead");
    }

    static void paint(Graphics2D g, Run run, List<Bar> bars, String title, String subtitle, List<String> notes) {
        Slide.header(g, title, subtitle);
        double labelRight = 520;
        double x0 = labelRight + 28;
        double x1 = Slide.WIDTH - Slide.MARGIN - 20;
        double top = Slide.HEADER + 56;
        double bottom = Slide.HEIGHT - Slide.FOOTER - 70 - 30 * notes.size();
        double pitch = Math.min(84, (bottom - top) / bars.size());
        double thick = pitch * 0.64;
        double plotBottom = top + pitch * bars.size();

        // Grid and percentage axis.
        g.setFont(Slide.TICK);
        for (int pct = 0; pct <= 100; pct += 25) {
            double x = x0 + (x1 - x0) * pct / 100.0;
            g.setColor(pct == 50 ? new Color(0xBB, 0xBB, 0xBB) : Slide.GRID);
            g.setStroke(pct == 50 ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 5f}, 0f) : new BasicStroke(1f));
            g.draw(new Line2D.Double(x, top - 8, x, plotBottom + 4));
            g.setColor(Slide.MUTED);
            Slide.centre(g, pct + "%", x, plotBottom + 34);
        }
        g.setFont(Slide.SMALL);
        g.setColor(Slide.MUTED);
        Slide.centre(g, "share of one call", (x0 + x1) / 2, plotBottom + 64);

        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cy = top + pitch * i + pitch / 2;
            Color c = Palette.color(run, b.pattern());
            Color pale = Palette.tint(c, 0.72);
            double split = x0 + (x1 - x0) * b.share();
            g.setColor(c);
            g.fill(new Rectangle2D.Double(x0, cy - thick / 2, split - x0, thick));
            g.setColor(pale);
            g.fill(new Rectangle2D.Double(split, cy - thick / 2, x1 - split, thick));
            if (Palette.dashed(run, b.pattern())) {
                g.setColor(Color.WHITE);
                g.setStroke(Palette.stroke(run, b.pattern(), 3f));
                g.draw(new Line2D.Double(x0, cy, split, cy));
            }
            // Percentages inside the segments when they fit, else just outside the small one.
            g.setFont(Slide.LABEL_BOLD);
            String fixed = pct(b.share());
            String compute = pct(1 - b.share());
            double fw = Slide.textWidth(g, g.getFont(), fixed);
            double cw = Slide.textWidth(g, g.getFont(), compute);
            double base = cy + 9;
            if (split - x0 > fw + 20) {
                g.setColor(Palette.textOn(c));
                g.drawString(fixed, (float) (x0 + 12), (float) base);
            }
            if (x1 - split > cw + 20) {
                g.setColor(Palette.textOn(pale));
                Slide.right(g, compute, x1 - 12, base);
            }
            // The label: pattern name and its measured time.
            g.setFont(Slide.LABEL_BOLD);
            g.setColor(Slide.INK);
            String name = b.pattern() + (b.modelFits() ? "" : "*");
            String time = Units.nanos(b.measuredNs());
            g.setFont(Slide.LABEL);
            double tw = Slide.textWidth(g, Slide.LABEL, time);
            g.setColor(Slide.MUTED);
            Slide.right(g, time, labelRight, base);
            g.setFont(Slide.LABEL_BOLD);
            g.setColor(Slide.INK);
            Slide.right(g, name, labelRight - tw - 18, base);
            // Small key mark in the pattern's marker.
        }
        g.setFont(Slide.SMALL);
        g.setColor(Slide.MUTED);
        double ny = Slide.HEIGHT - Slide.FOOTER - 24 - 30 * (notes.size() - 1);
        for (String note : notes) {
            g.drawString(Slide.fit(g, note, Slide.WIDTH - 2 * Slide.MARGIN), Slide.MARGIN, (float) ny);
            ny += 30;
        }
        Slide.footer(g, run, "a from a weighted fit over all sizes");
    }

    static String pct(double share) {
        double p = 100 * share;
        return p > 0 && p < 1 ? "<1%" : p < 100 && p > 99 ? ">99%" : Math.round(p) + "%";
    }
}
