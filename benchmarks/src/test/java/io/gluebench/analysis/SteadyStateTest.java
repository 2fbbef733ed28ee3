package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.SteadyState.Fork;
import io.gluebench.analysis.SteadyState.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Steady-state classes of seeded synthetic series with Gaussian noise, and PELT against brute force. */
class SteadyStateTest {

    /** level(i) times (1 + cv * N(0, 1)), seeded. */
    private static double[] series(long seed, int n, double cv, IntToDoubleFunction level) {
        Random r = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = level.applyAsDouble(i) * (1 + cv * r.nextGaussian());
        }
        return y;
    }

    private static double[] flat(long seed, int n, double cv) {
        return series(seed, n, cv, i -> 100);
    }

    /** 100 + 100 exp(-i / tau): falls to within 2% of the plateau at i = tau ln 50. */
    private static double[] decay(long seed, int n, double cv, double tau) {
        return series(seed, n, cv, i -> 100 + 100 * Math.exp(-i / tau));
    }

    @Test
    void flatSeriesIsFlatFromTheStart() {
        Fork f = SteadyState.classify(flat(1, 100, 0.02), 10);
        assertEquals(Kind.FLAT, f.kind());
        assertEquals(0, f.steadyFrom());
        assertEquals(List.of(), f.changePoints());
    }

    @Test
    void flatSeriesOfManySeedsAreAlmostAlwaysFlat() {
        int flat = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random shape = new Random(10_000 + seed);
            int n = 20 + shape.nextInt(181);
            double cv = 0.01 + 0.02 * shape.nextDouble();
            flat += SteadyState.classify(flat(seed, n, cv), n / 5).kind() == Kind.FLAT ? 1 : 0;
        }
        assertTrue(flat >= 190, flat + " of 200 flat series were labelled flat");
    }

    @Test
    void decayThenPlateauIsWarmupFromNearTheKnee() {
        // tau = 5: within 2 sigma (4%) of the plateau from i = 5 ln 25 = 16.
        for (int seed = 0; seed < 10; seed++) {
            Fork f = SteadyState.classify(decay(seed, 80, 0.02, 5), 10);
            assertEquals(Kind.WARMUP, f.kind(), "seed " + seed);
            assertTrue(f.steadyFrom() >= 10 && f.steadyFrom() <= 25, "seed " + seed + ": " + f);
            assertEquals(f.steadyFrom(), f.changePoints().get(f.changePoints().size() - 1));
        }
    }

    @Test
    void changesOnlyInTheWarmupBatchesStillSayWarmup() {
        // The fork settled before it was measured: WARMUP, steady from before the measurement start.
        Fork f = SteadyState.classify(decay(3, 100, 0.02, 5), 40);
        assertEquals(Kind.WARMUP, f.kind());
        assertTrue(f.steadyFrom() < 40, f.toString());
        assertTrue(f.kind().steady());
    }

    @Test
    void stepUpThatPersistsIsSlowdown() {
        for (int seed = 0; seed < 10; seed++) {
            Fork f = SteadyState.classify(series(seed, 120, 0.02, i -> i < 50 ? 100 : 110), 0);
            assertEquals(Kind.SLOWDOWN, f.kind(), "seed " + seed);
            assertTrue(Math.abs(f.steadyFrom() - 50) <= 1, f.toString());
        }
    }

    @Test
    void seriesFallingThroughTheMeasurementHasNoSteadyState() {
        for (int seed = 0; seed < 10; seed++) {
            Fork f = SteadyState.classify(series(seed, 100, 0.02, i -> 200 - i), 20);
            assertEquals(Kind.NO_STEADY_STATE, f.kind(), "seed " + seed + ": " + f);
            assertEquals(-1, f.steadyFrom());
            assertFalse(f.kind().steady());
        }
    }

    @Test
    void lateStepInsideTheMeasurementHasNoSteadyState() {
        for (int seed = 0; seed < 10; seed++) {
            Fork f = SteadyState.classify(series(seed, 100, 0.02, i -> i < 85 ? 100 : 90), 20);
            assertEquals(Kind.NO_STEADY_STATE, f.kind(), "seed " + seed);
            assertEquals(List.of(85), f.changePoints());
        }
        // Measured window 20..99: a step at 60 (covers exactly half) is a steady state, at 61 it is not.
        assertEquals(Kind.WARMUP, SteadyState.classify(series(1, 100, 0.01, i -> i < 60 ? 100 : 80), 20).kind());
        assertEquals(Kind.NO_STEADY_STATE,
                SteadyState.classify(series(1, 100, 0.01, i -> i < 61 ? 100 : 80), 20).kind());
    }

    @Test
    void finalSegmentOfTwoValuesIsNoSteadyState() {
        double[] y = flat(4, 20, 0.01);
        y[18] = 50;
        y[19] = 50;
        Fork f = SteadyState.classify(y, 0);
        assertEquals(Kind.NO_STEADY_STATE, f.kind());
        assertEquals(List.of(18), f.changePoints());
    }

    @Test
    void oneOutlierLeavesAFlatSeriesFlat() {
        for (int seed = 0; seed < 10; seed++) {
            for (int at : new int[] {0, 1, 40, 98, 99}) {
                for (double factor : new double[] {1.5, 5}) {
                    double[] y = flat(seed, 100, 0.02);
                    y[at] *= factor;
                    assertEquals(Kind.FLAT, SteadyState.classify(y, 0).kind(),
                            "seed " + seed + ", outlier x" + factor + " at " + at);
                }
            }
        }
    }

    @Test
    void aBurstOfSlowIterationsIsASegmentOfItsOwn() {
        // Documented: three equal slow iterations are a real (short) segment; the level after the burst
        // equals the one before it, so the fork warmed up (its last segment is its fastest) from 43.
        double[] y = flat(5, 100, 0.01);
        for (int i = 40; i < 43; i++) {
            y[i] *= 1.5;
        }
        Fork f = SteadyState.classify(y, 0);
        assertEquals(Kind.WARMUP, f.kind());
        assertEquals(List.of(40, 43), f.changePoints());
        assertEquals(43, f.steadyFrom());
    }

    @Test
    void classIsTheSameInAnyUnit() {
        double[] ns = decay(6, 80, 0.02, 5);
        double[] s = Arrays.stream(ns).map(v -> v * 1e-9).toArray();
        assertEquals(SteadyState.classify(ns, 10), SteadyState.classify(s, 10));
    }

    @Test
    void shortAndConstantSeriesAreFlat() {
        assertEquals(Kind.FLAT, SteadyState.classify(new double[] {5}, 0).kind());
        assertEquals(Kind.FLAT, SteadyState.classify(new double[] {1, 1, 9}, 0).kind());
        double[] constant = new double[50];
        Arrays.fill(constant, 7);
        assertEquals(new Fork(Kind.FLAT, 0, List.of()), SteadyState.classify(constant, 0));
        assertEquals(Kind.FLAT, SteadyState.classify(new double[50], 0).kind());
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SteadyState.classify(new double[0], 0));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.classify(new double[] {1, 2, 3}, 3));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.classify(new double[] {1, 2, 3}, -1));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.classify(new double[] {1, Double.NaN, 3}, 0));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.pelt(new double[] {1, 2}, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.pelt(new double[] {1, 2}, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.reached(new double[] {1, 2}, 1, 0));
    }

    @Test
    void reachedIsFalseWhileADecayIsStillFalling() {
        // tau = 10, window 20: the window still drops by far more than 2% up to about i = 35.
        for (int seed = 0; seed < 20; seed++) {
            double[] y = decay(seed, 200, 0.02, 10);
            for (int k = 20; k <= 35; k++) {
                assertFalse(SteadyState.reached(Arrays.copyOf(y, k), 20, 20), "seed " + seed + ", length " + k);
            }
        }
    }

    @Test
    void reachedIsTrueOnAPlateau() {
        int yes = 0;
        int calls = 0;
        for (int seed = 0; seed < 20; seed++) {
            double[] y = decay(seed, 200, 0.02, 10);
            for (int k = 80; k <= 200; k += 10) {
                yes += SteadyState.reached(Arrays.copyOf(y, k), 20, 20) ? 1 : 0;
                calls++;
            }
        }
        // The slope of 20 values with 2% noise has a standard error near 1.6% over the window, so a
        // plateau is sometimes read as falling (which only prolongs the warm-up).
        assertTrue(yes >= 0.85 * calls, yes + " of " + calls);
        assertTrue(SteadyState.reached(flat(7, 30, 0.01), 20, 20));
    }

    @Test
    void reachedWaitsForMinLengthAndForAWholeWindowAfterAStep() {
        double[] y = series(8, 200, 0.01, i -> i < 100 ? 100 : 80);
        assertFalse(SteadyState.reached(Arrays.copyOf(y, 30), 20, 40));
        assertTrue(SteadyState.reached(Arrays.copyOf(y, 40), 20, 40));
        assertFalse(SteadyState.reached(Arrays.copyOf(y, 110), 20, 20));
        assertTrue(SteadyState.reached(Arrays.copyOf(y, 125), 20, 20));
        assertFalse(SteadyState.reached(Arrays.copyOf(y, 10), 20, 0));
    }

    @Test
    void reachedIsCheapEnoughToCallAfterEveryBatch() {
        double[] y = decay(9, 500, 0.02, 50);
        long start = System.nanoTime();
        for (int k = 2; k <= y.length; k++) {
            SteadyState.reached(Arrays.copyOf(y, k), 20, 20);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        // Generous (shared CI machines): the real cost is well under a millisecond per call.
        assertTrue(ms < 5_000, ms + " ms for 499 calls");
    }

    @Test
    void pointClassFollowsItsForks() {
        assertNull(SteadyState.ofPoint(List.of()));
        assertNull(SteadyState.ofPoint(Arrays.asList(Kind.FLAT, null)));
        assertEquals(Kind.FLAT, SteadyState.ofPoint(List.of(Kind.FLAT, Kind.FLAT, Kind.FLAT)));
        assertEquals(Kind.SLOWDOWN, SteadyState.ofPoint(List.of(Kind.SLOWDOWN, Kind.SLOWDOWN)));
        assertEquals(Kind.NO_STEADY_STATE, SteadyState.ofPoint(List.of(Kind.NO_STEADY_STATE)));
        assertEquals(Kind.WARMUP, SteadyState.ofPoint(List.of(Kind.FLAT, Kind.WARMUP, Kind.FLAT)));
        assertEquals(Kind.NO_STEADY_STATE, SteadyState.ofPoint(List.of(Kind.FLAT, Kind.NO_STEADY_STATE)));
        assertEquals(Kind.NO_STEADY_STATE,
                SteadyState.ofPoint(List.of(Kind.WARMUP, Kind.SLOWDOWN, Kind.NO_STEADY_STATE)));
        assertEquals(Kind.INCONSISTENT, SteadyState.ofPoint(List.of(Kind.FLAT, Kind.SLOWDOWN)));
        assertEquals(Kind.INCONSISTENT, SteadyState.ofPoint(List.of(Kind.WARMUP, Kind.SLOWDOWN)));
    }

    @Test
    void labelsRoundTrip() {
        for (Kind k : Kind.values()) {
            assertEquals(k, Kind.fromLabel(k.label()));
        }
        assertEquals("warm-up", Kind.WARMUP.label());
        assertEquals("no steady state", Kind.NO_STEADY_STATE.label());
        assertNull(Kind.fromLabel(null));
        assertNull(Kind.fromLabel("WARMUP"));
        assertNull(Kind.fromLabel("steady"));
        assertTrue(Kind.FLAT.steady() && Kind.WARMUP.steady() && Kind.SLOWDOWN.steady());
        assertFalse(Kind.NO_STEADY_STATE.steady() || Kind.INCONSISTENT.steady());
    }

    @Test
    void peltFindsAKnownStep() {
        for (int seed = 0; seed < 20; seed++) {
            double[] y = series(seed, 100, 0.01, i -> i < 37 ? 100 : 105);
            int[] cps = SteadyState.pelt(y, SteadyState.penalty(y.length), 2);
            assertEquals(1, cps.length, "seed " + seed + ": " + Arrays.toString(cps));
            assertTrue(Math.abs(cps[0] - 37) <= 1, "seed " + seed + ": " + Arrays.toString(cps));
        }
    }

    @Test
    void peltOnAConstantSeriesFindsNothing() {
        for (double v : new double[] {0, 1e-9, 42, 1e12}) {
            double[] y = new double[200];
            Arrays.fill(y, v);
            assertArrayEquals(new int[0], SteadyState.pelt(y, SteadyState.penalty(y.length), 2));
            assertArrayEquals(new int[0], SteadyState.pelt(y, 1, 1));
        }
        assertArrayEquals(new int[0], SteadyState.pelt(new double[] {1, 2, 3}, 0, 2));
    }

    @Test
    void peltEqualsOptimalPartitioningWithoutPruning() {
        for (int seed = 0; seed < 30; seed++) {
            Random r = new Random(seed);
            int n = 10 + r.nextInt(50);
            int step = 1 + r.nextInt(n - 1);
            double[] y = series(seed, n, 0.02 + 0.05 * r.nextDouble(), i -> i < step ? 100 : 120);
            for (double penalty : new double[] {0, 3, SteadyState.penalty(n)}) {
                for (int minSegment : new int[] {1, 2, 3}) {
                    assertArrayEquals(optimalPartitioning(y, penalty, minSegment),
                            SteadyState.pelt(y, penalty, minSegment),
                            "seed " + seed + ", penalty " + penalty + ", min " + minSegment);
                }
            }
        }
    }

    @Test
    void peltReachesTheOptimalCostOnTiedValues() {
        // Values rounded to a coarse clock: runs of equal values, where several segmentations can
        // cost the same; PELT must find one of them (pruning never loses the optimum).
        for (int seed = 0; seed < 30; seed++) {
            Random r = new Random(seed);
            int n = 10 + r.nextInt(60);
            int step = 1 + r.nextInt(n - 1);
            double[] y = series(seed, n, 0.05, i -> i < step ? 100 : 130);
            for (int i = 0; i < n; i++) {
                y[i] = Math.round(y[i] / 10) * 10;
            }
            for (double penalty : new double[] {0.5, 3, SteadyState.penalty(n)}) {
                for (int minSegment : new int[] {1, 2, 3}) {
                    assertEquals(cost(y, optimalPartitioning(y, penalty, minSegment), penalty),
                            cost(y, SteadyState.pelt(y, penalty, minSegment), penalty), 1e-7,
                            "seed " + seed + ", penalty " + penalty + ", min " + minSegment);
                }
            }
        }
    }

    /** The penalised cost of a segmentation, as {@link #optimalPartitioning} counts it. */
    private static double cost(double[] y, int[] changePoints, double penalty) {
        double floor = floor(y);
        double total = penalty * changePoints.length;
        int start = 0;
        for (int k = 0; k <= changePoints.length; k++) {
            int end = k < changePoints.length ? changePoints[k] : y.length;
            total += segmentCost(y, start, end, floor);
            start = end;
        }
        return total;
    }

    private static double floor(double[] y) {
        int n = y.length;
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return Math.max(Math.pow(1e-3 * Math.abs(median), 2), Double.MIN_NORMAL);
    }

    /** m log(ML variance + floor) of y[a, b), two-pass. */
    private static double segmentCost(double[] y, int a, int b, double floor) {
        double mean = 0;
        for (int i = a; i < b; i++) {
            mean += y[i];
        }
        mean /= b - a;
        double ss = 0;
        for (int i = a; i < b; i++) {
            ss += (y[i] - mean) * (y[i] - mean);
        }
        return (b - a) * Math.log(ss / (b - a) + floor);
    }

    /** Jackson's O(n²) dynamic programme with the same cost, written independently of ChangePoints. */
    private static int[] optimalPartitioning(double[] y, double penalty, int minSegment) {
        int n = y.length;
        if (n < 2 * minSegment) {
            return new int[0];
        }
        double floor = floor(y);
        double[] best = new double[n + 1];
        int[] last = new int[n + 1];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = -penalty;
        for (int t = minSegment; t <= n; t++) {
            for (int tau = 0; tau <= t - minSegment; tau++) {
                if (tau != 0 && tau < minSegment) {
                    continue;
                }
                double c = best[tau] + segmentCost(y, tau, t, floor) + penalty;
                if (c < best[t] - 1e-9) {
                    best[t] = c;
                    last[t] = tau;
                }
            }
        }
        ArrayList<Integer> cps = new ArrayList<>();
        for (int t = n; last[t] > 0; t = last[t]) {
            cps.add(0, last[t]);
        }
        return cps.stream().mapToInt(Integer::intValue).toArray();
    }
}
