package io.gluebench.workload.builtin;

import io.gluebench.workload.Compound;
import io.gluebench.workload.WorkloadInput;

/**
 * A built-in workload whose answer has more than one part ({@link Compound}): its reference is the
 * compound answer, and the timed call's 64 bits are that answer's summary.
 */
public abstract class CompoundWorkload<I extends WorkloadInput> extends BuiltinWorkload<I> {

    protected CompoundWorkload(Class<I> inputType, Facts facts) {
        super(inputType, facts);
    }

    /** The reference's compound answer. */
    protected abstract Compound compound(I input);

    @Override
    protected final long reference(I input) {
        return compound(input).summary();
    }

    @Override
    public final Compound referenceCompound(WorkloadInput input) {
        return compound(cast(input));
    }
}
