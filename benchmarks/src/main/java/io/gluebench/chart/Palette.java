package io.gluebench.chart;

import io.gluebench.result.Family;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One colour and one marker per pattern, the same in every chart. Colours are the Okabe-Ito
 * colour-blind-safe hues, one per family (jvm black, jni/ffm blues, jython orange, graalpy reddish
 * purple, jep bluish green, pemja yellow darkened to read on white, worker vermillion; py4j, a ninth
 * family, brown, outside the eight); a family's
 * second members are darker shades and carry another marker. Known patterns have a fixed entry; an
 * unknown name gets its family's hue (or grey) and a marker chosen from its name, deterministically.
 * Anti-patterns are drawn dashed.
 */
public final class Palette {
    private Palette() {
    }

    /** A pattern's look. */
    public record Style(Color color, Marker marker, String markerName) {
    }

    static final Color BLACK = new Color(0x00, 0x00, 0x00);
    static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    /** Okabe-Ito yellow is too pale for lines on white; its darker shade keeps the hue. */
    static final Color OLIVE = shade(YELLOW, 0.75);
    static final Color GREY = new Color(0x80, 0x80, 0x80);
    /** Okabe-Ito has eight hues and every one is taken: py4j gets a brown, far from all of them. */
    static final Color BROWN = new Color(0x8C, 0x56, 0x3C);

    private static final Map<Family, Color> FAMILY = Map.ofEntries(
            Map.entry(Family.JVM, BLACK), Map.entry(Family.JNI, SKY_BLUE), Map.entry(Family.FFM, BLUE),
            Map.entry(Family.JYTHON, ORANGE), Map.entry(Family.GRAALPY, PURPLE), Map.entry(Family.JEP, GREEN),
            Map.entry(Family.PEMJA, OLIVE), Map.entry(Family.WORKER, VERMILLION), Map.entry(Family.PY4J, BROWN));

