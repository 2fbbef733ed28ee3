package io.gluebench.result;

/**
 * Short human labels for the quantities gluebench prints: durations and counts. The ground floor of
 * formatting, so that measuring (run/), drawing (chart/) and writing (report/) label a number alike
 * without importing one another.
 */
public final class Units {
    private Units() {
    }

    /** A duration in ns as a short label: 12 ns, 3.4 µs, 5 ms, 1.2 s. */
    public static String nanos(double ns) {
        if (ns >= 1e9) {
            return trim(ns / 1e9) + " s";
        }
        if (ns >= 1e6) {
            return trim(ns / 1e6) + " ms";
        }
        if (ns >= 1e3) {
            return trim(ns / 1e3) + " µs";
        }
        return trim(ns) + " ns";
    }

    /** A count as a short label: 950, 1.2k, 3M, 2G. */
    public static String count(double x) {
        if (x >= 1e9) {
            return trim(x / 1e9) + "G";
        }
        if (x >= 1e6) {
            return trim(x / 1e6) + "M";
        }
        if (x >= 1e3) {
            return trim(x / 1e3) + "k";
        }
        return trim(x);
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
