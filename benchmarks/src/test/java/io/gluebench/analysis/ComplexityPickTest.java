package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** A workload that declares no complexity gets the f(N) that fits its measured points best. */
class ComplexityPickTest {
    private static List<CostModelFit.Observation> points(IntToDoubleFunction t, int[] sizes, Random rng) {
        List<CostModelFit.Observation> out = new ArrayList<>();
        for (int n : sizes) {
            List<double[]> forks = new ArrayList<>();
            double sum = 0;
            for (int f = 0; f < 3; f++) {
                double[] it = new double[4];
                for (int i = 0; i < 4; i++) {
                    it[i] = t.applyAsDouble(n) * (1 + 0.02 * rng.nextGaussian());   // 2% noise
                    sum += it[i];
                }
                forks.add(it);
            }
            out.add(new CostModelFit.Observation(n, sum / 12, forks));
        }
        return out;
    }

    private static final int[] SIZES = {10, 100, 1000, 10_000};

    @Test
    void recoversLinearWork() {
        Random rng = new Random(1);
        // Two patterns of one workload: a fixed cost, then the same linear work at different rates.
        Complexity c = CostModelFit.pick(List.of(points(n -> 2000 + 3.0 * n, SIZES, rng),
                points(n -> 50_000 + 0.2 * n, SIZES, rng)));
        assertEquals(Complexity.LINEAR, c);
    }

    @Test
    void recoversQuadraticWork() {
        Random rng = new Random(2);
        Complexity c = CostModelFit.pick(List.of(points(n -> 500 + 0.01 * n * (double) n, SIZES, rng),
                points(n -> 40_000 + 0.002 * n * (double) n, SIZES, rng)));
        assertEquals(Complexity.QUADRATIC, c);
    }

    @Test
    void recoversConstantWorkAndCubicWork() {
        Random rng = new Random(3);
        assertEquals(Complexity.CONSTANT, CostModelFit.pick(List.of(points(n -> 7000, SIZES, rng))));
        assertEquals(Complexity.CUBIC, CostModelFit.pick(List.of(points(n -> 100 + 1e-3 * Math.pow(n, 3),
                new int[] {5, 20, 80, 300}, rng))));
    }

    @Test
    void twoSizesFitAnythingSoTheLikeliestModelStays() {
        Random rng = new Random(4);
        assertEquals(Complexity.LINEAR, CostModelFit.pick(List.of(points(n -> 10 + n, new int[] {10, 1000}, rng))));
    }
}
