package io.gluebench.suite;

import io.gluebench.pattern.Call;

/**
 * One batch of back-to-back calls, timed with System.nanoTime until a deadline: how many calls,
 * from when to when, and the calls' answers folded into one value the caller keeps alive (so no
 * compiler may drop a call). Shared by the adaptive warm-up and the plain-loop curve.
 */
record TimedBatch(long calls, long startNanos, long endNanos, long sink) {

    /** Calls until System.nanoTime() reaches {@code deadlineNanos} (at least one call). */
    static TimedBatch until(Call call, long deadlineNanos) throws Exception {
        long sink = 0;
        long calls = 0;
        long t0 = System.nanoTime();
        long t1;
        do {
            sink ^= call.invoke();
            calls++;
            t1 = System.nanoTime();
        } while (t1 < deadlineNanos);
        return new TimedBatch(calls, t0, t1, sink);
    }

    /** Mean time per call, ns. */
    double nanosPerCall() {
        return (endNanos - startNanos) / (double) calls;
    }
}
