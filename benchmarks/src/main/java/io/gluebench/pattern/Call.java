package io.gluebench.pattern;

import io.gluebench.workload.Compound;

/**
 * The timed call: one crossing and back. Returns the answer's raw 64 bits (see ResultKind) so that
 * nothing is boxed on the hot path. A call for a compound result decodes it into a {@link Compound}
 * (see {@link CompoundCall}), keeps it for {@link #compound()} and returns its summary.
 */
@FunctionalInterface
public interface Call {
    long invoke() throws Exception;

    /** The compound answer of the last invoke, or null for scalar results. */
    default Compound compound() {
        return null;
    }
}
