package io.gluebench.suite;

import io.gluebench.analysis.SteadyState;
import io.gluebench.pattern.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Warms a verified call until its time per call is steady, instead of for a fixed time: calls are
 * timed in batches of about {@code batchMillis}, and after each batch the series of batch means is
 * tested with {@link SteadyState#reached}. It stops at the first steady window once {@code minMillis}
 * have passed, or at {@code capMillis} whatever the series does (the harness then labels the fork by
 * its whole series). So GraalPy gets the seconds its JIT needs and plain Java does not wait for them.
 *
 * <p>When the pattern's engine reports its JIT compilations (GraalPy's Truffle does), warm-up also
 * waits until no compilation finished, failed or was invalidated during the steady window: Truffle
 * steps down through compiled tiers seconds apart, and the time series alone looks steady on the
 * plateau between two tiers (GraalPy nbody sits at about twice its final time for seconds).
 *
 * <p>Runs in the trial set-up, before JMH's own (short) warm-up and its measurement; nothing here is
 * part of a reported time except as the fork's warm-up curve.
 */
final class AdaptiveWarmup {
    /**
     * The steady window, in batches: at least this many, and at least a third of the batches so
     * far, must sit in one level that is not falling before warm-up ends. Twenty keeps the slope
     * test's own noise from ending a warm-up early; the third keeps a long warm-up (GraalPy's JIT
     * steps down through plateaus of seconds) from stopping on a plateau much shorter than its past.
     */
    static final int MIN_WINDOW = 20;

    private final long batchNanos;
    private final long minNanos;
    private final long capNanos;

    /**
     * The result: each batch's mean time per call (ns), the warm-up's length, the compilations the
     * engine reported during the warm-up (null when it reports none) and, filled in after JMH has
     * measured, those during the measurement.
     */
    record Series(List<Double> batches, double seconds, Long compilations, Long measuredCompilations) {
        Series withMeasured(Long measured) {
            return new Series(batches, seconds, compilations, measured);
        }
    }

    AdaptiveWarmup(int batchMillis, int minMillis, int capMillis) {
        this.batchNanos = batchMillis * 1_000_000L;
        this.minNanos = minMillis * 1_000_000L;
        this.capNanos = capMillis * 1_000_000L;
    }

    /** "batch,min,cap" in milliseconds (the fork's -Dgluebench.warmup), or null when absent. */
    static AdaptiveWarmup parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] f = spec.split(",");
        if (f.length != 3) {
            throw new IllegalArgumentException("gluebench.warmup must be batch,min,cap in ms, got " + spec);
        }
        return new AdaptiveWarmup(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()), Integer.parseInt(f[2].trim()));
    }

    Series run(Call call) throws Exception {
        return run(call, () -> -1);
    }

    /** As {@link #run(Call)}, also waiting for {@code compilations} (-1: not reported) to stop moving. */
    Series run(Call call, LongSupplier compilations) throws Exception {
        List<Double> batches = new ArrayList<>();
        List<Long> compiled = new ArrayList<>();
        long compiledBefore = compilations.getAsLong();
        long sink = 0;
        long start = System.nanoTime();
        while (true) {
            TimedBatch b = TimedBatch.until(call, System.nanoTime() + batchNanos);
            sink ^= b.sink();
            batches.add(b.nanosPerCall());
            compiled.add(compilations.getAsLong());
            long elapsed = b.endNanos() - start;
            if (elapsed >= capNanos) {
                break;
            }
            int window = Math.max(MIN_WINDOW, batches.size() / 3);
            if (elapsed >= minNanos && batches.size() >= window + 2
                    && jitQuiet(compiled, window)
                    && SteadyState.reached(toArray(batches), window, window + 2)) {
                break;
            }
        }
        consume(sink);
        long compiledAfter = compilations.getAsLong();
        return new Series(batches, (System.nanoTime() - start) / 1e9,
                compiledBefore < 0 ? null : compiledAfter - compiledBefore, null);
    }

    /** True when the engine reported no compilation during the last {@code window} batches (or reports none). */
    static boolean jitQuiet(List<Long> compiled, int window) {
        int n = compiled.size();
        if (n == 0 || compiled.get(n - 1) < 0) {
            return true;
        }
        return n > window && compiled.get(n - 1 - window).equals(compiled.get(n - 1));
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Keeps the calls' answers alive so that no compiler can drop the calls. */
    private static volatile long sinkHole;

    private static void consume(long v) {
        sinkHole = v;
    }
}
