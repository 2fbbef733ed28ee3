package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.ScalingFactor.Estimate;
import io.gluebench.analysis.ScalingFactor.Kind;
import io.gluebench.result.Point;
import io.gluebench.result.Scaling;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The callers factor's interval and the rule that reads it (no JMH here). */
class ScalingFactorTest {

    // ---------------------------------------------------------------- the rule, one branch each

    @Test
    void anIntervalHoldingBothOneAndKIsInconclusive() {
        String v = ScalingFactor.verdict(1.5, 0.9, 2.1, 2, 2);
        assertEquals("inconclusive: the interval (0.90–2.10) includes both serialised (×1) and parallel (×2)", v);
        assertEquals(Kind.INCONCLUSIVE, ScalingFactor.read(1.5, 0.9, 2.1, 2, 2).kind());
    }

    @Test
    void anIntervalWiderThanTheGapIsInconclusive() {
        // Holds neither x1 nor x4 but spans more than the 3 between them.
        String v = ScalingFactor.verdict(2.6, 1.2, 4.3, 4, 8);
        assertEquals("inconclusive: the interval (1.20–4.30) is wider than the gap between serialised (×1) and"
                + " parallel (×4)", v);
    }

    @Test
    void anIntervalAboveTheCoresIsInconclusiveNotSuperParallel() {
        assertEquals("inconclusive: ×2.60 is above the number of cores (2); more than parallelism: the 1-caller rate is slowed by something 2 callers avoid (a worker woken on the other core) or is unstable",
                ScalingFactor.verdict(2.6, 2.2, 2.9, 2, 2));
        assertEquals("inconclusive: ×2.60 is above the number of callers (2); more than parallelism: the 1-caller rate is slowed by something 2 callers avoid (a worker woken on the other core) or is unstable",
                ScalingFactor.verdict(2.6, 2.2, 2.9, 2, 8), "2 callers on 8 cores cannot give more than x2 either");
        assertEquals("inconclusive: ×3.70 is above the number of cores (2); more than parallelism: the 1-caller rate is slowed by something 2 callers avoid (a worker woken on the other core) or is unstable",
                ScalingFactor.verdict(3.7, 3.4, 3.9, 4, 2), "4 callers on 2 cores cannot give more than x2");
        assertEquals("inconclusive: above the 2 cores", ScalingFactor.read(3.7, 3.4, 3.9, 4, 2).brief());
    }

    @Test
    void anIntervalBelowHalfwayIsSerialised() {
        assertTrue(ScalingFactor.verdict(1.05, 0.95, 1.2, 2, 2).startsWith("serialised: "));
        assertTrue(ScalingFactor.verdict(0.74, 0.6, 0.9, 2, 2).startsWith("serialised: "), "slower with two: still one lock");
        assertTrue(ScalingFactor.verdict(1.3, 1.1, 2.2, 4, 4).startsWith("serialised: "), "halfway of x1..x4 is x2.5");
    }

    @Test
    void anIntervalAboveHalfwayIsParallel() {
        assertTrue(ScalingFactor.verdict(1.94, 1.80, 2.05, 2, 2).startsWith("parallel: "),
                "an upper end past x2 is noise around x2, not x1 and x2 at once");
        assertEquals(Kind.PARALLEL, ScalingFactor.read(1.94, 1.80, 2.05, 2, 2).kind());
    }

    @Test
    void anIntervalAcrossHalfwayIsPartlyParallel() {
        assertEquals("partly parallel", ScalingFactor.verdict(1.5, 1.3, 1.7, 2, 2));
    }

    @Test
    void withoutAnIntervalTheFactorAloneIsReadAndSaysSo() {
        assertEquals("serialised: the callers wait for one another (one lock, e.g. the GIL) (no interval: one fork)",
                ScalingFactor.verdict(1.05, null, null, 2, 2));
        assertEquals("partly parallel (no interval: one fork)", ScalingFactor.verdict(1.5, null, null, 2, 2));
        assertTrue(ScalingFactor.verdict(1.9, null, null, 2, 2).startsWith("parallel: "));
        assertEquals("inconclusive: ×2.47 is above the number of cores (2); more than parallelism: the 1-caller rate is slowed by something 2 callers avoid (a worker woken on the other core) or is unstable"
                + " (no interval: one fork)", ScalingFactor.verdict(2.47, null, null, 2, 2));
        assertNull(ScalingFactor.verdict(1.0, null, null, 1, 2), "one caller count: nothing to compare");
    }

    // ---------------------------------------------------------------- the estimate

