package io.gluebench.result;

/**
 * Short human labels for the quantities gluebench prints: durations and counts. The ground floor of
 * formatting, so that measuring (run/), drawing (chart/) and writing (report/) label a number alike
 * without importing one another.
 */
public final class Units {
    private Units() {
    }

    private static final double[] THOUSANDS = {1e9, 1e6, 1e3};
    private static final String[] TIME_UNITS = {" s", " ms", " µs", " ns"};
    private static final String[] COUNT_UNITS = {"G", "M", "k", ""};
    private static final String[] BYTE_UNITS = {" GB", " MB", " kB", " B"};

    /** A duration in ns as a short label: 12 ns, 3.4 µs, 5 ms, 1.2 s. */
    public static String nanos(double ns) {
        return scaled(ns, TIME_UNITS);
    }

    /** A count as a short label: 950, 1.2k, 3M, 2G. */
    public static String count(double x) {
        return scaled(x, COUNT_UNITS);
    }

    /** A number of bytes as a short decimal label, as JMH counts them: 0 B, 1.5 B, 120 B, 4.1 kB, 16 MB. */
    public static String bytes(double b) {
        return scaled(b, BYTE_UNITS);
    }

    /** v in the largest of 10^9, 10^6, 10^3 it reaches, with that step's unit (the last unit below 10^3). */
    private static String scaled(double v, String[] units) {
        for (int i = 0; i < THOUSANDS.length; i++) {
            if (v >= THOUSANDS[i]) {
                return trim(v / THOUSANDS[i]) + units[i];
            }
        }
        return trim(v) + units[THOUSANDS.length];
    }

    /** Whole numbers from 100 up and exact integers as they are; otherwise 3 (from 10) or 2 significant digits. */
    public static String trim(double v) {
        if (v >= 100 || Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(v >= 10 ? 3 : 2))
                .stripTrailingZeros().toPlainString();
    }
}
