package io.gluebench.analysis;

import io.gluebench.result.Verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Fork;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * compare on runs measured in forks: points are tested by their fork means. Two runs drawn from one
 * distribution with fork effects say "same" about 95% of the time; pooling the iterations would
 * call many of them different.
 */
class ForkCompareTest {
    static final Comparison.Rules RULES = Comparison.Rules.defaults("Rerun with more forks.");

    /** A point of `forks` forks x 4 iterations: fork offsets with sd forkSd, iteration noise 1%. */
    static Point forked(String pattern, int size, double mean, int forks, double forkSd, RandomGenerator rng) {
        List<Fork> fs = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        for (int k = 0; k < forks; k++) {
            double m = mean * (1 + forkSd * rng.nextGaussian());
            List<Double> it = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                it.add(m * (1 + 0.01 * rng.nextGaussian()));
            }
            fs.add(new Fork(k, k, it, List.of(), 0.5, "flat", 0, 1.0, null));
            samples.add(it.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double score = HierarchicalBootstrap.grandMean(samples);
        Interval ci = HierarchicalBootstrap.interval(samples, 0.95, 500, rng);
        List<Double> pooled = fs.stream().flatMap(f -> f.samples().stream()).toList();
        return new Point("dot", pattern, size, null, null, Point.OK, "ns/op", score, (ci.hi() - ci.lo()) / 2, pooled,
                List.of(), null, null, null, List.of(), 1.0, null, fs, "flat", ci.lo(), ci.hi());
    }

    static Run run(String id, List<Point> points) {
        return new Run(Run.FORMAT_VERSION, id, "quick", "complete", "2026-12-04T00:00:00Z", "2026-12-04T00:10:00Z",
                SyntheticRuns.machine("m"), Map.of(), List.of(), points, List.of(), SyntheticRuns.patterns(),
                SyntheticRuns.workloads());
    }

    @Test
    void twoRunsFromOneDistributionWithForkEffectsAreSameAboutNinetyFivePercentOfTheTime() {
        int same = 0;
        int pooledDifferent = 0;
        int total = 0;
        for (int seed = 0; seed < 60; seed++) {
            RandomGenerator rng = new MersenneTwister(seed);
            List<Point> a = new ArrayList<>();
            List<Point> b = new ArrayList<>();
            for (String pattern : List.of("java", "jep-python", "jep-numpy")) {
                for (int n : new int[] {1, 10, 1000, 10000}) {
                    double mean = 100 + n;
                    a.add(forked(pattern, n, mean, 3, 0.05, rng));
                    b.add(forked(pattern, n, mean, 3, 0.05, rng));
                }
            }
            Comparison c = Comparer.compare(List.of(run("A", a), run("B", b)), RULES);
            for (Comparison.PointComparison pc : c.points()) {
                total++;
                if (Verdict.SAME.equals(pc.verdict())) {
                    same++;
                }
                assertEquals(3, pc.baselineSamples(), "forks are the samples");
            }
            // The same points judged by their pooled iterations, as a one-fork analysis would.
            for (int i = 0; i < a.size(); i++) {
                double[] xs = a.get(i).samples().stream().mapToDouble(Double::doubleValue).toArray();
                double[] ys = b.get(i).samples().stream().mapToDouble(Double::doubleValue).toArray();
                RatioOfMeans.Result r = RatioOfMeans.of(xs, ys, 0.95);
                MannWhitney.Result u = MannWhitney.test(xs, ys);
                if (!Verdict.SAME.equals(Comparer.verdict(r.ci(), u.p(), true, RULES))) {
                    pooledDifferent++;
                }
            }
        }
        double share = same / (double) total;
        assertTrue(share >= 0.92, "same in " + same + " of " + total);
        assertTrue(pooledDifferent > 0.1 * total, "pooled iterations call " + pooledDifferent + " of " + total + " different");
    }

    @Test
    void aRealChangeBeyondTheForkNoiseIsFound() {
        RandomGenerator rng = new MersenneTwister(5);
        List<Point> a = new ArrayList<>();
        List<Point> b = new ArrayList<>();
        for (int n : new int[] {1, 10, 1000, 10000}) {
            a.add(forked("java", n, 100 + n, 5, 0.02, rng));
            b.add(forked("java", n, 1.5 * (100 + n), 5, 0.02, rng));
        }
        Comparison c = Comparer.compare(List.of(run("A", a), run("B", b)), RULES);
        assertTrue(c.points().stream().allMatch(pc -> Verdict.SLOWER.equals(pc.verdict())), c.points().toString());
    }

    @Test
    void aFormatOnePointAgainstAForkedOneIsRefused() {
        RandomGenerator rng = new MersenneTwister(9);
        Point forked = forked("java", 10, 110, 3, 0.02, rng);
        Point old = SyntheticRuns.ok("dot", "java", 10, 110);
        Comparison c = Comparer.compare(List.of(run("A", List.of(old)), run("B", List.of(forked))), RULES);
        assertEquals(Verdict.NOT_COMPARABLE, c.points().get(0).verdict());
        assertTrue(c.points().get(0).reason().contains("one fork"), c.points().get(0).reason());
    }
}
