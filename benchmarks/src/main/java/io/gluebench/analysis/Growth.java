package io.gluebench.analysis;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How fast a process's memory grows over a soak, per hour, with its interval. The first part of the
 * soak is left out (allocators, caches and the JIT fill up then, and stop), and the rest is cut into
 * consecutive blocks whose means are fitted by least squares: samples a few seconds apart are not
 * independent, block means nearly are, so the slope's 95% interval (Student's t on blocks - 2
 * degrees of freedom) does not claim more than the soak showed. Pure function.
 */
public final class Growth {
    /** The share of the soak left out as warm-up. */
    public static final double WARMUP_SHARE = 0.2;
    public static final int BLOCKS = 6;
    /** Growth below this (MiB per hour) whose interval holds zero is read as flat. */
    public static final double FLAT_MIB_PER_HOUR = 1.0;

    private Growth() {
    }

    /**
     * @param mibPerHour the fitted growth; lo and hi its 95% interval (NaN with too few samples)
     * @param startMib   the mean of the first block after warm-up; endMib of the last
     * @param verdict    "flat", "grows", "shrinks" or "inconclusive"
     */
    public record Fit(double mibPerHour, double lo, double hi, double startMib, double endMib, int blocks,
            String verdict) {
        public String text() {
            if (Double.isNaN(lo)) {
                return String.format(Locale.ROOT, "%+.1f MiB/h (too few samples for an interval)", mibPerHour);
            }
            return String.format(Locale.ROOT, "%+.1f MiB/h (%+.1f to %+.1f)", mibPerHour, lo, hi);
        }
    }

    /** seconds: when each sample was taken; bytes: the resident set then. */
    public static Fit of(double[] seconds, double[] bytes) {
        int n = seconds.length;
        if (n != bytes.length || n < 2) {
            throw new IllegalArgumentException("need at least two samples, matched");
        }
        double t0 = seconds[0];
        double cut = t0 + (seconds[n - 1] - t0) * WARMUP_SHARE;
        int from = 0;
        while (from < n - 2 && seconds[from] < cut) {
            from++;
        }
        int m = n - from;
        int blocks = Math.min(BLOCKS, m / 3);
        if (blocks < 3) {
            SimpleRegression r = new SimpleRegression();
            for (int i = from; i < n; i++) {
                r.addData(seconds[i] / 3600, bytes[i] / (1 << 20));
            }
            return new Fit(r.getSlope(), Double.NaN, Double.NaN, bytes[from] / (1 << 20), bytes[n - 1] / (1 << 20),
                    0, "inconclusive");
        }
        double[] bt = new double[blocks];
        double[] bm = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            int lo = from + (int) ((long) m * b / blocks);
            int hi = from + (int) ((long) m * (b + 1) / blocks);
            for (int i = lo; i < hi; i++) {
                bt[b] += seconds[i] / 3600;
                bm[b] += bytes[i] / (1 << 20);
            }
            bt[b] /= hi - lo;
            bm[b] /= hi - lo;
        }
        SimpleRegression r = new SimpleRegression();
        for (int b = 0; b < blocks; b++) {
            r.addData(bt[b], bm[b]);
        }
        double slope = r.getSlope();
        double se = r.getSlopeStdErr();
        double t = new TDistribution(blocks - 2).inverseCumulativeProbability(0.975);
        double lo = slope - t * (Double.isNaN(se) ? 0 : se);
        double hi = slope + t * (Double.isNaN(se) ? 0 : se);
        String verdict = lo > 0 && slope >= FLAT_MIB_PER_HOUR ? "grows"
                : hi < 0 && slope <= -FLAT_MIB_PER_HOUR ? "shrinks"
                : Math.max(Math.abs(lo), Math.abs(hi)) < FLAT_MIB_PER_HOUR || (lo <= 0 && hi >= 0 && Math.abs(slope) < FLAT_MIB_PER_HOUR)
                        ? "flat" : "inconclusive";
        return new Fit(slope, lo, hi, bm[0], bm[blocks - 1], blocks, verdict);
    }
}
