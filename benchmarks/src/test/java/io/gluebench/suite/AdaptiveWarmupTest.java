package io.gluebench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.pattern.Call;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The adaptive warm-up waits for a steady time and, where the engine reports them, for its JIT to go quiet. */
class AdaptiveWarmupTest {
    /** A call whose time is flat from the first batch: a spin of about 20 µs. */
    private static final Call FLAT = () -> {
        long end = System.nanoTime() + 20_000;
        long x = 0;
        while (System.nanoTime() < end) {
            x++;
        }
        return x;
    };

    @Test
    void aQuietWindowIsOneWithoutACompilation() {
        assertTrue(AdaptiveWarmup.jitQuiet(List.of(-1L, -1L), 5), "an engine that reports nothing never holds warm-up");
        assertFalse(AdaptiveWarmup.jitQuiet(List.of(3L, 3L, 3L), 3), "shorter than the window");
        assertTrue(AdaptiveWarmup.jitQuiet(List.of(1L, 3L, 3L, 3L, 3L), 3));
        assertFalse(AdaptiveWarmup.jitQuiet(List.of(1L, 3L, 3L, 4L, 4L), 3), "a compilation inside the window");
        assertTrue(AdaptiveWarmup.jitQuiet(List.of(1L, 2L, 2L, 2L, 2L), 3), "the last compilation just before the window");
    }

    @Test
    void aFlatCallStopsSoonWithoutCompilations() throws Exception {
        AdaptiveWarmup w = new AdaptiveWarmup(5, 0, 3000);
        AdaptiveWarmup.Series s = w.run(FLAT);
        assertTrue(s.seconds() < 2.5, "stopped at the first steady window, not the cap: " + s.seconds() + " s");
        assertNull(s.compilations(), "no count when the engine reports none");
    }

    @Test
    void aMovingCompilationCountHoldsWarmUpUntilItStops() throws Exception {
        // The time is flat throughout, but the engine reports a compilation in every batch for the first 0.6 s.
        long start = System.nanoTime();
        AtomicLong count = new AtomicLong();
        java.util.function.LongSupplier compilations = () -> {
            if (System.nanoTime() - start < 600_000_000L) {
                return count.incrementAndGet();
            }
            return count.get();
        };
        AdaptiveWarmup w = new AdaptiveWarmup(5, 0, 5000);
        AdaptiveWarmup.Series s = w.run(FLAT, compilations);
        // The window is at least 20 batches of 5 ms after the last compilation at 0.6 s.
        assertTrue(s.seconds() >= 0.7, "warm-up ended while the JIT was still compiling: " + s.seconds() + " s");
        assertTrue(s.seconds() < 4.5, "and ended once it was quiet, not at the cap: " + s.seconds() + " s");
        assertEquals(count.get() - 1, s.compilations(), "the compilations during warm-up are counted");
    }

    @Test
    void aCountThatNeverStopsRunsToTheCap() throws Exception {
        AtomicLong count = new AtomicLong();
        AdaptiveWarmup w = new AdaptiveWarmup(5, 0, 400);
        AdaptiveWarmup.Series s = w.run(FLAT, count::incrementAndGet);
        assertTrue(s.seconds() >= 0.4, "held to the cap: " + s.seconds() + " s");
    }
}
