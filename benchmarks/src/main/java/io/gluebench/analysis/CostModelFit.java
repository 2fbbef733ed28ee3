package io.gluebench.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Weighted least squares of t(N) = a + b f(N) on measured means, with a two-level bootstrap (forks,
 * then iterations within a fork: {@link HierarchicalBootstrap}) for the intervals. Pure functions; the regression and percentiles come from
 * Commons Math.
 */
public final class CostModelFit {
    /** Points a model misses by more than this share are taken as "the model does not fit". */
    public static final double MISFIT = 0.5;
    public static final double LEVEL = 0.95;

    private CostModelFit() {
    }

    /**
     * One measured size: its mean and the iteration samples behind it, in ns, fork by fork (one
     * fork for a format-1 point).
     */
    public record Observation(int size, double mean, List<double[]> forks) {
        /** One fork holding these samples. */
        public Observation(int size, double mean, double[] samples) {
            this(size, mean, List.of(samples));
        }

        double[] samples() {
            return forks.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        }

        double sigma() {
            double s;
            double[] means = HierarchicalBootstrap.forkMeans(forks);
            double[] all = samples();
            if (means.length >= 2) {
                // The spread of the fork means: the variation a rerun shows.
                s = new DescriptiveStatistics(means).getStandardDeviation() / Math.sqrt(means.length);
            } else if (all.length >= 2) {
                s = new DescriptiveStatistics(all).getStandardDeviation() / Math.sqrt(all.length);
            } else {
                s = 0.05 * mean;
            }
            // Never weigh one point infinitely: at least 1% of its mean.
            return Math.max(s, 0.01 * Math.abs(mean));
        }
    }

    /** A and b of one fit. */
    record Coefficients(double a, double b) {
    }

    /** The fit plus its bootstrap replicates (kept for crossover intervals). */
    public record Result(CostModel model, double[] aReplicates, double[] bReplicates) {
    }

    /** The f(N) a workload without a declared complexity may get, the simplest first. */
    public static final List<Complexity> PICKABLE = List.of(Complexity.CONSTANT, Complexity.LINEAR, Complexity.N_LOG_N,
            Complexity.QUADRATIC, Complexity.CUBIC);

    /** A mean squared relative residual this small (about 3% per point) is a fit within the noise. */
    static final double FITS_WITHIN_NOISE = 1e-3;

    /**
     * The f(N) of {@link #PICKABLE} whose fits t(N) = a + b f(N) miss the measured points least, scored
     * by the mean squared relative residual of each pattern with two or more sizes (summed over them).
     * The simplest f whose score is within a quarter of the best, or within the noise, wins: a flat
     * cost is "1" and not "N" with a slope of zero, and two sizes, which any f fits, keep the simplest
     * that passes through them.
     */
    public static Complexity pick(List<List<Observation>> byPattern) {
        double[] scores = new double[PICKABLE.size()];
        int patterns = 0;
        for (List<Observation> obs : byPattern) {
            if (obs.size() < 2) {
                continue;
            }
            patterns++;
            for (int k = 0; k < PICKABLE.size(); k++) {
                // Weighted by 1/y^2: relative errors, so every size counts alike.
                double[][] xyw = design(PICKABLE.get(k), obs, true);
                double[] x = xyw[0];
                double[] y = xyw[1];
                Coefficients fit = solve(x, y, xyw[2]);
                for (int i = 0; i < obs.size(); i++) {
                    double rel = (y[i] - (fit.a() + fit.b() * x[i])) / y[i];
                    scores[k] += rel * rel / obs.size();
                }
            }
        }
        if (patterns == 0) {
            return Complexity.LINEAR;
        }
        double best = java.util.Arrays.stream(scores).min().orElse(0);
        double good = Math.max(1.25 * best, FITS_WITHIN_NOISE * patterns);
        for (int k = 0; k < PICKABLE.size(); k++) {
            if (scores[k] <= good) {
                return PICKABLE.get(k);
            }
        }
        return Complexity.LINEAR;
    }

    /** x = f(N), y = the mean and the weights (1/sigma^2, or 1/y^2 for relative errors) of each observation. */
    private static double[][] design(Complexity c, List<Observation> obs, boolean relative) {
        double[] x = new double[obs.size()];
        double[] y = new double[obs.size()];
        double[] w = new double[obs.size()];
        for (int i = 0; i < obs.size(); i++) {
            x[i] = c.apply(obs.get(i).size());
            y[i] = obs.get(i).mean();
            double s = relative ? y[i] : obs.get(i).sigma();
            w[i] = 1.0 / (s * s);
        }
        return new double[][] {x, y, w};
    }

