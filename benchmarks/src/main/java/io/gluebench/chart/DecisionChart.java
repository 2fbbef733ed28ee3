package io.gluebench.chart;

import io.gluebench.result.Units;
import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Decision;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * "When to glue" at a glance: across N (log axis), which pattern is fastest, as coloured segments in
 * each pattern's colour with its name written in. A second, thinner strip answers the same for the
 * patterns that run Python (no java, jni or ffm). Where the two fastest overlap within their
 * intervals the segment is a grey, hatched "tie" naming the tied patterns, not a winner. Beyond the
 * first and last measured size the strip is drawn pale: nothing was measured there.
 */
public final class DecisionChart {
    /** The fill of a tie: no pattern's colour. */
    static final Color TIE = new Color(0xC4, 0xC4, 0xC4);

    private DecisionChart() {
    }

    /** A segment placed on the axis, in log10-space positions. */
    record Placed(double x0, double x1, Decision.Segment segment) {
    }

    public static List<Path> write(Run run, Analysis analysis, String workload, Path dir) throws IOException {
        List<Decision.Segment> all = analysis.findings(workload).strip();
        if (all.isEmpty()) {
            return List.of();
        }
        List<Decision.Segment> python = analysis.findings(workload).pythonStrip();
        List<Integer> sizes = analysis.findings(workload).sizes();
        NAxis axis = new NAxis(sizes);
        String title = analysis.findings(workload).finding();
        String subtitle = "the fastest way to run it, by N: lowest time per call, or tie where the two lowest overlap within"
                + " their intervals · edge: N* (◆) in the gap, else half-way";
        return Slide.write((g, w, h) -> paint(g, run, workload, axis, sizes, place(axis, all), place(axis, python),
                title, subtitle), dir, workload + "-decision");
    }

    /** Positions of the segments: edges at N* (kept inside its gap) or half-way between the neighbouring sizes. */
    static List<Placed> place(NAxis axis, List<Decision.Segment> segs) {
        List<Placed> out = new ArrayList<>();
        double left = axis.min();
        for (int i = 0; i < segs.size(); i++) {
            Decision.Segment s = segs.get(i);
            double right;
            if (i == segs.size() - 1) {
                right = axis.max();
            } else {
                double a = axis.x(s.sizes().get(s.sizes().size() - 1));
                double b = axis.x(segs.get(i + 1).sizes().get(0));
                right = s.modelEdge() ? Math.max(a, Math.min(b, axis.x(s.toN()))) : (a + b) / 2;
            }
            out.add(new Placed(left, right, s));
            left = right;
        }
        return out;
    }

    static void paint(Graphics2D g, Run run, String workload, NAxis axis, List<Integer> sizes, List<Placed> all,
                      List<Placed> python, String title, String subtitle) {
        Slide.header(g, title, subtitle);
        double plotLeft = 330;
        double plotRight = Slide.WIDTH - Slide.MARGIN - 20;
        java.util.function.DoubleUnaryOperator sx = v -> plotLeft + (v - axis.min()) / (axis.max() - axis.min()) * (plotRight - plotLeft);
        double firstX = sx.applyAsDouble(axis.x(sizes.get(0)));
        double lastX = sx.applyAsDouble(axis.x(sizes.get(sizes.size() - 1)));

        double y1 = Slide.HEADER + 90;
        double h1 = 260;
        double y2 = y1 + h1 + 140;
        double h2 = 150;
        double axisY = y2 + h2 + 110;

        g.setFont(Slide.LABEL_BOLD);
        g.setColor(Slide.INK);
        labelLeft(g, new String[] {"fastest", "of all"}, plotLeft - 24, y1 + h1 / 2);
        labelLeft(g, new String[] {"fastest in", "CPython"}, plotLeft - 24, y2 + h2 / 2);
        strip(g, run, all, sx, y1, h1, firstX, lastX, Slide.LABEL_BOLD.deriveFont(34f));
        if (python.isEmpty()) {
            g.setFont(Slide.LABEL.deriveFont(Font.ITALIC));
            g.setColor(Slide.MUTED);
            g.drawString("no CPython pattern was measured", (float) plotLeft, (float) (y2 + h2 / 2 + 9));
        } else {
            strip(g, run, python, sx, y2, h2, firstX, lastX, Slide.LABEL_BOLD);
        }

        // The N axis: decades, and the measured sizes as ticks on both strips.
        g.setColor(new Color(0x88, 0x88, 0x88));
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(plotLeft, axisY, plotRight, axisY));
        g.setFont(Slide.TICK);
        for (int d = (int) Math.ceil(axis.min()); d <= Math.floor(axis.max()); d++) {
            double x = sx.applyAsDouble(d);
            g.setColor(new Color(0x88, 0x88, 0x88));
            g.draw(new Line2D.Double(x, axisY, x, axisY + 10));
            g.setColor(Slide.INK);
            Slide.centre(g, axis.label(d), x, axisY + 40);
        }
        g.setFont(Slide.AXIS_TITLE);
        g.setColor(Slide.INK);
        Slide.centre(g, "N: " + Plots.sizeMeaning(run, workload) + " (log scale)", (plotLeft + plotRight) / 2, axisY + 84);
        for (int n : sizes) {
            double x = sx.applyAsDouble(axis.x(n));
            for (double[] s : new double[][] {{y1, h1}, {y2, h2}}) {
                triangle(g, x, s[0] + s[1] + 4);
            }
        }
        g.setFont(Slide.SMALL);
        g.setColor(Slide.MUTED);
        g.drawString("▲ measured sizes; pale ends: beyond the measured range", (float) plotLeft, (float) (y1 - 20));

