package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fit and crossover maths on synthetic data with known answers. */
class CostModelTest {
    private static final int[] SIZES = {1, 10, 100, 1000, 10_000, 100_000};

    /** Points of t(N) = a + b N with 5 samples each, jittered by +-noise (relative), seeded. */
    static List<Point> line(String workload, String pattern, double a, double b, double noise, long seed) {
        Random r = new Random(seed);
        List<Point> out = new ArrayList<>();
        for (int n : SIZES) {
            double t = a + b * n;
            List<Double> samples = new ArrayList<>();
            double sum = 0;
            for (int k = 0; k < 5; k++) {
                double s = t * (1 + noise * (2 * r.nextDouble() - 1));
                samples.add(s);
                sum += s;
            }
            out.add(new Point(workload, pattern, n, null, null, Point.OK, "ns/op", sum / 5, t * noise, samples,
                    List.of(), null, null, null, List.of(), 1));
        }
        return out;
    }

    static Run run(List<Point> points) {
        return new Run(Run.FORMAT_VERSION, "synthetic", "quick", "complete", "2026-11-25T00:00:00Z", null, null, Map.of(),
                List.of(), points, List.of(),
                List.of(new PatternInfo("py", io.gluebench.result.Family.of("jep"), io.gluebench.result.Kind.INTERPRETED, false, "", ""),
                        new PatternInfo("np", io.gluebench.result.Family.of("jep"), io.gluebench.result.Kind.NATIVE, false, "", ""),
                        new PatternInfo("c", io.gluebench.result.Family.of("jni"), io.gluebench.result.Kind.NATIVE, false, "", "")),
                List.of(new WorkloadInfo("w", "items", "N", "")));
    }

    @Test
    void recoversAKnownLineWithinItsInterval() {
        // Interpreted: 1 us fixed, 100 ns per element. Native: 50 us fixed, 1 ns per element.
        Run r = run(line("w", "py", 1_000, 100, 0.02, 1));
        CostModel m = Analyzer.analyze(r).model("w", "py").orElseThrow();
        assertEquals(1_000, m.fixedNs(), 60);
        assertEquals(100, m.perUnitNs(), 2);
        assertTrue(m.perUnitCi().contains(100), m.perUnitCi().toString());
        assertTrue(m.fits());
        assertTrue(m.rSquared() > 0.99);
        assertEquals(0.5, m.overheadShare(10), 0.05, "a / t(10) = 1000 / 2000");
    }

    @Test
    void linesThatCrossAtAKnownSizeAreFound() {
        // 1000 + 100 N = 50000 + 1 N at N* = 49000 / 99 = 494.9
        List<Point> points = new ArrayList<>(line("w", "py", 1_000, 100, 0.01, 2));
        points.addAll(line("w", "np", 50_000, 1, 0.01, 3));
        Analysis a = Analyzer.analyze(run(points));
        Crossover x = a.crossovers("w").get(0);
        assertEquals("py", x.smallWinner());
        assertEquals("np", x.largeWinner());
        assertEquals(100, x.bracketLow());
        assertEquals(1000, x.bracketHigh());
        assertNotNull(x.modelN());
        assertEquals(494.9, x.modelN(), 494.9 * 0.05);
        assertTrue(x.modelCi().lo() <= x.modelN() && x.modelN() <= x.modelCi().hi(), x.modelCi().toString());
        assertTrue(x.modelCi().contains(494.9), x.modelCi().toString());
        assertTrue(x.headline());
        assertFalse(x.extrapolated());
        var regions = Regions.interpretedWins(run(points), "w");
        assertEquals(1, regions.size());
        assertEquals(1, regions.get(0).fromN(), 1e-9);
        assertEquals(Math.sqrt(100 * 1000.0), regions.get(0).toN(), 1e-6);
        var refined = Regions.interpretedWins(run(points), a, "w");
        assertEquals(x.modelN(), refined.get(0).toN(), 1e-9, "with the models, the band ends at N*");
    }

    @Test
    void patternsThatNeverSwapHaveNoCrossover() {
        List<Point> points = new ArrayList<>(line("w", "c", 10, 1, 0.01, 4));
        points.addAll(line("w", "np", 50_000, 1, 0.01, 5));
        assertTrue(Analyzer.analyze(run(points)).crossovers().isEmpty());
    }

    @Test
    void aCurvedCostIsReportedAsAMisfitAndNotUsedForCrossovers() {
        List<Point> curved = new ArrayList<>();
        for (Point p : line("w", "py", 100, 1, 0.0, 6)) {
            double t = 100 + 0.01 * p.size() * (double) p.size();
            curved.add(new Point("w", "py", p.size(), null, null, Point.OK, "ns/op", t, t * 0.01, List.of(t, t, t),
                    List.of(), null, null, null, List.of(), 1));
        }
        curved.addAll(line("w", "np", 5_000, 1, 0.01, 7));
        Analysis a = Analyzer.analyze(run(curved));
        CostModel m = a.model("w", "py").orElseThrow();
        assertFalse(m.fits());
        assertTrue(m.misfit().contains("misses N="), m.misfit());
        Crossover x = a.crossovers("w").get(0);
        assertNotNull(x.bracketLow(), "the measured bracket still stands");
        assertNull(x.modelN(), "no model crossover from a model that does not fit");
        assertTrue(a.warnings().stream().anyMatch(w -> w.kind().equals("misfit")));
    }

    @Test
    void theFitNeverReturnsANegativeFixedCost() {
        CostModelFit.Coefficients c = CostModelFit.solve(new double[] {1, 10, 100}, new double[] {5, 100, 1000},
                new double[] {1, 1, 1});
        assertTrue(c.a() >= 0 && c.b() > 0, c.toString());
    }

    @Test
    void complexityInverts() {
        assertEquals(1000, Analyzer.invert(Complexity.QUADRATIC, 1e6), 1e-6);
        assertEquals(1024, Analyzer.invert(Complexity.N_LOG_N, 1024 * 10.0), 1e-6);
        assertEquals(Complexity.N_LOG_N, Complexity.parse("N log N"));
        assertEquals(Complexity.QUADRATIC, Complexity.parse("N²"));
    }
}
