package io.gluebench.analysis;

import io.gluebench.result.Scaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The callers measurement read as statistics: each count's throughput as the mean of its fork
 * means with a two-level interval ({@link HierarchicalBootstrap}), the factor (throughput at the
 * largest count over one caller) with its interval, and the verdict that reads that interval
 * against serialised (×1) and parallel (×count). Pure functions; the seed is fixed, so the
 * stored samples always give the same interval.
 */
public final class ScalingFactor {
    public static final double LEVEL = 0.95;
    public static final long SEED = Analyzer.SEED;
    static final String NO_INTERVAL = " (no interval: one fork)";
    static final String ONE_FORK = " (one fork per count: the interval leaves out the variation between JVMs)";

    private ScalingFactor() {
    }

    /**
     * What the samples of one pattern give.
     *
     * @param opsPerSecond per count, the mean of the fork means, or null without samples
     * @param halfWidths   per count, half the width of the 95% two-level interval, or null with fewer
     *                     than two samples
     * @param factor       the largest measured count over one caller, or null
     * @param low          the factor's 95% interval, or null (fewer than two samples on either side)
     * @param high         its upper end, or null
     * @param count        the caller count the factor refers to, or 0 without a factor
     * @param fewestForks  the fewer forks with samples of the two counts the factor compares
     */
    public record Estimate(List<Double> opsPerSecond, List<Double> halfWidths, Double factor, Double low, Double high,
            int count, int fewestForks) {
    }

    /** {@link #estimate(List, List, RandomGenerator)} with the fixed seed. */
    public static Estimate estimate(List<Integer> threads, List<List<List<Double>>> forkSamples) {
        return estimate(threads, forkSamples, new Well19937c(SEED));
    }

