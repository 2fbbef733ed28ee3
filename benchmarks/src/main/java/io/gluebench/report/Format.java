package io.gluebench.report;

import io.gluebench.result.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number and text formatting shared by the reports. Formats only; computes nothing. */
final class Format {
    private Format() {
    }

    static String nanos(double ns) {
        return Units.nanos(ns);
    }

    /** A measured size: 1,000,000. */
    static String size(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A model estimate of N, to two significant digits: 38, 1,200, 45,000. */
    static String approx(double n) {
        if (!Double.isFinite(n)) {
            return "∞";
        }
        if (n < 10) {
            return String.format(Locale.ROOT, "%.1f", n);
        }
        if (n < 100) {
            return Long.toString(Math.round(n));
        }
        long r = new BigDecimal(n).round(new MathContext(2)).longValue();
        return size(r);
    }

    /** A relative error as a percentage: 3%, 0.4%. */
    static String percent(double share) {
        double p = 100 * share;
        if (p > 0 && p < 0.05) {
            return "<0.1%";
        }
        if (p < 1) {
            return String.format(Locale.ROOT, "%.1f%%", p);
        }
        return String.format(Locale.ROOT, "%.0f%%", p);
    }

    static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String bytes(long b) {
        if (b <= 0) {
            return "unknown";
        }
        double gib = b / (1024.0 * 1024 * 1024);
        return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
                : String.format(Locale.ROOT, "%.0f MiB", b / (1024.0 * 1024));
    }

    /** An ISO-8601 instant shortened for people: 2026-11-25 18:48 UTC. Anything else is returned as is. */
    static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "unknown date";
        }
        try {
            var t = java.time.Instant.parse(iso).atZone(java.time.ZoneOffset.UTC);
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(t);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** The text ending with a full stop (or its own punctuation). */
    static String sentence(String s) {
        String t = nz(s).strip();
        return t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    /** The text, or empty for none. */
    static String nz(String s) {
        return s == null ? "" : s;
    }
}
