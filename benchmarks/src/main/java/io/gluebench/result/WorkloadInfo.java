package io.gluebench.result;

/**
 * What a run knows about a workload.
 *
 * @param complexity f(N) of the cost model t(N) = a + b f(N): "N", "N log N", "N^2", "N^3" or "1"
 * @param tolerance  the relative tolerance answers were verified under (0: exact), null if unknown
 * @param sourceHash a content hash of the sources that define the workload (its pure-Python module,
 *                   the numpy kernels and the Java inputs and reference), null if unknown; runs
 *                   whose hashes differ did not run the same workload
 */
public record WorkloadInfo(String name, String sizeMeaning, String complexity, String summary, Double tolerance,
        String sourceHash) {

    /** A workload described without its tolerance or source hash (older runs, imported results). */
    public WorkloadInfo(String name, String sizeMeaning, String complexity, String summary) {
        this(name, sizeMeaning, complexity, summary, null, null);
    }
}
