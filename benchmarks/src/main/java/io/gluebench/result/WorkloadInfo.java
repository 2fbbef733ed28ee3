package io.gluebench.result;

/**
 * What a run knows about a workload.
 *
 * @param complexity f(N) of the cost model t(N) = a + b f(N): "N", "N log N", "N^2", "N^3" or "1"
 */
public record WorkloadInfo(String name, String sizeMeaning, String complexity, String summary) {
}
