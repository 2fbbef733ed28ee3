package io.gluebench.workload;

/**
 * How a workload's result is carried through a timed call: as the raw 64 bits of a long or of a
 * double, so that no call boxes its answer.
 */
public enum ResultKind {
    INT64, FLOAT64;

    public static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** The result as a JSON-friendly number. */
    public Number decode(long bits) {
        return this == INT64 ? (Number) bits : (Number) Double.longBitsToDouble(bits);
    }

    public String format(long bits) {
        return this == INT64 ? Long.toString(bits) : Double.toString(Double.longBitsToDouble(bits));
    }
}
