package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Growth per hour from a soak's samples: a leak is seen, a plateau after warm-up is not, noise is no verdict. */
class GrowthTest {
    private static final double MIB = 1 << 20;

    @Test
    void aSteadyLeakIsReadAsGrowthPerHourWithItsInterval() {
        double[] t = new double[180];
        double[] b = new double[180];
        Random rnd = new Random(1);
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 10;                                  // 30 minutes, every 10 s
            b[i] = (300 + 20 * t[i] / 3600) * MIB + rnd.nextGaussian() * 0.2 * MIB;   // +20 MiB/h
        }
        Growth.Fit f = Growth.of(t, b);
        assertEquals("grows", f.verdict(), f.text());
        assertTrue(f.lo() < 20 && 20 < f.hi(), "the interval holds the true slope: " + f.text());
        assertEquals(20, f.mibPerHour(), 1.0);
    }

    @Test
    void aRampDuringWarmUpThenAPlateauIsFlat() {
        double[] t = new double[180];
        double[] b = new double[180];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 10;
            b[i] = (t[i] < 300 ? 200 + 100 * t[i] / 300 : 300) * MIB + (i % 3) * 4096;   // fills up in 5 min, then holds
        }
        Growth.Fit f = Growth.of(t, b);
        assertEquals("flat", f.verdict(), f.text());
        assertTrue(Math.abs(f.mibPerHour()) < 1, f.text());
    }

    @Test
    void noiseAsLargeAsTheSlopeGivesNoVerdict() {
        double[] t = new double[60];
        double[] b = new double[60];
        Random rnd = new Random(7);
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 10;
            b[i] = (300 + 5 * t[i] / 3600) * MIB + rnd.nextGaussian() * 40 * MIB;
        }
        Growth.Fit f = Growth.of(t, b);
        assertEquals("inconclusive", f.verdict(), f.text());
        assertTrue(f.lo() < 0 && f.hi() > 0, f.text());
    }
}
