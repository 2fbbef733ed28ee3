package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The U test and the ratio interval against values computed by hand or published. */
class CompareStatisticsTest {
    private static final double[] ONE_TO_FIVE = {1, 2, 3, 4, 5};

    @Test
    void exactUOfCompleteSeparationIsTwoOverTheNumberOfArrangements() {
        // 5 vs 5: C(10,5) = 252 arrangements, both tails of the one extreme: 2/252.
        MannWhitney.Result r = MannWhitney.test(ONE_TO_FIVE, new double[] {6, 7, 8, 9, 10});
        assertTrue(r.exact());
        assertFalse(r.ties());
        assertEquals(25, r.u(), 0);
        assertEquals(2.0 / 252, r.p(), 1e-12);
        // 4 vs 4: 2/70 = 0.0286; 3 vs 3: 2/20 = 0.1, above 0.05 whatever the data.
        assertEquals(2.0 / 70, MannWhitney.test(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}).p(), 1e-12);
        assertEquals(0.1, MannWhitney.test(new double[] {4, 5, 6}, new double[] {1, 2, 3}).p(), 1e-12);
    }

    @Test
    void exactUMatchesTheTableForFiveAgainstFive() {
        // min(U) = 2: P(U <= 2) = (1 + 1 + 2) / 252 (U = 0, 1, 2 arise in 1, 1, 2 arrangements), two-sided
        // 8/252 = 0.0317. Published tables give U = 2 as the 5% two-sided critical value for n1 = n2 = 5,
        // so U = 3 must not be significant: 2 (1 + 1 + 2 + 3) / 252 = 0.0556.
        MannWhitney.Result two = MannWhitney.test(ONE_TO_FIVE, new double[] {3.5, 5.5, 6, 7, 8});
        assertEquals(23, two.u(), 0);
        assertEquals(8.0 / 252, two.p(), 1e-12);
        MannWhitney.Result three = MannWhitney.test(ONE_TO_FIVE, new double[] {2.5, 5.5, 6, 7, 8});
        assertEquals(14.0 / 252, three.p(), 1e-12);
    }

    @Test
    void tiesUseTheNormalApproximationWithTieCorrection() {
        // x = 1 2 2 3 3 3, y = 3 4 4 5 6 7: U(y) = 34.5; tie groups of sizes 2, 4, 2 give
        // Var U = 36/12 (13 - (6 + 60 + 6) / 132) = 37.3636; z = (|34.5 - 18| - 0.5) / sqrt(Var) = 2.6176;
        // p = 2 (1 - Phi(z)) = 0.0088563, worked by hand (continuity correction 0.5).
        MannWhitney.Result r = MannWhitney.test(new double[] {1, 2, 2, 3, 3, 3}, new double[] {3, 4, 4, 5, 6, 7});
        assertTrue(r.ties());
        assertFalse(r.exact());
        assertEquals(34.5, r.u(), 0);
        assertEquals(0.008856284285235978, r.p(), 1e-9);
    }

    @Test
    void minimumPSaysWhenTheTestCanNeverReachFivePercent() {
        assertEquals(2.0 / 6, MannWhitney.minimumP(2, 2), 1e-15);
        assertEquals(0.1, MannWhitney.minimumP(3, 3), 1e-15);
        assertEquals(2.0 / 70, MannWhitney.minimumP(4, 4), 1e-15);
        assertEquals(2.0 / 56, MannWhitney.minimumP(3, 5), 1e-15);
        assertEquals(1.0, MannWhitney.minimumP(1, 1), 0);
        assertEquals(4, MannWhitney.samplesNeeded(0.05));
        assertEquals(5, MannWhitney.samplesNeeded(0.01));
    }

    @Test
    void welchDegreesOfFreedomOfTheTextbookExample() {
        // Welch's t-test, example 1 on Wikipedia: two samples of 15, variances 7.867 and 3.813, nu = 24.99
        // (t = -2.46).
        double[] a = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
        double[] b = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
        double va = RatioOfMeans.variance(a, RatioOfMeans.mean(a));
        double vb = RatioOfMeans.variance(b, RatioOfMeans.mean(b));
        assertEquals(7.867428571428573, va, 1e-9);
        assertEquals(3.8126666666666678, vb, 1e-9);
        assertEquals(24.98852929023142, RatioOfMeans.welchDf(va / 15, 15, vb / 15, 15), 1e-9);
        // Equal variances and sizes: n1 + n2 - 2.
        assertEquals(18, RatioOfMeans.welchDf(1, 10, 1, 10), 1e-12);
    }

    @Test
    void ratioIntervalWorkedByHand() {
        // x = 1 2 3: mean 2, s^2 = 1; y = 2 4 6: mean 4, s^2 = 4. Squared CVs of the means: 1/(3*4) and
        // 4/(3*16), both 1/12: SE = sqrt(1/6), df = (1/6)^2 / (2 (1/12)^2 / 2) = 4, t(0.975, 4) = 2.776445.
        // CI = 2 exp(-+ 2.776445 sqrt(1/6)) = 0.64382 .. 6.21289.
        RatioOfMeans.Result r = RatioOfMeans.of(new double[] {1, 2, 3}, new double[] {2, 4, 6}, 0.95);
        assertEquals(2.0, r.ratio(), 1e-12);
        assertEquals(4.0, r.df(), 1e-12);
        assertEquals(Math.sqrt(1.0 / 6), r.logSe(), 1e-12);
        assertEquals(0.643822773484564, r.ci().lo(), 1e-9);
        assertEquals(6.212889889481212, r.ci().hi(), 1e-9);
        // Symmetric on the log scale: lo * hi = ratio^2.
        assertEquals(4.0, r.ci().lo() * r.ci().hi(), 1e-9);
    }

    @Test
    void constantSamplesGiveAPointInterval() {
        RatioOfMeans.Result r = RatioOfMeans.of(new double[] {2, 2}, new double[] {3, 3}, 0.95);
        assertEquals(1.5, r.ci().lo(), 0);
        assertEquals(1.5, r.ci().hi(), 0);
        assertThrows(IllegalArgumentException.class, () -> RatioOfMeans.of(new double[] {1}, new double[] {1, 2}, 0.95));
    }
}