    public static Result fit(String workload, String pattern, Complexity c, List<Observation> obs,
                             int replicates, RandomGenerator rng) {
        if (obs.size() < 2) {
            throw new IllegalArgumentException("a cost model needs two or more sizes, got " + obs.size());
        }
        double[][] xyw = design(c, obs, false);
        double[] x = xyw[0];
        double[] y = xyw[1];
        double[] w = xyw[2];
        Coefficients best = solve(x, y, w);

        double[] aRep = new double[replicates];
        double[] bRep = new double[replicates];
        double[] yb = new double[y.length];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < obs.size(); i++) {
                Observation o = obs.get(i);
                // Forks first, then iterations within a fork (HierarchicalBootstrap); one fork with
                // fewer than two samples cannot be resampled and keeps its mean.
                boolean one = o.forks().size() < 2 && (o.forks().isEmpty() || o.forks().get(0).length < 2);
                yb[i] = one ? y[i] : HierarchicalBootstrap.replicate(o.forks(), rng);
            }
            Coefficients cr = solve(x, yb, w);
            aRep[r] = cr.a();
            bRep[r] = cr.b();
        }

        double ssRes = 0;
        double maxRel = 0;
        int worst = 0;
        double wSum = 0;
        double wyMean = 0;
        for (int i = 0; i < y.length; i++) {
            wSum += w[i];
            wyMean += w[i] * y[i];
        }
        wyMean /= wSum;
        double ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            double pred = best.a() + best.b() * x[i];
            ssRes += w[i] * (y[i] - pred) * (y[i] - pred);
            ssTot += w[i] * (y[i] - wyMean) * (y[i] - wyMean);
            double rel = Math.abs(y[i] - pred) / Math.abs(y[i]);
            if (rel > maxRel) {
                maxRel = rel;
                worst = i;
            }
        }
        double r2 = ssTot == 0 ? 1.0 : 1.0 - ssRes / ssTot;
        boolean fits = maxRel <= MISFIT;
        String misfit = fits ? "" : String.format(java.util.Locale.ROOT,
                "t(N) = a + b·%s misses N=%d by %.0f%%: the cost is not %s here (curvature, a cache cliff or an "
                        + "unsettled JIT); read the measured points instead of the model",
                c.label(), obs.get(worst).size(), 100 * maxRel, c == Complexity.LINEAR ? "linear" : c.label());
        int minSize = obs.stream().mapToInt(Observation::size).min().orElse(0);
        int maxSize = obs.stream().mapToInt(Observation::size).max().orElse(0);
        CostModel model = new CostModel(workload, pattern, c, best.a(), interval(aRep), best.b(), interval(bRep),
                r2, maxRel, fits, misfit, minSize, maxSize, obs.size());
        return new Result(model, aRep, bRep);
    }

    static Interval interval(double[] replicates) {
        Percentile p = new Percentile();
        p.setData(replicates.clone());
        double tail = (1 - LEVEL) / 2 * 100;
        return new Interval(p.evaluate(tail), p.evaluate(100 - tail), LEVEL);
    }

    /**
     * Weighted least squares with a, b >= 0 (a negative fixed cost or a negative slope has no
     * meaning; when the unconstrained optimum has one, the best fit lies on that boundary).
     */
    static Coefficients solve(double[] x, double[] y, double[] w) {
        int n = x.length;
        boolean distinct = false;
        for (int i = 1; i < n; i++) {
            distinct |= x[i] != x[0];
        }
        if (distinct) {
            double[][] rows = new double[n][2];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double sw = Math.sqrt(w[i]);
                rows[i][0] = sw;
                rows[i][1] = sw * x[i];
                ys[i] = sw * y[i];
            }
            double a;
            double b;
            if (n == 2) {
                // Two points: the line through them (OLS needs more observations than parameters).
                b = (y[1] - y[0]) / (x[1] - x[0]);
                a = y[0] - b * x[0];
            } else {
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.setNoIntercept(true);
                ols.newSampleData(ys, rows);
                double[] beta = ols.estimateRegressionParameters();
                a = beta[0];
                b = beta[1];
            }
            if (a >= 0 && b >= 0) {
                return new Coefficients(a, b);
            }
        }
        // Boundary candidates: a = 0 (slope only) and b = 0 (constant only); keep the better.
        double sfx = 0;
        double sxx = 0;
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            sfx += w[i] * x[i] * y[i];
            sxx += w[i] * x[i] * x[i];
            sw += w[i];
            swy += w[i] * y[i];
        }
        Coefficients slopeOnly = new Coefficients(0, sxx == 0 ? 0 : Math.max(0, sfx / sxx));
        Coefficients constOnly = new Coefficients(Math.max(0, swy / sw), 0);
        return sse(slopeOnly, x, y, w) <= sse(constOnly, x, y, w) ? slopeOnly : constOnly;
    }

    private static double sse(Coefficients c, double[] x, double[] y, double[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - (c.a() + c.b() * x[i]);
            s += w[i] * r * r;
        }
        return s;
    }

    /** Observations from measured points, one per size. */
    public static List<Observation> observations(List<io.gluebench.result.Point> points) {
        List<Observation> out = new ArrayList<>();
        for (var p : points) {
            out.add(new Observation(p.size(), p.score(), p.forkSamples()));
        }
        out.sort(java.util.Comparator.comparingInt(Observation::size));
        return out;
    }
}
