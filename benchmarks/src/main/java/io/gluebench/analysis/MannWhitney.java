package io.gluebench.analysis;

import java.util.Arrays;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sided Mann-Whitney U test of two samples of iteration scores (Apache Commons Statistics).
 * The p-value is exact (the permutation distribution of U) when no value is tied and the samples
 * are small ({@code n * m <= EXACT_LIMIT}); otherwise it is the normal approximation with the tie
 * correction of the variance and a continuity correction of 0.5.
 */
public final class MannWhitney {
    /** Up to this n * m the exact distribution is used (when there are no ties). */
    public static final int EXACT_LIMIT = 2500;

    private MannWhitney() {
    }

    /**
     * @param u        U of the second sample: the number of pairs (x, y) with y &gt; x, ties counting one half
     * @param p        two-sided p-value
     * @param exact    true for the exact distribution, false for the normal approximation
     * @param ties     some value occurs more than once in the pooled samples
     * @param minimumP the smallest two-sided p-value any outcome can give with these sample sizes
     *                 (complete separation, exact); a test whose minimum is above alpha can never
     *                 be significant
     */
    public record Result(double u, double p, boolean exact, boolean ties, double minimumP) {
    }

    public static Result test(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("the U test needs at least one value in each sample");
        }
        boolean ties = hasTies(x, y);
        boolean exact = !ties && (long) x.length * y.length <= EXACT_LIMIT;
        MannWhitneyUTest t = MannWhitneyUTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED)
                .with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                .with(ContinuityCorrection.ENABLED);
        // The library's statistic is U of its first argument (pairs where it is the larger); pass
        // y first so that U counts the pairs in which the second sample is larger.
        MannWhitneyUTest.Result r = t.test(y, x);
        return new Result(r.getStatistic(), r.getPValue(), exact, ties, minimumP(x.length, y.length));
    }

    /** 2 / C(n + m, n), at most 1: the two-sided exact p-value of complete separation. */
    public static double minimumP(int n, int m) {
        int k = Math.min(n, m);
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n + m - k + i) / i;
        }
        return Math.min(1.0, 2.0 / c);
    }

    /** The smallest equal sample size n for which n against n can reach p &lt; alpha. */
    public static int samplesNeeded(double alpha) {
        int n = 1;
        while (minimumP(n, n) >= alpha) {
            n++;
        }
        return n;
    }

    static boolean hasTies(double[] x, double[] y) {
        double[] all = new double[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return true;
            }
        }
        return false;
    }
}
