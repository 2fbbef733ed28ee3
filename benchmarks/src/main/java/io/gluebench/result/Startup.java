package io.gluebench.result;

import java.util.ArrayList;
import java.util.List;

/**
 * Start-up and warm-up of one pattern, measured apart from the steady state: JMH SingleShotTime,
 * one fresh JVM per fork, each call timed on its own.
 *
 * @param firstResultMillis  per fork: open the pattern (load the library, start the interpreter or
 *                           context, spawn the worker), bind the input, make the first call and check
 *                           its answer against the Java reference
 * @param sinceJvmStartMillis per fork: from the fork JVM's own start to that first checked answer
 * @param curve              time per call, in ns, for calls 2..K (the median over the forks at each
 *                           call index): the warm-up curve
 * @param steadyNanos        the mean time per call of the matching steady-state point, if the run has
 *                           one (same workload, pattern and size), else null
 */
public record Startup(
        String pattern,
        String workload,
        int size,
        Status status,
        int forks,
        int calls,
        List<Double> firstResultMillis,
        List<Double> sinceJvmStartMillis,
        List<Double> curve,
        Double steadyNanos,
        String reason,
        String jmhFile) {

    public Startup {
        firstResultMillis = firstResultMillis == null ? List.of() : List.copyOf(firstResultMillis);
        sinceJvmStartMillis = sinceJvmStartMillis == null ? List.of() : List.copyOf(sinceJvmStartMillis);
        curve = curve == null ? List.of() : List.copyOf(curve);
    }

    public boolean isOk() {
        return Point.OK.equals(status);
    }

    /** The median time to the first checked answer over the forks, or null. */
    public Double medianFirstResultMillis() {
        return median(firstResultMillis);
    }

    public Double medianSinceJvmStartMillis() {
        return median(sinceJvmStartMillis);
    }

    /** The median of the last quarter of the curve: where the first K calls got to, in ns. */
    public Double tailNanos() {
        if (curve.isEmpty()) {
            return null;
        }
        int from = curve.size() - Math.max(1, curve.size() / 4);
        return median(curve.subList(from, curve.size()));
    }

    /** The second call (the first after the checked one), in ns, or null. */
    public Double secondCallNanos() {
        return curve.isEmpty() ? null : curve.get(0);
    }

    public static Double median(List<Double> xs) {
        if (xs == null || xs.isEmpty()) {
            return null;
        }
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