    /** forks x iterations around mean, each fork offset by a draw of sd forkSd, noise sd noiseSd. */
    static List<List<Double>> forks(RandomGenerator rng, double mean, int forks, int iterations, double forkSd,
            double noiseSd) {
        List<List<Double>> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double offset = forkSd * rng.nextGaussian();
            List<Double> it = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                it.add(mean + offset + noiseSd * rng.nextGaussian());
            }
            out.add(it);
        }
        return out;
    }

    @Test
    void forkSamplesGiveAFactorInsideItsIntervalAndPerCountMeans() {
        RandomGenerator rng = new MersenneTwister(3);
        List<List<List<Double>>> samples = List.of(forks(rng, 1000, 3, 4, 30, 20), forks(rng, 1900, 3, 4, 50, 30));
        Estimate e = ScalingFactor.estimate(List.of(1, 2), samples);
        double one = samples.get(0).stream().mapToDouble(f -> f.stream().mapToDouble(x -> x).average().orElseThrow())
                .average().orElseThrow();
        assertEquals(one, e.opsPerSecond().get(0), 1e-9, "the mean of the fork means");
        assertEquals(e.opsPerSecond().get(1) / one, e.factor(), 1e-12);
        assertTrue(e.low() < e.factor() && e.factor() < e.high(), e.low() + " " + e.factor() + " " + e.high());
        assertTrue(e.halfWidths().stream().allMatch(h -> h != null && h > 0), e.halfWidths().toString());
        assertEquals(2, e.count());
        assertEquals(3, e.fewestForks());
        assertEquals(e, ScalingFactor.estimate(List.of(1, 2), samples), "the fixed seed gives the same interval");
        assertTrue(ScalingFactor.verdict(e, 2).startsWith("parallel: "), ScalingFactor.verdict(e, 2));

        Scaling s = new Scaling("worker-python", "dot", 1000, Point.OK, List.of(1, 2), e.opsPerSecond(), e.halfWidths(),
                e.factor(), null, List.of(), samples, e.low(), e.high(), ScalingFactor.verdict(e, 2));
        assertTrue(s.hasInterval() && s.factorLow() <= s.factor() && s.factor() <= s.factorHigh());
        assertEquals(s.verdict(), ScalingFactor.verdictOf(s, 2));
        assertEquals(ScalingFactor.read(s, 2).text(), s.verdict(), "the stored verdict is the rule's");
    }

    @Test
    void anUnstableOneCallerRateMakesTheFactorInconclusive() {
        // The 1-caller forks disagree wildly (497 ± 608 calls/s in a one-fork run of the issue).
        RandomGenerator rng = new MersenneTwister(5);
        List<List<Double>> one = List.of(List.of(120.0, 140.0, 130.0, 125.0), List.of(900.0, 950.0, 880.0, 910.0),
                List.of(300.0, 280.0, 320.0, 310.0));
        Estimate e = ScalingFactor.estimate(List.of(1, 2), List.of(one, forks(rng, 900, 3, 4, 20, 20)));
        String v = ScalingFactor.verdict(e, 2);
        assertTrue(ScalingFactor.inconclusive(v), v);
        assertTrue(e.low() <= e.factor() && e.factor() <= e.high());
    }

    @Test
    void oneSamplePerCountGivesNoIntervalAndOneForkSaysSo() {
        Estimate single = ScalingFactor.estimate(List.of(1, 2), List.of(List.of(List.of(1000.0)), List.of(List.of(1900.0))));
        assertEquals(1.9, single.factor(), 1e-12);
        assertNull(single.low());
        assertNull(single.halfWidths().get(0));
        assertTrue(ScalingFactor.verdict(single, 2).endsWith("(no interval: one fork)"));

        Estimate oneFork = ScalingFactor.estimate(List.of(1, 2), List.of(List.of(List.of(1000.0, 1010.0, 990.0)),
                List.of(List.of(1900.0, 1920.0, 1880.0))));
        assertTrue(oneFork.low() != null && oneFork.low() <= 1.9 && 1.9 <= oneFork.high());
        assertTrue(ScalingFactor.verdict(oneFork, 2).endsWith("the interval leaves out the variation between JVMs)"),
                ScalingFactor.verdict(oneFork, 2));
    }

    @Test
    void theFactorIsTheLargestMeasuredCountOverOneCaller() {
        Estimate e = ScalingFactor.estimate(List.of(1, 2, 4), List.of(List.of(List.of(1000.0, 1000.0)),
                List.of(List.of(1500.0, 1500.0)), List.of(List.of(), List.of())));
        assertEquals(1.5, e.factor(), 1e-12, "a count without samples is not read as zero");
        assertEquals(2, e.count());
        assertNull(e.opsPerSecond().get(2));
        Estimate none = ScalingFactor.estimate(List.of(1, 2), List.of(List.of(List.of()), List.of(List.of(1500.0))));
        assertNull(none.factor(), "no factor without one caller");
        assertNull(ScalingFactor.verdict(none, 2));
    }

    @Test
    void anOlderRunsScalingIsReadFromItsFactorAlone() {
        Scaling old = new Scaling("worker-numpy-shm", "dot", 100000, Point.OK, List.of(1, 2), List.of(461.7, 1139.6),
                List.of(349.5, 5122.7), 2.468, null, List.of());
        assertTrue(ScalingFactor.verdictOf(old, 2).startsWith("inconclusive: ×2.47 is above the number of cores (2)"));
        assertTrue(ScalingFactor.verdictOf(old, 2).endsWith("(no interval: one fork)"));
        assertEquals(2, old.factorCount());
    }
}
