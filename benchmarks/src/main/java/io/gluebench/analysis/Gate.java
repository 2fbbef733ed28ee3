package io.gluebench.analysis;

import io.gluebench.result.Verdict;
import io.gluebench.analysis.Comparison.PointComparison;
import java.util.List;
import java.util.Locale;

/**
 * A regression gate over a comparison, for CI: the points of the later runs that came out
 * {@code slower} than the baseline (the U test and the interval, as compare decides) by more than
 * {@code minSlowdown} (0: any significant slowdown beyond compare's ±2% band).
 *
 * @param failing the slower points, slowest first
 */
public record Gate(String rule, double minSlowdown, boolean passed, List<PointComparison> failing) {

    /** The gate of a comparison: "slower" or "slower:PCT" (PCT in percent, e.g. slower:5). */
    public static Gate of(Comparison c, double minSlowdown) {
        List<PointComparison> slow = c.points().stream()
                .filter(p -> Verdict.SLOWER.equals(p.verdict()) && p.ratio() != null && p.ratio() > 1 + minSlowdown)
                .sorted(java.util.Comparator.comparingDouble((PointComparison p) -> -p.ratio()))
                .toList();
        String rule = minSlowdown == 0 ? "slower" : String.format(Locale.ROOT, "slower:%s", pct(minSlowdown));
        return new Gate(rule, minSlowdown, slow.isEmpty(), slow);
    }

    /**
     * The minimum slowdown a --fail-on rule names: 0 for "slower", PCT/100 for "slower:PCT"; throws
     * IllegalArgumentException, with the valid forms, for anything else.
     */
    public static double parse(String rule) {
        String r = rule.strip().toLowerCase(Locale.ROOT);
        if (r.equals("slower")) {
            return 0;
        }
        if (r.startsWith("slower:")) {
            String n = r.substring("slower:".length()).replace("%", "");
            try {
                double pct = Double.parseDouble(n);
                if (pct >= 0 && pct < 1000 && Double.isFinite(pct)) {
                    return pct / 100;
                }
            } catch (NumberFormatException ignored) {
                // Refused below.
            }
        }
        throw new IllegalArgumentException("--fail-on " + rule + " is not a gate; give slower (any significant "
                + "slowdown) or slower:PCT (slower by more than PCT percent), e.g. --fail-on slower:5");
    }

    private static String pct(double share) {
        double p = share * 100;
        return p == Math.rint(p) ? Long.toString(Math.round(p)) : Double.toString(p);
    }
}