    /** The throughputs, their intervals and the factor with its interval from samples [count][fork][iteration]. */
    public static Estimate estimate(List<Integer> threads, List<List<List<Double>>> forkSamples, RandomGenerator rng) {
        List<Double> ops = new ArrayList<>();
        List<Double> half = new ArrayList<>();
        List<List<double[]>> perCount = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            List<double[]> forks = forks(i < forkSamples.size() ? forkSamples.get(i) : null);
            perCount.add(forks);
            double mean = HierarchicalBootstrap.grandMean(forks);
            ops.add(Double.isFinite(mean) ? mean : null);
            if (samples(forks) >= 2) {
                Interval iv = HierarchicalBootstrap.interval(forks, LEVEL, HierarchicalBootstrap.REPLICATES, rng);
                half.add(Double.isFinite(iv.lo()) && Double.isFinite(iv.hi()) ? (iv.hi() - iv.lo()) / 2 : null);
            } else {
                half.add(null);
            }
        }
        int top = -1;
        for (int i = threads.size() - 1; i > 0; i--) {
            if (ops.get(i) != null) {
                top = i;
                break;
            }
        }
        if (top < 0 || ops.isEmpty() || ops.get(0) == null || ops.get(0) <= 0) {
            return new Estimate(ops, half, null, null, null, 0, 0);
        }
        double factor = ops.get(top) / ops.get(0);
        List<double[]> one = perCount.get(0);
        List<double[]> most = perCount.get(top);
        int fewest = Math.min(HierarchicalBootstrap.forkMeans(one).length, HierarchicalBootstrap.forkMeans(most).length);
        Double lo = null;
        Double hi = null;
        if (samples(one) >= 2 && samples(most) >= 2) {
            Interval iv = HierarchicalBootstrap.ratioInterval(most, one, LEVEL, HierarchicalBootstrap.REPLICATES, rng);
            if (Double.isFinite(iv.lo()) && Double.isFinite(iv.hi())) {
                lo = iv.lo();
                hi = iv.hi();
            }
        }
        return new Estimate(ops, half, factor, lo, hi, threads.get(top), fewest);
    }

    /** How the factor reads: one of four kinds, in words and in a few words (tables, charts). */
    public enum Kind { SERIALISED, PARTLY_PARALLEL, PARALLEL, INCONCLUSIVE }

    /**
     * @param text  the verdict in full: "serialised: the callers wait ...", "inconclusive: the interval ..."
     * @param brief the same in a few words: "serialised", "inconclusive: above the 2 cores"
     */
    public record Reading(Kind kind, String text, String brief) {
        public boolean inconclusive() {
            return kind == Kind.INCONCLUSIVE;
        }
    }

    /** The verdict of an estimate on a machine with {@code cores} CPUs, or null without a factor. */
    public static String verdict(Estimate e, int cores) {
        if (e.factor() == null) {
            return null;
        }
        String v = verdict(e.factor(), e.low(), e.high(), e.count(), cores);
        return v != null && e.low() != null && e.fewestForks() < 2 ? v + ONE_FORK : v;
    }

    /** The full text of {@link #read}, or null when k < 2. */
    public static String verdict(double factor, Double low, Double high, int k, int cores) {
        Reading r = read(factor, low, high, k, cores);
        return r == null ? null : r.text();
    }

    /**
     * The factor read with its interval, k being the largest caller count and c the machine's cores:
     * <ul>
     * <li>inconclusive when the interval holds both ×1 and ×k, or is wider than the gap between them;
     * <li>inconclusive when even its lower end is above min(k, c), more than the callers or the cores
     *     can give: the 1-caller rate is then unstable;
     * <li>serialised when its upper end is below halfway, 1 + (k - 1) / 2; parallel when its lower
     *     end is above halfway; partly parallel otherwise.
     * </ul>
     * Without an interval (older runs, one sample per count) the factor alone is read against 30%
     * and 70% of the way from ×1 to ×k, as before the forks (and above min(k, c) as inconclusive),
     * and the verdict says it has no interval.
     *
     * @return the reading, or null when k < 2
     */
    public static Reading read(double factor, Double low, Double high, int k, int cores) {
        if (k < 2) {
            return null;
        }
        int ceiling = Math.min(k, Math.max(1, cores));
        String what = cores <= k ? "cores (" + cores + ")" : "callers (" + k + ")";
        String aboveText = "inconclusive: " + times(factor) + " is above the number of " + what
                + "; more than parallelism: the 1-caller rate is slowed by something 2 callers avoid"
                + " (a worker woken on the other core) or is unstable";
        String aboveBrief = "inconclusive: above the " + (cores <= k ? cores + " cores" : k + " callers");
        if (low == null || high == null) {
            if (factor > ceiling) {
                return new Reading(Kind.INCONCLUSIVE, aboveText + NO_INTERVAL, aboveBrief + " (no interval)");
            }
            Kind kind = factor < 1 + 0.3 * (k - 1) ? Kind.SERIALISED
                    : factor >= 1 + 0.7 * (k - 1) ? Kind.PARALLEL : Kind.PARTLY_PARALLEL;
            return new Reading(kind, words(kind) + NO_INTERVAL, brief(kind) + " (no interval)");
        }
        String range = "(" + fixed(low) + "–" + fixed(high) + ")";
        if (low <= 1 && high >= k) {
            return new Reading(Kind.INCONCLUSIVE, "inconclusive: the interval " + range
                    + " includes both serialised (×1) and parallel (×" + k + ")",
                    "inconclusive: spans ×1 and ×" + k);
        }
        if (high - low > k - 1) {
            return new Reading(Kind.INCONCLUSIVE, "inconclusive: the interval " + range
                    + " is wider than the gap between serialised (×1) and parallel (×" + k + ")",
                    "inconclusive: wider than ×1 to ×" + k);
        }
        if (low > ceiling) {
            return new Reading(Kind.INCONCLUSIVE, aboveText, aboveBrief);
        }
        double halfway = 1 + 0.5 * (k - 1);
        Kind kind = high < halfway ? Kind.SERIALISED : low > halfway ? Kind.PARALLEL : Kind.PARTLY_PARALLEL;
        return new Reading(kind, words(kind), brief(kind));
    }

    /** The reading of a stored measurement on {@code cores} CPUs (its numbers, not its stored text); null without a factor. */
    public static Reading read(Scaling s, int cores) {
        Integer k = s.factorCount();
        return s.factor() == null || k == null ? null : read(s.factor(), s.factorLow(), s.factorHigh(), k, cores);
    }

    /** The stored verdict, or (older runs) the one the factor alone gives on {@code cores}; null without a factor. */
    public static String verdictOf(Scaling s, int cores) {
        if (s.verdict() != null) {
            return s.verdict();
        }
        Reading r = read(s, cores);
        return r == null ? null : r.text();
    }

    public static boolean inconclusive(String verdict) {
        return verdict != null && verdict.startsWith("inconclusive");
    }

    private static String words(Kind kind) {
        return switch (kind) {
            case SERIALISED -> "serialised: the callers wait for one another (one lock, e.g. the GIL)";
            case PARALLEL -> "parallel: each caller's work runs on its own core";
            case PARTLY_PARALLEL -> "partly parallel";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    private static String brief(Kind kind) {
        return switch (kind) {
            case SERIALISED -> "serialised";
            case PARALLEL -> "parallel";
            case PARTLY_PARALLEL -> "partly parallel";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    private static String times(double f) {
        return "×" + fixed(f);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static List<double[]> forks(List<List<Double>> count) {
        List<double[]> out = new ArrayList<>();
        if (count == null) {
            return out;
        }
        for (List<Double> fork : count) {
            if (fork != null) {
                out.add(fork.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue)
                        .toArray());
            }
        }
        return out;
    }

    private static int samples(List<double[]> forks) {
        return forks.stream().mapToInt(f -> f.length).sum();
    }

    /** The factor with its interval, e.g. "×1.94 (1.90–1.99)", or "×2.47 (no interval)"; null without a factor. */
    public static String factorText(Scaling s) {
        if (s.factor() == null) {
            return null;
        }
        return "×" + fixed2(s.factor()) + (s.hasInterval() ? " (" + fixed2(s.factorLow()) + "–" + fixed2(s.factorHigh())
                + ")" : " (no interval)");
    }

    /** One line for a pattern's callers measurement: the factor and its reading, or why it is missing. */
    public static String line(Scaling s, int cores) {
        if (s.factor() == null) {
            return s.status() + ": " + (s.reason() == null ? "" : s.reason().lines().findFirst().orElse(""));
        }
        return factorText(s) + " with " + s.factorCount() + " callers: " + verdictOf(s, cores);
    }

    private static String fixed2(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
