package io.gluebench.analysis;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The two-level bootstrap of Kalibera and Jones ("Rigorous Benchmarking in Reasonable Time", ISMM
 * 2013): a point measured in several forks (JVMs), each with several iterations, is resampled forks
 * first (with replacement) and then iterations within each drawn fork. The spread between forks (JIT
 * decisions, memory layout, the minute of the machine a fork ran in) then widens the interval, where
 * pooling the iterations of all forks would hide it. With one fork it reduces to resampling that
 * fork's iterations, which is all an old one-fork run allows.
 *
 * <p>The second level is scaled so that it adds the iterations' noise once, not twice (see
 * {@link #shrink}): with forks that do not differ the interval is as wide as the pooled one.
 *
 * <p>A point's estimate is the mean of its fork means (each fork weighs the same, however many
 * iterations it has). Pure functions; the caller owns the random generator, so a seed reproduces an
 * interval.
 */
public final class HierarchicalBootstrap {
    public static final int REPLICATES = 2000;

    private HierarchicalBootstrap() {
    }

    /** The mean of the fork means; NaN without forks. Forks without samples are ignored. */
    public static double grandMean(List<double[]> forks) {
        double sum = 0;
        int n = 0;
        for (double[] f : forks) {
            if (f.length > 0) {
                sum += mean(f);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Each fork's mean, in the order given (forks without samples left out). */
    public static double[] forkMeans(List<double[]> forks) {
        return forks.stream().filter(f -> f.length > 0).mapToDouble(HierarchicalBootstrap::mean).toArray();
    }

    /** One resampled estimate: forks drawn with replacement, then iterations within each drawn fork. */
    public static double replicate(List<double[]> forks, RandomGenerator rng) {
        double[][] nonEmpty = forks.stream().filter(f -> f.length > 0).toArray(double[][]::new);
        if (nonEmpty.length == 0) {
            return Double.NaN;
        }
        return replicate(nonEmpty, rng);
    }

    private static double replicate(double[][] forks, RandomGenerator rng) {
        int nForks = forks.length;
        double sum = 0;
        for (int i = 0; i < nForks; i++) {
            double[] f = forks[rng.nextInt(nForks)];
            double m = mean(f);
            if (f.length < 2) {
                sum += m;
                continue;
            }
            double dev = 0;
            for (int k = 0; k < f.length; k++) {
                dev += f[rng.nextInt(f.length)] - m;
            }
            sum += m + shrink(f.length, nForks) * dev / f.length;
        }
        return sum / nForks;
    }

    /**
     * The scale of the within-fork draw, sqrt(N / (F (N - 1))). Drawing forks with replacement
     * already carries the iterations' noise once (a fork's mean holds it); drawing iterations again
     * unscaled would count it twice and widen the interval about 1.3x even when the forks do not
     * differ (Davison and Hinkley, "Bootstrap Methods and their Application", 1997, section 3.8).
     * Scaled, the two-level variance is (F - 1)/F of the between-fork part plus the within-fork
     * part once. With one fork it is the ordinary bootstrap of the iterations (the scale is capped
     * at 1, so a resampled mean always lies between the fork's mean and the plain resample's, and
     * never below zero for times that are not).
     */
    static double shrink(int iterations, int forks) {
        return Math.min(1.0, Math.sqrt(iterations / (forks * (iterations - 1.0))));
    }

    /** {@code replicates} resampled estimates of the grand mean. */
    public static double[] replicates(List<double[]> forks, int replicates, RandomGenerator rng) {
        double[][] nonEmpty = forks.stream().filter(f -> f.length > 0).toArray(double[][]::new);
        double[] out = new double[replicates];
        if (nonEmpty.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int r = 0; r < replicates; r++) {
            out[r] = replicate(nonEmpty, rng);
        }
        return out;
    }

    /** The percentile interval of the grand mean at {@code level}, resampling forks then iterations. */
    public static Interval interval(List<double[]> forks, double level, int replicates, RandomGenerator rng) {
        return percentile(replicates(forks, replicates, rng), level);
    }

    /**
     * The interval of the same mean with every iteration pooled as if from one JVM: what a one-fork
     * analysis reports. Kept to show, and to test, what the two-level interval adds.
     */
    public static Interval pooledInterval(List<double[]> forks, double level, int replicates, RandomGenerator rng) {
        double[] all = forks.stream().flatMapToDouble(Arrays::stream).toArray();
        return interval(List.of(all), level, replicates, rng);
    }

    /** The interval of mean(a) / mean(b), each side resampled on its own (two independent points). */
    public static Interval ratioInterval(List<double[]> a, List<double[]> b, double level, int replicates,
            RandomGenerator rng) {
        double[] ra = replicates(a, replicates, rng);
        double[] rb = replicates(b, replicates, rng);
        double[] ratio = new double[replicates];
        for (int i = 0; i < replicates; i++) {
            ratio[i] = ra[i] / rb[i];
        }
        return percentile(ratio, level);
    }

    /** The central {@code level} percentile interval of the finite values of {@code values}. */
    public static Interval percentile(double[] values, double level) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return new Interval(Double.NaN, Double.NaN, level);
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(finite);
        double tail = (1 - level) / 2 * 100;
        return new Interval(p.evaluate(Math.max(tail, 1e-9)), p.evaluate(100 - tail), level);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
