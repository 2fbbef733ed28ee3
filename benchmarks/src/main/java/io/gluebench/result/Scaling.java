package io.gluebench.result;

import java.util.List;

/**
 * Throughput of one pattern with 1, 2, ... concurrent callers (JMH threads), each caller with its
 * own interpreter or worker, measured in one run on one workload and size.
 *
 * @param threads      the caller counts, in order
 * @param opsPerSecond total calls per second at each count (null where that count failed)
 * @param errors       JMH's 99.9% half-width of each throughput, same unit
 * @param factor       throughput at the largest count over throughput with one caller: near 1 for a
 *                     pattern serialised by a lock (the GIL), near the count for independent callers
 */
public record Scaling(
        String pattern,
        String workload,
        int size,
        String status,
        List<Integer> threads,
        List<Double> opsPerSecond,
        List<Double> errors,
        Double factor,
        String reason,
        List<String> jmhFiles) {

    public Scaling {
        threads = threads == null ? List.of() : List.copyOf(threads);
        opsPerSecond = opsPerSecond == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(opsPerSecond));
        errors = errors == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(errors));
        jmhFiles = jmhFiles == null ? List.of() : List.copyOf(jmhFiles);
    }

    public boolean isOk() {
        return Point.OK.equals(status);
    }

    /** One phrase reading the factor against the largest caller count, or null without a factor. */
    public String reading() {
        if (factor == null || threads.isEmpty()) {
            return null;
        }
        int most = threads.get(threads.size() - 1);
        double perfect = most;
        if (factor < 1 + 0.3 * (perfect - 1)) {
            return "serialised: the callers wait for one another (one lock, e.g. the GIL)";
        }
        if (factor >= 1 + 0.7 * (perfect - 1)) {
            return "parallel: each caller's work runs on its own core";
        }
        return "partly parallel";
    }
}
