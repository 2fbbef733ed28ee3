package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decision strip names a winner only where the fastest is apart from the runner-up beyond their
 * intervals; where they overlap it says "tie", so the strip does not flip between runs.
 */
class DecisionTieTest {
    static final int[] SIZES = {1, 100, 10_000, 1_000_000};

    /** Points with a ±share interval; scores per pattern at {@link #SIZES}. */
    static Run run(double share, Map<String, double[]> scores) {
        List<Point> points = new ArrayList<>();
        for (var e : scores.entrySet()) {
            for (int i = 0; i < SIZES.length; i++) {
                points.add(TiedCrossoverTest.withBand(SyntheticRuns.ok("dot", e.getKey(), SIZES[i], e.getValue()[i]), share));
            }
        }
        return SyntheticRuns.run("m", "r", points, SyntheticRuns.patterns(), SyntheticRuns.workloads());
    }

    static List<Decision.Segment> strip(Run r) {
        Analysis a = new Analysis(List.of(), List.of(), List.of(), Fastest.rows(r), List.of());
        return Decision.strip(r, a, "dot");
    }

    @Test
    void overlappingBestTwoAreATieAndNeighbouringTiesMerge() {
        // java wins clearly at N = 1; at 100 and 10k java and jep-numpy are 2% apart inside ±5%
        // intervals; at 1M numpy wins clearly.
        Run r = run(0.05, Map.of(
                "java", new double[] {10, 1000, 100_000, 10_000_000},
                "jep-numpy", new double[] {5000, 1020, 98_000, 1_000_000},
                "jep-python", new double[] {4000, 40_000, 4_000_000, 400_000_000}));
        List<Decision.Segment> segs = strip(r);
        assertEquals(List.of("java", "tie", "jep-numpy"), segs.stream().map(Decision.Segment::label).toList());
        Decision.Segment tie = segs.get(1);
        assertTrue(tie.tie());
        assertNull(tie.pattern(), "a tie names no winner");
        assertEquals(List.of(100, 10_000), tie.sizes());
        assertEquals(List.of("java", "jep-numpy"), tie.tied(), "the tied patterns, fastest first");
        assertEquals(10, segs.get(0).toN(), 1e-9, "next to a tie the edge is the geometric mean");
        assertFalse(segs.get(0).modelEdge());
        assertEquals(List.of(), segs.get(0).tied());
    }

    @Test
    void onlyTheRunnerUpDecides() {
        // At every size java is 10% below jep-numpy (±2%: apart); jep-python is far slower but so
        // noisy (±95%) that its interval reaches java's: java still wins, the two best are apart.
        List<Point> points = new ArrayList<>();
        for (int n : SIZES) {
            points.add(TiedCrossoverTest.withBand(SyntheticRuns.ok("dot", "java", n, 100.0 + n), 0.02));
            points.add(TiedCrossoverTest.withBand(SyntheticRuns.ok("dot", "jep-numpy", n, 1.1 * (100.0 + n)), 0.02));
            points.add(TiedCrossoverTest.withBand(SyntheticRuns.ok("dot", "jep-python", n, 15 * (100.0 + n)), 0.95));
        }
        Run r = SyntheticRuns.run("m", "r", points, SyntheticRuns.patterns(), SyntheticRuns.workloads());
        List<Decision.Segment> segs = strip(r);
        assertEquals(1, segs.size());
        assertEquals("java", segs.get(0).pattern());
    }

    @Test
    void thePythonStripJudgesTiesAmongItsOwnPatterns() {
        // java and jep-numpy tie at every size, but java is not in the CPython strip: numpy wins it.
        Run r = run(0.05, Map.of(
                "java", new double[] {100, 1000, 10_000, 100_000},
                "jep-numpy", new double[] {101, 1010, 10_100, 101_000},
                "jep-python", new double[] {1000, 100_000, 10_000_000, 1_000_000_000}));
        Analysis a = new Analysis(List.of(), List.of(), List.of(), Fastest.rows(r), List.of());
        assertEquals(List.of("tie"), Decision.strip(r, a, "dot").stream().map(Decision.Segment::label).toList());
        assertEquals(List.of("jep-numpy"), Decision.pythonStrip(r, a, "dot").stream().map(Decision.Segment::label).toList());
    }
}
