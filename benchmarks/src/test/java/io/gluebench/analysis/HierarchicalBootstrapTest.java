package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The two-level interval against the pooled one on synthetic forks. */
class HierarchicalBootstrapTest {

    /** forks x iterations around 100, with a per-fork offset drawn with sd forkSd and noise sd 1. */
    static List<double[]> forks(long seed, int forks, int iterations, double forkSd) {
        RandomGenerator rng = new MersenneTwister(seed);
        List<double[]> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double offset = forkSd * rng.nextGaussian();
            double[] it = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                it[i] = 100 + offset + rng.nextGaussian();
            }
            out.add(it);
        }
        return out;
    }

    static double width(Interval i) {
        return i.hi() - i.lo();
    }

    @Test
    void forksThatDifferWidenTheIntervalWellBeyondThePooledOne() {
        List<double[]> f = forks(7, 5, 10, 5.0);
        Interval h = HierarchicalBootstrap.interval(f, 0.95, 4000, new MersenneTwister(1));
        Interval pooled = HierarchicalBootstrap.pooledInterval(f, 0.95, 4000, new MersenneTwister(1));
        assertTrue(width(h) > 3 * width(pooled), "hierarchical " + h + " vs pooled " + pooled);
        assertTrue(h.contains(HierarchicalBootstrap.grandMean(f)));
    }

    @Test
    void forksThatDoNotDifferGiveTheSameWidthAsPooling() {
        // Averaged over seeds so that one draw's luck does not decide: the ratio of widths is ~1.
        double ratio = 0;
        int seeds = 40;
        for (int s = 0; s < seeds; s++) {
            List<double[]> f = forks(100 + s, 5, 10, 0.0);
            ratio += width(HierarchicalBootstrap.interval(f, 0.95, 2000, new MersenneTwister(s)))
                    / width(HierarchicalBootstrap.pooledInterval(f, 0.95, 2000, new MersenneTwister(s)));
        }
        ratio /= seeds;
        assertEquals(1.0, ratio, 0.15, "mean width ratio " + ratio);
    }

    @Test
    void theHierarchicalIntervalCoversTheTrueMeanAboutAsOftenAsItSays() {
        // Forks with real fork effects; the true mean is 100. With 5 forks the percentile bootstrap is
        // known to under-cover somewhat; pooling would cover far less.
        int covered = 0;
        int pooledCovered = 0;
        int trials = 200;
        for (int s = 0; s < trials; s++) {
            List<double[]> f = forks(1000 + s, 5, 10, 3.0);
            if (HierarchicalBootstrap.interval(f, 0.95, 1000, new MersenneTwister(s)).contains(100)) {
                covered++;
            }
            if (HierarchicalBootstrap.pooledInterval(f, 0.95, 1000, new MersenneTwister(s)).contains(100)) {
                pooledCovered++;
            }
        }
        assertTrue(covered >= 0.80 * trials, "covered " + covered + " of " + trials);
        assertTrue(pooledCovered < 0.5 * trials, "pooled covered " + pooledCovered + " of " + trials);
    }

    @Test
    void oneForkIsResampledByIteration() {
        double[] one = {1, 2, 3, 4, 5};
        Interval i = HierarchicalBootstrap.interval(List.of(one), 0.95, 4000, new MersenneTwister(3));
        assertTrue(i.lo() > 1 && i.lo() < 3 && i.hi() > 3 && i.hi() < 5, i.toString());
        assertEquals(3.0, HierarchicalBootstrap.grandMean(List.of(one)), 0);
    }

    @Test
    void aResampledMeanNeverLeavesTheRangeOfTheData() {
        // One fork of two very different iterations: an unscaled-up second level would go below 0.
        List<double[]> f = List.of(new double[] {1, 10_000});
        Interval i = HierarchicalBootstrap.interval(f, 0.95, 2000, new MersenneTwister(4));
        assertTrue(i.lo() >= 1 && i.hi() <= 10_000, i.toString());
    }

    @Test
    void theGrandMeanWeighsEachForkAlike() {
        assertEquals(2.0, HierarchicalBootstrap.grandMean(List.of(new double[] {1}, new double[] {3, 3, 3, 3})), 1e-12);
        assertTrue(Double.isNaN(HierarchicalBootstrap.grandMean(List.of())));
    }

    @Test
    void aSeedReproducesAnInterval() {
        List<double[]> f = forks(9, 4, 6, 2.0);
        assertEquals(HierarchicalBootstrap.interval(f, 0.95, 500, new MersenneTwister(5)),
                HierarchicalBootstrap.interval(f, 0.95, 500, new MersenneTwister(5)));
    }

    @Test
    void theRatioIntervalHoldsTheRatioOfMeans() {
        List<double[]> a = forks(11, 4, 8, 1.0);
        List<double[]> b = new ArrayList<>();
        for (double[] f : forks(12, 4, 8, 1.0)) {
            double[] g = f.clone();
            for (int i = 0; i < g.length; i++) {
                g[i] *= 2;
            }
            b.add(g);
        }
        Interval r = HierarchicalBootstrap.ratioInterval(a, b, 0.95, 2000, new MersenneTwister(2));
        assertTrue(r.contains(0.5), r.toString());
        assertTrue(r.hi() < 0.6 && r.lo() > 0.4, r.toString());
    }
}
