package io.gluebench.analysis;

/**
 * How much of one measured call is fixed cost: a / t(N), with a from the pattern's cost model and
 * t(N) the measured mean. Near 1 the call is all crossing; near 0 it is all compute.
 */
public record OverheadShare(String workload, String pattern, int size, double measuredNs, double fixedNs, double share) {
}