    private static final List<String> MARKER_NAMES = List.of("circle", "diamond", "square", "triangle-up",
            "triangle-down", "cross", "plus", "trapezoid", "oval");
    private static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND,
            SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS,
            SeriesMarkers.PLUS, SeriesMarkers.TRAPEZOID, SeriesMarkers.OVAL);

    /** Fixed entries: colour and marker index. Every catalogue pattern and the named variants. */
    private static final Map<String, Style> KNOWN = Map.ofEntries(
            entry("java", BLACK, 0),
            entry("jni", SKY_BLUE, 1),
            entry("jni-copy", shade(SKY_BLUE, 0.7), 5),
            entry("jni-direct-buffer", shade(SKY_BLUE, 0.5), 6),
            entry("ffm", BLUE, 2),
            entry("ffm-copy", shade(BLUE, 0.7), 5),
            entry("jython", ORANGE, 3),
            entry("graalpy", PURPLE, 4),
            entry("graalpy-interpreter", shade(PURPLE, 0.7), 3),
            entry("jep-python", GREEN, 0),
            entry("jep-numpy", shade(GREEN, 0.65), 2),
            entry("jep-numpy-copy", shade(GREEN, 0.55), 3),
            entry("jep-list", shade(GREEN, 0.5), 5),
            entry("jep-numpy-scalar-loop", shade(GREEN, 0.5), 6),
            entry("jep-native", shade(GREEN, 0.8), 1),
            entry("jep-ctypes", shade(GREEN, 0.7), 4),
            entry("pemja-python", OLIVE, 0),
            entry("pemja-numpy", shade(YELLOW, 0.5), 2),
            entry("worker-python", VERMILLION, 1),
            entry("worker-numpy", shade(VERMILLION, 0.65), 2),
            entry("worker-python-uds", shade(VERMILLION, 0.85), 3),
            entry("worker-numpy-uds", shade(VERMILLION, 0.55), 3),
            entry("worker-python-shm", shade(VERMILLION, 0.85), 4),
            entry("worker-numpy-shm", shade(VERMILLION, 0.55), 4),
            entry("worker-json", shade(VERMILLION, 0.5), 5),
            entry("worker-chatty", shade(VERMILLION, 0.5), 6),
            entry("spawn-per-call", shade(VERMILLION, 0.5), 7),
            entry("py4j-python", BROWN, 8),
            entry("py4j-numpy", shade(BROWN, 0.65), 2),
            entry("py4j-python-bytes", shade(BROWN, 0.5), 5));

    private static Map.Entry<String, Style> entry(String name, Color c, int marker) {
        return Map.entry(name, new Style(c, MARKERS.get(marker), MARKER_NAMES.get(marker)));
    }

    /**
     * The look of one of a run's series: its pattern's entry, or for a pattern the palette does not
     * list its family's hue as the run stored it (grey when unknown). A series at a placement other
     * than free keeps its pattern's colour and takes a marker of its own.
     */
    public static Style style(Run run, String series) {
        String pattern = run.patternOf(series);
        Style base = style(pattern, run.pattern(pattern).map(PatternInfo::family).orElse(Family.OTHER));
        if (pattern.equals(series)) {
            return base;
        }
        int m = Math.floorMod(stableHash(series), MARKERS.size() - 1);
        if (m >= MARKER_NAMES.indexOf(base.markerName())) {
            m++; // never its pattern's own marker
        }
        return new Style(base.color(), MARKERS.get(m), MARKER_NAMES.get(m));
    }

    /** A pattern's look: its fixed entry, else a shade of its family's hue and a marker from its name. */
    public static Style style(String pattern, Family family) {
        Style known = KNOWN.get(pattern);
        if (known != null) {
            return known;
        }
        Color base = FAMILY.getOrDefault(family, GREY);
        // Unknown members of a family: a darker shade and a marker picked from the name, so two
        // charts of the same run always agree.
        int h = stableHash(pattern);
        int m = Math.floorMod(h, MARKERS.size());
        return new Style(shade(base, 0.55 + 0.1 * Math.floorMod(h >> 8, 3)), MARKERS.get(m), MARKER_NAMES.get(m));
    }

    public static Color color(Run run, String series) {
        return style(run, series).color();
    }

    /** True for labelled anti-patterns (from the run's pattern info): drawn dashed. */
    public static boolean dashed(Run run, String pattern) {
        return run.pattern(pattern).map(PatternInfo::antiPattern).orElse(false);
    }

    /** The line stroke for a pattern at a given width: solid, or dashed for anti-patterns. */
    public static BasicStroke stroke(Run run, String pattern, float width) {
        return dashed(run, pattern)
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {3 * width, 2 * width}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A pale tint of a colour (t = 0 the colour, 1 white). */
    public static Color tint(Color c, double t) {
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * t),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * t),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * t));
    }

    /** Text colour readable on a background: black on light, white on dark. */
    public static Color textOn(Color bg) {
        double l = 0.2126 * lin(bg.getRed()) + 0.7152 * lin(bg.getGreen()) + 0.0722 * lin(bg.getBlue());
        return l > 0.33 ? Color.BLACK : Color.WHITE;
    }

    private static double lin(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    static Color shade(Color c, double f) {
        return new Color((int) Math.round(c.getRed() * f), (int) Math.round(c.getGreen() * f),
                (int) Math.round(c.getBlue() * f));
    }

    /** FNV-1a over the name: stable across JVMs and releases. */
    private static int stableHash(String s) {
        int h = 0x811C9DC5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }

    /** Gives an XChart series its pattern's colour, marker and line style (dashed for anti-patterns). */
    static void apply(org.knowm.xchart.XYSeries s, io.gluebench.result.Run run, String pattern, float width) {
        Style ps = style(run, pattern);
        s.setLineColor(ps.color());
        s.setMarkerColor(ps.color());
        s.setMarker(ps.marker());
        s.setLineWidth(width);
        s.setLineStyle(dashed(run, pattern) ? org.knowm.xchart.style.lines.SeriesLines.DASH_DASH
                : org.knowm.xchart.style.lines.SeriesLines.SOLID);
    }
}
