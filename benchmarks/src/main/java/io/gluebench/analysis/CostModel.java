package io.gluebench.analysis;

/**
 * A fitted cost model t(N) = a + b f(N) for one (workload, pattern), in ns.
 *
 * @param fixedNs        a: the fixed cost of one call, the orchestration overhead
 * @param fixedCi        a's bootstrap interval (over the raw JMH iteration samples)
 * @param perUnitNs      b: ns per unit of f(N)
 * @param perUnitCi      b's bootstrap interval
 * @param rSquared       weighted R² of the fit
 * @param maxRelResidual the largest |measured - model| / measured over the points
 * @param fits           false when the model does not describe the points (then it is not used
 *                       to predict or to place crossovers)
 * @param misfit         why it does not fit, in a sentence; empty when it fits
 * @param minSize        smallest measured N
 * @param maxSize        largest measured N
 * @param points         how many sizes were fitted
 */
public record CostModel(
        String workload,
        String pattern,
        Complexity complexity,
        double fixedNs,
        Interval fixedCi,
        double perUnitNs,
        Interval perUnitCi,
        double rSquared,
        double maxRelResidual,
        boolean fits,
        String misfit,
        int minSize,
        int maxSize,
        int points) {

    public double predict(double n) {
        return fixedNs + perUnitNs * complexity.apply(n);
    }

    /** The share of one call at N that is fixed cost: a / t(N). */
    public double overheadShare(double n) {
        double t = predict(n);
        return t <= 0 ? 1.0 : Math.max(0, Math.min(1, fixedNs / t));
    }

    /** True when N lies more than 4x outside the measured range. */
    public boolean extrapolates(double n) {
        return n > 4.0 * Math.max(maxSize, 1) || (minSize > 0 && n < minSize / 4.0);
    }
}
