package io.gluebench.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.gluebench.result.Names;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The frame every chart is drawn in: a 1920x1080 logical slide with a title, a subtitle and a
 * footer naming machine, date and profile. One paint method renders both the PNG (at 2x, 3840x2160
 * pixels) and the SVG (1920x1080), so the two never differ.
 */
final class Slide {
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    static final int SCALE = 2;
    static final int MARGIN = 48;
    static final int HEADER = 118;
    static final int FOOTER = 52;

    static final String SANS = "DejaVu Sans";
    static final Font TITLE = new Font(SANS, Font.BOLD, 40);
    static final Font SUBTITLE = new Font(SANS, Font.PLAIN, 25);
    static final Font AXIS_TITLE = new Font(SANS, Font.PLAIN, 28);
    static final Font TICK = new Font(SANS, Font.PLAIN, 24);
    static final Font LABEL = new Font(SANS, Font.PLAIN, 26);
    static final Font LABEL_BOLD = new Font(SANS, Font.BOLD, 26);
    static final Font SMALL = new Font(SANS, Font.PLAIN, 21);
    static final Font FOOT = new Font(SANS, Font.PLAIN, 20);
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x5A, 0x5A, 0x5A);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private Slide() {
    }

    /** Draws a chart's content into a 1920x1080 logical canvas. */
    @FunctionalInterface
    interface Painter {
        void paint(Graphics2D g, int width, int height);
    }

    /**
     * Writes dir/name.png and dir/name.svg; returns both paths. The name comes from the run (its
     * workload) and is refused unless it is one safe name, so no chart is written outside dir.
     */
    static List<Path> write(Painter painter, Path dir, String name) throws IOException {
        Names.fileName(name);
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");

        BufferedImage img = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(SCALE, SCALE);
        painter.paint(g, WIDTH, HEIGHT);
        g.dispose();
        Path tmp = dir.resolve(name + ".png.tmp");
        Files.deleteIfExists(tmp);
        ImageIO.write(img, "png", tmp.toFile());
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING);

        VectorGraphics2D vg = new VectorGraphics2D();
        hints(vg);
        vg.setColor(Color.WHITE);
        vg.fillRect(0, 0, WIDTH, HEIGHT);
        painter.paint(vg, WIDTH, HEIGHT);
        vg.dispose();
        Path stmp = dir.resolve(name + ".svg.tmp");
        Files.deleteIfExists(stmp);
        try (OutputStream out = Files.newOutputStream(stmp)) {
            new SVGProcessor().getDocument(vg.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT)).writeTo(out);
        }
        Files.move(stmp, svg, StandardCopyOption.REPLACE_EXISTING);
        return List.of(png, svg);
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /** Title and subtitle at the top, left-aligned. */
    static void header(Graphics2D g, String title, String subtitle) {
        g.setColor(INK);
        // Shrink a long title (a finding, or one the reader gave) a little before cutting it.
        Font tf = TITLE;
        while (tf.getSize2D() > 32 && textWidth(g, tf, title) > WIDTH - 2 * MARGIN) {
            tf = tf.deriveFont(tf.getSize2D() - 1);
        }
        g.setFont(tf);
        g.drawString(fit(g, title, WIDTH - 2 * MARGIN), MARGIN, 58);
        if (subtitle != null && !subtitle.isEmpty()) {
            g.setColor(MUTED);
            // Shrink a long subtitle a little before cutting it.
            Font f = SUBTITLE;
            while (f.getSize2D() > 21 && textWidth(g, f, subtitle) > WIDTH - 2 * MARGIN) {
                f = f.deriveFont(f.getSize2D() - 1);
            }
            g.setFont(f);
            g.drawString(fit(g, subtitle, WIDTH - 2 * MARGIN), MARGIN, 98);
        }
    }

    /** The footer: a rule and one line naming machine, date and profile, plus a chart-specific note. */
    static void footer(Graphics2D g, Run run, String note) {
        footer(g, machineLine(run) + (note == null || note.isEmpty() ? "" : " · " + note));
    }

    /** "gluebench · machine, JDK · date · profile · what a point's number is". */
    static String machineLine(Run run) {
        var m = run.machine();
        String machine = m == null ? "unknown machine"
                : m.origin() != null ? m.origin() + (m.jdkVersion() == null ? "" : ", JDK " + m.jdkVersion())
                : m.cpuModel() + ", " + m.cores() + " cores, "
                + Math.round(m.memoryBytes() / (1024.0 * 1024 * 1024)) + " GiB, JDK " + m.jdkVersion();
        String date = run.startedAt() == null ? "" : run.startedAt().substring(0, Math.min(10, run.startedAt().length()));
        return "gluebench · " + machine + " · " + date + " · profile " + run.profile()
                + (run.formatVersion() >= 2 ? " · mean of the forks' means" : " · mean of JMH iterations");
    }

    /** The footer with a text of the chart's own (charts over several runs). */
    static void footer(Graphics2D g, String text) {
        g.setColor(new Color(0x99, 0x99, 0x99));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(MARGIN / 2, HEIGHT - FOOTER, WIDTH - MARGIN / 2, HEIGHT - FOOTER);
        g.setColor(MUTED);
        g.setFont(FOOT);
        g.drawString(fit(g, text, WIDTH - MARGIN), MARGIN / 2, HEIGHT - 18);
    }

    /** Cuts a string with an ellipsis so that it fits the width in the current font. */
    static String fit(Graphics2D g, String s, double width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    static double textWidth(Graphics2D g, Font f, String s) {
        return g.getFontMetrics(f).getStringBounds(s, g).getWidth();
    }

    /** Draws text centred at (cx, baseline). */
    static void centre(Graphics2D g, String s, double cx, double baseline) {
        g.drawString(s, (float) (cx - g.getFontMetrics().getStringBounds(s, g).getWidth() / 2), (float) baseline);
    }

    /** Draws text right-aligned at (right, baseline). */
    static void right(Graphics2D g, String s, double right, double baseline) {
        g.drawString(s, (float) (right - g.getFontMetrics().getStringBounds(s, g).getWidth()), (float) baseline);
    }

    /** A label on a white, slightly translucent rounded box, for annotations over lines. */
    static void boxedLabel(Graphics2D g, String[] lines, Font[] fonts, double x, double y, Color ink) {
        double w = 0;
        double h = 0;
        for (int i = 0; i < lines.length; i++) {
            w = Math.max(w, textWidth(g, fonts[i], lines[i]));
            h += g.getFontMetrics(fonts[i]).getHeight();
        }
        double pad = 8;
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new RoundRectangle2D.Double(x - pad, y - pad, w + 2 * pad, h + 2 * pad, 12, 12));
        g.setColor(new Color(0xBB, 0xBB, 0xBB));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new RoundRectangle2D.Double(x - pad, y - pad, w + 2 * pad, h + 2 * pad, 12, 12));
        double yy = y;
        for (int i = 0; i < lines.length; i++) {
            FontMetrics fm = g.getFontMetrics(fonts[i]);
            g.setFont(fonts[i]);
            g.setColor(i == 0 ? ink : MUTED);
            g.drawString(lines[i], (float) x, (float) (yy + fm.getAscent()));
            yy += fm.getHeight();
        }
    }
}
