package io.gluebench.chart;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One colour and marker per pattern, the same in every chart. Colours are the Okabe-Ito
 * colour-blind-safe palette, one hue per family; patterns of one family differ by shade and marker.
 */
public final class Palette {
    private Palette() {
    }

    private static final Map<String, Color> FAMILY = Map.of(
            "java", new Color(0x00, 0x00, 0x00),
            "jni", new Color(0x56, 0xB4, 0xE9),
            "ffm", new Color(0x00, 0x72, 0xB2),
            "jython", new Color(0xE6, 0x9F, 0x00),
            "graalpy", new Color(0xCC, 0x79, 0xA7),
            "jep", new Color(0x00, 0x9E, 0x73),
            "worker", new Color(0xD5, 0x5E, 0x00));

    private static final List<Marker> MARKERS = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND,
            SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS);

    public static Color color(String pattern) {
        String family = family(pattern);
        Color base = FAMILY.getOrDefault(family, Color.GRAY);
        return variant(pattern) == 0 ? base : base.darker();
    }

    public static Marker marker(String pattern) {
        return MARKERS.get(Math.floorMod(pattern.hashCode(), MARKERS.size()));
    }

    /** Second members of a family (numpy variants, the interpreter label) are drawn darker. */
    static int variant(String pattern) {
        return pattern.endsWith("-numpy") || pattern.endsWith("-interpreter") ? 1 : 0;
    }

    static String family(String pattern) {
        int dash = pattern.indexOf('-');
        return dash < 0 ? pattern : pattern.substring(0, dash);
    }
}
