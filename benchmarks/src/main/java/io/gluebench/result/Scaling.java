package io.gluebench.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Throughput of one pattern with 1, 2, ... concurrent callers (JMH threads), each caller with its
 * own interpreter or worker, measured in one run on one workload and size, in several forks per
 * count run in a seeded, interleaved order.
 *
 * <p>Runs written before the forks (one fork per count) have no {@code forkSamples},
 * {@code factorLow}, {@code factorHigh} or {@code verdict}; their {@code errors} are JMH's 99.9%
 * half-widths of one fork.
 *
 * @param threads      the caller counts, in order
 * @param opsPerSecond total calls per second at each count: the mean of the fork means (null where
 *                     that count failed)
 * @param errors       the half-width of each count's 95% two-level interval (forks, then iterations),
 *                     same unit; in older runs JMH's 99.9% half-width of one fork
 * @param factor       throughput at the largest measured count over throughput with one caller: near
 *                     1 for a pattern serialised by a lock (the GIL), near the count for independent
 *                     callers
 * @param forkSamples  the iteration throughputs (calls/s) indexed [count][fork][iteration]; a fork
 *                     that did not run or failed holds no samples; null in older runs
 * @param factorLow    the 95% interval of the factor (forks resampled first, then iterations), or
 *                     null without one
 * @param factorHigh   its upper end, or null
 * @param verdict      the factor read against serialised (×1) and parallel (×count) with its
 *                     interval, as written when measured; "inconclusive: ..." when the interval
 *                     cannot tell them apart; null in older runs and where no factor was measured
 */
public record Scaling(
        String pattern,
        String workload,
        int size,
        Status status,
        List<Integer> threads,
        List<Double> opsPerSecond,
        List<Double> errors,
        Double factor,
        String reason,
        List<String> jmhFiles,
        List<List<List<Double>>> forkSamples,
        Double factorLow,
        Double factorHigh,
        String verdict) {

    public Scaling {
        threads = threads == null ? List.of() : List.copyOf(threads);
        opsPerSecond = opsPerSecond == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(opsPerSecond));
        errors = errors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(errors));
        jmhFiles = jmhFiles == null ? List.of() : List.copyOf(jmhFiles);
        forkSamples = forkSamples == null ? null : copy(forkSamples);
    }

    /** A measurement without forks or an interval: skipped or failed before any fork, or an older run's. */
    public Scaling(String pattern, String workload, int size, Status status, List<Integer> threads,
            List<Double> opsPerSecond, List<Double> errors, Double factor, String reason, List<String> jmhFiles) {
        this(pattern, workload, size, status, threads, opsPerSecond, errors, factor, reason, jmhFiles, null, null, null,
                null);
    }

    public boolean isOk() {
        return Point.OK.equals(status);
    }

    /** Whether the factor has an interval (runs measured in forks). */
    public boolean hasInterval() {
        return factor != null && factorLow != null && factorHigh != null;
    }

    /** The caller count the factor refers to (the largest with a throughput), or null without a factor. */
    public Integer factorCount() {
        if (factor == null) {
            return null;
        }
        for (int i = Math.min(opsPerSecond.size(), threads.size()) - 1; i > 0; i--) {
            if (opsPerSecond.get(i) != null) {
                return threads.get(i);
            }
        }
        return threads.isEmpty() ? null : threads.get(threads.size() - 1);
    }

    /** Unmodifiable copies at every level; null entries are kept for the validator to name. */
    private static List<List<List<Double>>> copy(List<List<List<Double>>> in) {
        List<List<List<Double>>> out = new ArrayList<>();
        for (List<List<Double>> count : in) {
            if (count == null) {
                out.add(null);
                continue;
            }
            List<List<Double>> forks = new ArrayList<>();
            for (List<Double> fork : count) {
                forks.add(fork == null ? null : Collections.unmodifiableList(new ArrayList<>(fork)));
            }
            out.add(Collections.unmodifiableList(forks));
        }
        return Collections.unmodifiableList(out);
    }
}
