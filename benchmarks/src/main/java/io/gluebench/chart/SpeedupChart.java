package io.gluebench.chart;

import io.gluebench.result.Units;
import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Speedups;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Speed-up of every pattern against one baseline, pattern x N: baseline time / pattern time, the
 * number printed in each cell, coloured on a diverging blue (faster) / orange (slower) scale centred
 * on 1x, by the logarithm of the ratio. Both hues stay apart for every common colour-vision deficiency.
 */
public final class SpeedupChart {
    private static final Color MID = new Color(0xF7, 0xF7, 0xF7);
    private static final Color[] FASTER = {MID, new Color(0x92, 0xC5, 0xDE), new Color(0x43, 0x93, 0xC3), new Color(0x21, 0x66, 0xAC), new Color(0x05, 0x30, 0x61)};
    private static final Color[] SLOWER = {MID, new Color(0xFD, 0xB8, 0x63), new Color(0xE0, 0x82, 0x14), new Color(0xB3, 0x58, 0x06), new Color(0x7F, 0x3B, 0x08)};
    private static final Color MISSING = new Color(0xE4, 0xE4, 0xE4);

    private SpeedupChart() {
    }

    /** Draws the analysis's speed-up table of the workload; nothing when it has none. */
    public static List<Path> write(Run run, Analysis analysis, String workload, Path dir) throws IOException {
        Speedups.Table table = analysis.findings(workload).speedup();
        if (table == null) {
            return List.of();
        }
        String base = table.baseline();
        double maxDecades = 1;
        for (Speedups.Cell c : table.cells()) {
            if (c.ratio() != null) {
                maxDecades = Math.max(maxDecades, Math.abs(Math.log10(c.ratio())));
            }
        }
        double decades = Math.min(Math.ceil(maxDecades), 4);
        String title = workload + ": speed-up against " + base + ", per pattern and N";
        String subtitle = "cell = time of " + base + " / time of the pattern at the same N: above 1× faster (blue), below slower"
                + " (orange) · N = " + Plots.sizeMeaning(run, workload);
        return Slide.write((g, w, h) -> paint(g, run, table, decades, title, subtitle), dir, workload + "-speedup");
    }

    static void paint(Graphics2D g, Run run, Speedups.Table table, double decades, String title, String subtitle) {
        String base = table.baseline();
        List<String> rows = table.patterns();
        List<Integer> cols = table.sizes();
        Slide.header(g, title, subtitle);
        double left = 400;
        double right = Slide.WIDTH - Slide.MARGIN;
        double top = Slide.HEADER + 78;
        double bottom = Slide.HEIGHT - Slide.FOOTER - 110;
        double cw = (right - left) / cols.size();
        double ch = Math.min(80, (bottom - top) / rows.size());
        double gap = 3;

        g.setFont(Slide.AXIS_TITLE);
        g.setColor(Slide.INK);
        g.setFont(Slide.LABEL_BOLD);
        for (int c = 0; c < cols.size(); c++) {
            Slide.centre(g, "N = " + Units.count(cols.get(c)), left + cw * c + cw / 2, top - 18);
        }
        for (int r = 0; r < rows.size(); r++) {
            String pattern = rows.get(r);
            double y = top + ch * r;
            // Row label with the pattern's colour key.
            g.setFont(pattern.equals(base) ? Slide.LABEL_BOLD : Slide.LABEL);
            g.setColor(Slide.INK);
            String label = pattern.equals(base) ? pattern + " (baseline)" : pattern;
            Slide.right(g, label, left - 46, y + ch / 2 + 9);
            g.setColor(Palette.color(run, pattern));
            Palette.style(run, pattern).marker().paint(g, left - 26, y + ch / 2, 20);
            for (int c = 0; c < cols.size(); c++) {
                double x = left + cw * c;
                Speedups.Cell cell = table.cell(pattern, cols.get(c));
                Color fill = cell.ratio() == null ? MISSING : colour(cell.ratio(), decades);
                g.setColor(fill);
                g.fill(new Rectangle2D.Double(x + gap, y + gap, cw - 2 * gap, ch - 2 * gap));
                String text;
                if (cell.ratio() == null) {
                    g.setFont(Slide.SMALL.deriveFont(Font.ITALIC));
                    g.setColor(Slide.MUTED);
                    text = cell.missing();
                } else {
                    g.setFont(Slide.LABEL_BOLD);
                    g.setColor(Palette.textOn(fill));
                    text = ratioLabel(cell.ratio());
                }
                Slide.centre(g, text, x + cw / 2, y + ch / 2 + 9);
            }
            if (pattern.equals(base)) {
                g.setColor(Slide.INK);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Rectangle2D.Double(left + 1, y + 1, cw * cols.size() - 2, ch - 2));
            }
        }
        paintScale(g, decades, top + ch * rows.size() + 40, base);
        Slide.footer(g, run, "ratios of means");
    }

    /** The colour key: a bar from 10^-decades to 10^decades with 1× in the middle. */
    private static void paintScale(Graphics2D g, double decades, double y, String base) {
        double w = 900;
        double x0 = (Slide.WIDTH - w) / 2 + 100;
        double h = 22;
        int steps = 180;
        for (int i = 0; i < steps; i++) {
            double t = -decades + 2 * decades * (i + 0.5) / steps;
            g.setColor(colour(Math.pow(10, t), decades));
            g.fill(new Rectangle2D.Double(x0 + w * i / steps, y, w / steps + 0.6, h));
        }
        g.setColor(new Color(0xAA, 0xAA, 0xAA));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0, y, w, h));
        g.setFont(Slide.SMALL);
        for (int d = (int) -decades; d <= decades; d++) {
            double x = x0 + w * (d + decades) / (2 * decades);
            g.setColor(Slide.MUTED);
            g.draw(new java.awt.geom.Line2D.Double(x, y + h, x, y + h + 6));
            Slide.centre(g, ratioLabel(Math.pow(10, d)), x, y + h + 28);
        }
        g.setColor(Slide.INK);
        Slide.right(g, "slower than " + base, x0 - 16, y + h - 3);
        g.drawString("faster", (float) (x0 + w + 16), (float) (y + h - 3));
    }

    /** Diverging colour by log10 of the ratio, saturating at ±decades. */
    static Color colour(double ratio, double decades) {
        double t = Math.max(-1, Math.min(1, Math.log10(ratio) / decades));
        Color[] ramp = t >= 0 ? FASTER : SLOWER;
        double pos = Math.abs(t) * (ramp.length - 1);
        int i = Math.min((int) Math.floor(pos), ramp.length - 2);
        double f = pos - i;
        Color a = ramp[i];
        Color b = ramp[i + 1];
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }

    /** 1200×, 12×, 2.4×, 1×, 0.3×, 0.04×. */
    static String ratioLabel(double v) {
        if (v >= 10) {
            return Units.count(Math.round(v)) + "×";
        }
        if (v >= 0.995) {
            String s = new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
            return s + "×";
        }
        return new BigDecimal(v).round(new MathContext(1)).stripTrailingZeros().toPlainString() + "×";
    }
}
