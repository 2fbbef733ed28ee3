package io.gluebench.workload;

/**
 * The comparison rule of a workload: exact, or a relative tolerance with the reason for it.
 *
 * @param relative 0 for exact comparison
 * @param reason   why the tolerance is what it is
 */
public record Tolerance(double relative, String reason) {
    public static Tolerance exact(String reason) {
        return new Tolerance(0.0, reason);
    }

    /**
     * @param scale the magnitude the error is measured against: |expected| for most workloads, a
     *              larger natural scale where cancellation can make the result itself tiny
     */
    public boolean agrees(ResultKind kind, long expectedBits, long actualBits, double scale) {
        if (kind != ResultKind.FLOAT64 || relative == 0.0) {
            return expectedBits == actualBits
                    || (kind == ResultKind.FLOAT64
                        && Double.longBitsToDouble(expectedBits) == Double.longBitsToDouble(actualBits));
        }
        double expected = Double.longBitsToDouble(expectedBits);
        double actual = Double.longBitsToDouble(actualBits);
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        double against = Math.max(Math.max(Math.abs(expected), scale), Double.MIN_NORMAL);
        return Math.abs(expected - actual) <= relative * against;
    }
}