        edges(g, all, sx, y1 + h1 + 18);
        edges(g, python, sx, y2 + h2 + 18);
        Slide.footer(g, run, "fastest = lowest mean time per call");
    }

    private static void labelLeft(Graphics2D g, String[] lines, double right, double cy) {
        double lh = g.getFontMetrics().getHeight();
        double y = cy - lh * (lines.length - 1) / 2 + 9;
        for (String l : lines) {
            Slide.right(g, l, right, y);
            y += lh;
        }
    }

    private static void strip(Graphics2D g, Run run, List<Placed> segs, java.util.function.DoubleUnaryOperator sx,
                              double y, double h, double firstX, double lastX, Font font) {
        for (Placed p : segs) {
            double a = sx.applyAsDouble(p.x0());
            double b = sx.applyAsDouble(p.x1());
            Decision.Segment seg = p.segment();
            Color c = seg.tie() ? TIE : Palette.color(run, seg.pattern());
            // Pale outside the measured range, full colour inside.
            g.setColor(Palette.tint(c, 0.6));
            g.fill(new Rectangle2D.Double(a, y, b - a, h));
            double ia = Math.max(a, firstX);
            double ib = Math.min(b, lastX);
            if (ib > ia) {
                g.setColor(c);
                g.fill(new Rectangle2D.Double(ia, y, ib - ia, h));
            }
            if (seg.tie()) {
                hatch(g, a, y, b - a, h);
            } else if (Palette.dashed(run, seg.pattern())) {
                g.setColor(Color.WHITE);
                g.setStroke(Palette.stroke(run, seg.pattern(), 4f));
                g.draw(new Line2D.Double(a + 6, y + 8, b - 6, y + 8));
            }
            // The name, in the widest font that fits; under "tie", the tied patterns when they fit.
            String name = seg.label();
            double mid = (Math.max(a, Math.min(ia, ib)) + Math.min(b, Math.max(ia, ib))) / 2;
            for (Font f : new Font[] {font, Slide.LABEL_BOLD, Slide.SMALL}) {
                if (Slide.textWidth(g, f, name) + 16 <= b - a) {
                    g.setFont(f);
                    g.setColor(Palette.textOn(c));
                    double cx = Math.max(a + Slide.textWidth(g, f, name) / 2 + 8, Math.min(b - Slide.textWidth(g, f, name) / 2 - 8, mid));
                    String who = seg.tie() ? tiedNames(g, seg.tied(), b - a - 16) : null;
                    boolean names = who != null;
                    double base = y + h / 2 + f.getSize() * 0.36 - (names ? Slide.SMALL.getSize() * 0.7 : 0);
                    Slide.centre(g, name, cx, base);
                    if (names) {
                        g.setFont(Slide.SMALL);
                        double wx = Math.max(a + Slide.textWidth(g, Slide.SMALL, who) / 2 + 8,
                                Math.min(b - Slide.textWidth(g, Slide.SMALL, who) / 2 - 8, mid));
                        Slide.centre(g, who, wx, base + Slide.SMALL.getSize() * 1.5);
                    }
                    break;
                }
            }
        }
        // Thin white separators between segments.
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3f));
        for (int i = 1; i < segs.size(); i++) {
            double x = sx.applyAsDouble(segs.get(i).x0());
            g.draw(new Line2D.Double(x, y, x, y + h));
        }
    }

    /** Under each inner edge: a diamond and N* for model edges. */
    private static void edges(Graphics2D g, List<Placed> segs, java.util.function.DoubleUnaryOperator sx, double y) {
        for (int i = 0; i + 1 < segs.size(); i++) {
            Decision.Segment s = segs.get(i).segment();
            double x = sx.applyAsDouble(segs.get(i).x1());
            if (s.modelEdge()) {
                g.setColor(Slide.INK);
                Path2D d = new Path2D.Double();
                d.moveTo(x, y + 6);
                d.lineTo(x + 9, y + 15);
                d.lineTo(x, y + 24);
                d.lineTo(x - 9, y + 15);
                d.closePath();
                g.fill(d);
                g.setFont(Slide.LABEL_BOLD);
                Slide.centre(g, "N* ≈ " + Units.count(s.toN()), x, y + 56);
            }
        }
    }

    /** The tied patterns as fit the width: all of them, else the first few and how many more; null if none fit. */
    static String tiedNames(Graphics2D g, List<String> tied, double width) {
        for (int k = tied.size(); k >= 2; k--) {
            String text = String.join(", ", tied.subList(0, k)) + (k < tied.size() ? " +" + (tied.size() - k) + " more" : "");
            if (k == tied.size() || k <= 3) {
                if (Slide.textWidth(g, Slide.SMALL, text) <= width) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Thin diagonal white lines over a tie, so it reads as "no winner" and not as a grey pattern. */
    private static void hatch(Graphics2D g, double x, double y, double w, double h) {
        Graphics2D hg = (Graphics2D) g.create();
        hg.clip(new Rectangle2D.Double(x, y, w, h));
        hg.setColor(new Color(255, 255, 255, 150));
        hg.setStroke(new BasicStroke(2f));
        for (double d = x - h; d < x + w; d += 22) {
            hg.draw(new Line2D.Double(d, y + h, d + h, y));
        }
        hg.dispose();
    }

    private static void triangle(Graphics2D g, double x, double y) {
        Path2D t = new Path2D.Double();
        t.moveTo(x, y);
        t.lineTo(x + 8, y + 12);
        t.lineTo(x - 8, y + 12);
        t.closePath();
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.fill(t);
    }

    /** The patterns shown ("tie" for a tie), in strip order (for tests and legends). */
    static List<String> shown(List<Placed> segs) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        segs.forEach(p -> out.add(p.segment().label()));
        return List.copyOf(out);
    }
}
