package io.gluebench.analysis;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The ratio of two means (other / baseline) with a confidence interval computed on the log scale.
 *
 * <p>Method: log(ȳ / x̄) = log ȳ − log x̄, and by the delta method the variance of log x̄ is
 * s²ₓ / (n x̄²), the squared coefficient of variation of the mean. The interval is
 * log(ȳ / x̄) ± t · SE with SE² = s²ₓ/(nₓ x̄²) + s²ᵧ/(nᵧ ȳ²) and t the Student quantile at the
 * Welch–Satterthwaite degrees of freedom of those two components, then exponentiated. Working on the
 * log scale keeps the interval positive and makes "2x slower" and "2x faster" symmetric; the point
 * estimate stays the ratio of the arithmetic means, i.e. of the scores JMH reports. The iteration
 * scores of a steady JMH fork are close to normal with a small coefficient of variation, where the
 * delta method is accurate; with very few iterations the t quantile at small df makes the interval
 * wide, which is the honest answer.
 */
public final class RatioOfMeans {
    private RatioOfMeans() {
    }

    /**
     * @param ratio mean(other) / mean(baseline)
     * @param ci    the interval of the ratio at {@code ci.level()}
     * @param df    Welch–Satterthwaite degrees of freedom (n₁ + n₂ − 2 when both samples are constant)
     * @param logSe standard error of log(ratio)
     */
    public record Result(double ratio, Interval ci, double df, double logSe) {
    }

    /** Needs two or more values on each side, all positive. */
    public static Result of(double[] baseline, double[] other, double level) {
        if (baseline.length < 2 || other.length < 2) {
            throw new IllegalArgumentException("a ratio interval needs at least two values per side");
        }
        double mx = mean(baseline);
        double my = mean(other);
        if (!(mx > 0) || !(my > 0)) {
            throw new IllegalArgumentException("means must be positive for a ratio on the log scale");
        }
        double vx = variance(baseline, mx) / (baseline.length * mx * mx);
        double vy = variance(other, my) / (other.length * my * my);
        double ratio = my / mx;
        double se = Math.sqrt(vx + vy);
        if (se == 0) {
            return new Result(ratio, new Interval(ratio, ratio, level), baseline.length + other.length - 2, 0);
        }
        double df = welchDf(vx, baseline.length, vy, other.length);
        double t = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2);
        double log = Math.log(ratio);
        return new Result(ratio, new Interval(Math.exp(log - t * se), Math.exp(log + t * se), level), df, se);
    }

    /**
     * Welch–Satterthwaite degrees of freedom of v₁ + v₂, where vᵢ is the variance of the i-th
     * estimate (s²/n for a mean) from nᵢ observations: (v₁ + v₂)² / (v₁²/(n₁−1) + v₂²/(n₂−1)).
     */
    public static double welchDf(double v1, int n1, double v2, int n2) {
        return (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample variance (n − 1 in the denominator). */
    static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
