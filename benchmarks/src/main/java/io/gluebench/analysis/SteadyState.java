package io.gluebench.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Steady state of a fork, detected and never assumed (DESIGN truth rule 6), the way Barrett,
 * Bolz-Tereick, Killick, Mount &amp; Tratt classify in-process series in "Virtual Machine Warmup
 * Blows Hot and Cold" (OOPSLA 2017): change-point analysis of the per-iteration means, then a class
 * from the segments.
 *
 * <p>Change points come from PELT (Killick, Fearnhead &amp; Eckley, "Optimal Detection of
 * Changepoints With a Linear Computational Cost", JASA 2012), implemented in {@link ChangePoints}:
 * Gaussian cost for a change in mean and variance, penalty {@code 15 log n} as Barrett et al. used,
 * segments of at least two values. PELT also splits where only the variance changes, and may cut an
 * outlier into a short segment of its own; what matters here is the mean, so adjacent segments whose
 * means are equal within noise are merged, the closest pair first, until no pair is: equal means a
 * difference under the larger of {@link #EQUAL_SHARE} of the smaller mean and {@link #EQUAL_SE}
 * standard errors of the difference.
 *
 * <p>The classes, from the merged segments of one fork's series of n values of which the first
 * {@code measurementStart} are warm-up batches:
 * <ul>
 *   <li>no change point: {@link Kind#FLAT}, steady from 0;</li>
 *   <li>the last segment, the candidate steady state, covers less than half of the measured window
 *       (rounded up), i.e. starts after {@code measurementStart + (n - measurementStart) / 2}, or
 *       has fewer than {@link #MIN_STEADY} values: {@link Kind#NO_STEADY_STATE}, steady from -1:
 *       the series changed while it was being measured;</li>
 *   <li>otherwise the last segment is the steady state: {@link Kind#WARMUP} when its mean is below
 *       or equal (as above) to every earlier segment's, else {@link Kind#SLOWDOWN}.</li>
 * </ul>
 * Edge cases, decided here: changes that all lie in the warm-up batches still give WARMUP or
 * SLOWDOWN, with {@code steadyFrom < measurementStart} (the fork settled before it was measured,
 * which is the good case; the class says how it got there). A segment that returns to an earlier
 * level after a slower stretch is WARMUP (its mean is not above any earlier one). Series shorter than
 * four values can have no change point and are FLAT. One outlier in a flat series leaves it FLAT: if
 * PELT cuts it out, its two-value segment has a standard error as large as the outlier and merges
 * back; a burst of two or more equal outliers is a real, if short, segment and can change the class.
 * On flat series with 2% Gaussian noise nearly every fork is FLAT; when, besides, 2% of the
 * iterations are slowed at random by 20-120% (pauses), about one fork in a hundred is labelled
 * otherwise, and with 10% of them one in seven: chance clusters of slow iterations look like
 * segments.
 */
public final class SteadyState {
    /** The penalty per change point is this times log n (Barrett et al.). */
    public static final double PENALTY_FACTOR = 15;
    /** The shortest segment PELT may cut. */
    public static final int MIN_SEGMENT = 2;
    /** The shortest final segment taken as a steady state. */
    public static final int MIN_STEADY = 3;
    /** Two segments whose means differ by less than this share of the smaller one are equal. */
    public static final double EQUAL_SHARE = 0.02;
    /** ... or by less than this many standard errors of the difference. */
    public static final double EQUAL_SE = 3;
    /** {@link #reached} wants the last window to fall by less than this share of its mean. */
    public static final double FALL_SHARE = 0.02;

    private SteadyState() {
    }

    /** Per-fork and per-point classes. {@link #label()} gives the stored and printed word. */
    public enum Kind {
        /** No change in the mean at all. */
        FLAT("flat"),
        /** Changed, and settled at its fastest level. */
        WARMUP("warm-up"),
        /** Changed, and settled at a level slower than an earlier one. */
        SLOWDOWN("slowdown"),
        /** Still changing in the second half of the measured window. */
        NO_STEADY_STATE("no steady state"),
        /** A point whose forks disagree (only from {@link #ofPoint}). */
        INCONSISTENT("inconsistent");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The stored and printed word, e.g. {@code "warm-up"}. */
        public String label() {
            return label;
        }

        /** The kind of a stored label; null for null or an unknown word (labels only, case-sensitive). */
        public static Kind fromLabel(String s) {
            if (s == null) {
                return null;
            }
            for (Kind k : values()) {
                if (k.label.equals(s)) {
                    return k;
                }
            }
            return null;
        }

        /** True for the kinds that have a steady state: FLAT, WARMUP and SLOWDOWN. */
        public boolean steady() {
            return this == FLAT || this == WARMUP || this == SLOWDOWN;
        }
    }

    /**
     * One fork's class.
     *
     * @param kind         FLAT, WARMUP, SLOWDOWN or NO_STEADY_STATE
     * @param steadyFrom   index where the final (steady) segment starts; 0 for FLAT, -1 when none
     * @param changePoints segment starts after 0, ascending, after merging
     */
    public record Fork(Kind kind, int steadyFrom, List<Integer> changePoints) {
        public Fork {
            changePoints = List.copyOf(changePoints);
        }
    }

    /**
     * Classifies one fork's series of per-iteration means (lower is faster); see the class header.
     *
     * @param series           one value per iteration, warm-up batches first
     * @param measurementStart index of the first measured iteration, in {@code [0, series.length)}
     * @throws IllegalArgumentException for an empty series, a value that is not finite, or a
     *                                  measurement start outside the series
     */
    public static Fork classify(double[] series, int measurementStart) {
        ChangePoints.check(series);
        int n = series.length;
        if (measurementStart < 0 || measurementStart >= n) {
            throw new IllegalArgumentException("the measurement starts at " + measurementStart
                    + ", outside the series of " + n + " values");
        }
        int[] cps = changePoints(series);
        List<Integer> list = new ArrayList<>();
        for (int c : cps) {
            list.add(c);
        }
        if (cps.length == 0) {
            return new Fork(Kind.FLAT, 0, list);
        }
        int from = cps[cps.length - 1];
        if (from > measurementStart + (n - measurementStart) / 2 || n - from < MIN_STEADY) {
            return new Fork(Kind.NO_STEADY_STATE, -1, list);
        }
        List<ChangePoints.Segment> segs = ChangePoints.segments(series, cps);
        ChangePoints.Segment last = segs.get(segs.size() - 1);
        boolean lowest = true;
        for (int i = 0; i + 1 < segs.size(); i++) {
            ChangePoints.Segment s = segs.get(i);
            lowest &= last.mean() <= s.mean() || ChangePoints.equal(last, s);
        }
        return new Fork(lowest ? Kind.WARMUP : Kind.SLOWDOWN, from, list);
    }

    /**
     * The point's class from its forks' classes: all equal gives that class; a mix of FLAT and
     * WARMUP only gives WARMUP; otherwise any NO_STEADY_STATE gives NO_STEADY_STATE; otherwise
     * INCONSISTENT. An empty list, or a fork without a class (a null entry), gives null: unknown.
     */
    public static Kind ofPoint(List<Kind> forks) {
        if (forks.isEmpty() || forks.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        Kind first = forks.get(0);
        if (forks.stream().allMatch(k -> k == first)) {
            return first;
        }
        if (forks.stream().allMatch(k -> k == Kind.FLAT || k == Kind.WARMUP)) {
            return Kind.WARMUP;
        }
        if (forks.contains(Kind.NO_STEADY_STATE)) {
            return Kind.NO_STEADY_STATE;
        }
        return Kind.INCONSISTENT;
    }

    /**
     * Online stopping rule for an adaptive warm-up inside a fork, called after every batch: true when
     * the series of batch means so far has at least {@code max(minLength, window)} values, its final
     * segment (PELT and merging, as in {@link #classify}) covers at least the last {@code window}
     * values, and those values are not falling: the least-squares line through them drops by less
     * than {@link #FALL_SHARE} of their mean over the window. A rising window passes (more warm-up
     * will not undo it; {@link #classify} labels it afterwards). Linear time in practice.
     *
     * @throws IllegalArgumentException for a window under 2 or a value that is not finite
     */
    public static boolean reached(double[] series, int window, int minLength) {
        if (window < 2) {
            throw new IllegalArgumentException("the window needs at least two values, got " + window);
        }
        int n = series.length;
        if (n < Math.max(minLength, window)) {
            return false;
        }
        int[] cps = changePoints(series);
        int from = cps.length == 0 ? 0 : cps[cps.length - 1];
        if (n - from < window) {
            return false;
        }
        double xMean = (window - 1) / 2.0;
        double yMean = 0;
        for (int i = n - window; i < n; i++) {
            yMean += series[i];
        }
        yMean /= window;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < window; i++) {
            double dx = i - xMean;
            sxy += dx * (series[n - window + i] - yMean);
            sxx += dx * dx;
        }
        double drop = -sxy / sxx * (window - 1);
        return drop < FALL_SHARE * Math.abs(yMean);
    }

    /**
     * PELT change points (segment starts, ascending, excluding 0) under the Gaussian mean-and-variance
     * cost of {@link ChangePoints}, without merging. A series shorter than {@code 2 minSegment} has
     * none.
     *
     * @param penalty    the cost of one change point, finite and &gt;= 0; {@code 15 log n} is the default
     * @param minSegment the shortest segment, &gt;= 1
     * @throws IllegalArgumentException for an empty series, a value that is not finite, or a bad
     *                                  penalty or minimum
     */
    public static int[] pelt(double[] series, double penalty, int minSegment) {
        return ChangePoints.pelt(series, penalty, minSegment);
    }

    /** The default penalty for a series of n values: {@link #PENALTY_FACTOR} log n. */
    public static double penalty(int n) {
        return PENALTY_FACTOR * Math.log(Math.max(n, 1));
    }

    /** PELT with the defaults, then merging. */
    private static int[] changePoints(double[] series) {
        int[] raw = ChangePoints.pelt(series, penalty(series.length), MIN_SEGMENT);
        return ChangePoints.merged(series, raw);
    }
}
