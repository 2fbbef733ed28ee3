package io.gluebench.result;

/**
 * Which side of the glue-or-compute question a pattern is on: CPython running the Python
 * ({@link #INTERPRETED}), Python that calls native code such as numpy or our C kernel
 * ({@link #NATIVE_BACKED}), or {@link #NEITHER}: Java itself, Java calling C, the Python on the JVM,
 * or a labelled anti-pattern (a way to get a side wrong, not the side's best).
 */
public enum Side {
    INTERPRETED,
    NATIVE_BACKED,
    NEITHER;

    /** The index of a side that takes part (0 interpreted, 1 native-backed), for two-slot tables. */
    public int slot() {
        if (this == NEITHER) {
            throw new IllegalStateException("no slot: the pattern takes no side");
        }
        return ordinal();
    }

    public boolean takesPart() {
        return this != NEITHER;
    }
}
