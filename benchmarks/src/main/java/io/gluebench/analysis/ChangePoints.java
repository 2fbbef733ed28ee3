package io.gluebench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Change points of one series: PELT (Killick, Fearnhead &amp; Eckley, "Optimal Detection of
 * Changepoints With a Linear Computational Cost", JASA 107(500), 2012) with a Gaussian cost for a
 * change in mean and variance, and the merging of adjacent segments whose means are equal within
 * noise. {@link SteadyState} builds its classes on these; the methods are pure and keep no state.
 *
 * <p>Cost of a segment of {@code m} values: {@code m log(s² + floor)} with {@code s²} the maximum
 * likelihood variance of the segment: the Gaussian negative log-likelihood without the constants,
 * which are the same for every segmentation of the series. The floor, {@code (1e-3 × |median|)²}, at
 * least {@link Double#MIN_NORMAL}, keeps a constant run from costing minus infinity; it is added
 * rather than taken as a maximum so that the cost stays subadditive (splitting a segment never costs
 * more, by Jensen's inequality), which makes PELT's pruning with K = 0 exact. Against
 * {@code max(s², floor)} it differs by at most log 2 per value, and by little unless the noise is
 * near 0.1% of the median or below. The cost depends on the series' scale only through a constant, so ns, µs or s
 * give the same change points. With a minimum segment length, a start found worse at t is pruned
 * only from t + minimum on, when t has become an admissible start.
 */
final class ChangePoints {
    /** The floor of a segment's variance, as a share of the series' median, squared. */
    static final double FLOOR_SHARE = 1e-3;

    private ChangePoints() {
    }

    /** One segment {@code [start, end)}: its mean and its sample variance (floored, n - 1 divisor). */
    record Segment(int start, int end, double mean, double variance) {
        int length() {
            return end - start;
        }
    }

    /** PELT change points (segment starts, ascending, excluding 0); see {@link SteadyState#pelt}. */
    static int[] pelt(double[] series, double penalty, int minSegment) {
        check(series);
        if (!(penalty >= 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("the penalty must be finite and >= 0, got " + penalty);
        }
        if (minSegment < 1) {
            throw new IllegalArgumentException("the minimum segment length must be >= 1, got " + minSegment);
        }
        int n = series.length;
        if (n < 2 * minSegment) {
            return new int[0];
        }
        double center = median(series);
        double floor = varianceFloor(center);
        // Prefix sums of the centred values: the variance of a segment in O(1) without cancellation.
        double[] s1 = new double[n + 1];
        double[] s2 = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double d = series[i] - center;
            s1[i + 1] = s1[i] + d;
            s2[i + 1] = s2[i] + d * d;
        }
        double[] best = new double[n + 1];
        int[] last = new int[n + 1];
        best[0] = -penalty;
        int[] candidates = new int[n + 1];
        double[] scores = new double[n + 1];
        // A start found worse at t is dropped only from t + minSegment on: before that, t itself is not
        // yet an admissible start, so the pruning argument does not hold.
        int[] dropAt = new int[n + 1];
        Arrays.fill(dropAt, Integer.MAX_VALUE);
        int count = 0;
        candidates[count++] = 0;
        for (int t = minSegment; t <= n; t++) {
            int admitted = t - minSegment;
            if (admitted >= minSegment) {
                candidates[count++] = admitted;
            }
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (dropAt[candidates[i]] > t) {
                    candidates[kept++] = candidates[i];
                }
            }
            count = kept;
            double min = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (int i = 0; i < count; i++) {
                int tau = candidates[i];
                double score = best[tau] + cost(s1, s2, tau, t, floor);
                scores[i] = score;
                if (score < min) {
                    min = score;
                    arg = tau;
                }
            }
            best[t] = min + penalty;
            last[t] = arg;
            // Prune (K = 0): a start already worse than the best segmentation up to t followed by a
            // change at t can never be the best start later.
            for (int i = 0; i < count; i++) {
                if (scores[i] > best[t]) {
                    dropAt[candidates[i]] = Math.min(dropAt[candidates[i]], t + minSegment);
                }
            }
        }
        List<Integer> starts = new ArrayList<>();
        for (int t = n; last[t] > 0; t = last[t]) {
            starts.add(last[t]);
        }
        int[] out = new int[starts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = starts.get(out.length - 1 - i);
        }
        return out;
    }

    /**
     * The change points left after merging: while some adjacent pair of segments is {@link #equal},
     * the pair whose difference is smallest against its tolerance is merged and the statistics of
     * the union are computed again from the values.
     */
    static int[] merged(double[] series, int[] changePoints) {
        double floor = varianceFloor(median(series));
        List<Integer> cps = new ArrayList<>();
        for (int c : changePoints) {
            cps.add(c);
        }
        while (!cps.isEmpty()) {
            List<Segment> segs = segments(series, cps, floor);
            int merge = -1;
            double closest = 1;
            for (int i = 0; i + 1 < segs.size(); i++) {
                double r = closeness(segs.get(i), segs.get(i + 1));
                if (r < closest) {
                    closest = r;
                    merge = i;
                }
            }
            if (merge < 0) {
                break;
            }
            cps.remove(merge);
        }
        return cps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The segments between the change points, in order. */
    static List<Segment> segments(double[] series, List<Integer> changePoints, double floor) {
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= changePoints.size(); i++) {
            int end = i < changePoints.size() ? changePoints.get(i) : series.length;
            out.add(segment(series, start, end, floor));
            start = end;
        }
        return out;
    }

    static List<Segment> segments(double[] series, int[] changePoints) {
        return segments(series, Arrays.stream(changePoints).boxed().toList(), varianceFloor(median(series)));
    }

    /**
     * True when two segments' means are equal within noise: they differ by less than the larger of
     * {@link SteadyState#EQUAL_SHARE} of the smaller mean and {@link SteadyState#EQUAL_SE} standard
     * errors of the difference, {@code sqrt(s_a²/n_a + s_b²/n_b)}.
     */
    static boolean equal(Segment a, Segment b) {
        return closeness(a, b) < 1;
    }

    /** |difference of the means| over the tolerance of {@link #equal}; below 1 means equal. */
    static double closeness(Segment a, Segment b) {
        double se = Math.sqrt(a.variance() / a.length() + b.variance() / b.length());
        double tolerance = Math.max(SteadyState.EQUAL_SHARE * Math.min(Math.abs(a.mean()), Math.abs(b.mean())),
                SteadyState.EQUAL_SE * se);
        double diff = Math.abs(a.mean() - b.mean());
        if (tolerance == 0) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return diff / tolerance;
    }

    static Segment segment(double[] series, int start, int end, double floor) {
        int m = end - start;
        double sum = 0;
        for (int i = start; i < end; i++) {
            sum += series[i];
        }
        double mean = sum / m;
        double ss = 0;
        for (int i = start; i < end; i++) {
            double d = series[i] - mean;
            ss += d * d;
        }
        double variance = m > 1 ? Math.max(ss / (m - 1), floor) : floor;
        return new Segment(start, end, mean, variance);
    }

    /** {@code m log(s² + floor)} of {@code [a, b)} from the prefix sums (s² the ML variance). */
    private static double cost(double[] s1, double[] s2, int a, int b, double floor) {
        int m = b - a;
        double sum = s1[b] - s1[a];
        double var = Math.max(0, (s2[b] - s2[a] - sum * sum / m) / m);
        return m * Math.log(var + floor);
    }

    static double varianceFloor(double median) {
        double f = FLOOR_SHARE * Math.abs(median);
        return Math.max(f * f, Double.MIN_NORMAL);
    }

    static double median(double[] series) {
        double[] s = series.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static void check(double[] series) {
        if (series.length == 0) {
            throw new IllegalArgumentException("a series needs at least one value");
        }
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("value " + i + " of the series is " + series[i]);
            }
        }
    }
}
