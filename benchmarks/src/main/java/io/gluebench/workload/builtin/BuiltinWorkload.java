package io.gluebench.workload.builtin;

import io.gluebench.workload.Compound;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;

/**
 * A built-in workload: one class per computation, holding its facts, its seeded input generator and
 * its Java reference (the correctness oracle of every pattern, and the `java` pattern itself). The
 * list of them is {@link io.gluebench.workload.Workloads#ALL}; copy {@link Dot} to add one.
 *
 * <p>A reference is the plain sequential algorithm, a public static method of the class;
 * floating-point sums run left to right so that the C kernel and the pure-Python source can match it
 * bit for bit.
 *
 * <p>Its other sources are found by its name: the pure-Python module ({@link Facts#pythonModule()})
 * under python-workloads/gluebench_py/workloads/, the numpy kernel {@link #numpyKernel()} in
 * python-workloads/gluebench_py/numpy_kernels.py, and the C kernel {@link #cKernel()} declared in
 * native/include/gluebench.h.
 *
 * @param <I> the record of the sealed {@link WorkloadInput} it takes
 */
public abstract class BuiltinWorkload<I extends WorkloadInput> implements Workload {

    /**
     * What a built-in workload is, as {@code ./gluebench list} and docs/workloads.md show it.
     *
     * @param name         the workload's id, as used on the command line and in result files
     * @param summary      one line on what it computes and what it stresses
     * @param sizeMeaning  what N counts
     * @param complexity   the work as a function of N, e.g. "N"; the cost model's f(N)
     * @param minSize      the smallest N that makes sense, inclusive
     * @param maxSize      the largest N that makes sense (fannkuch's N! explodes), inclusive
     * @param resultKind   how the answer is carried
     * @param tolerance    the comparison rule, with its reason
     * @param bytesPerCall what crosses the boundary per call, as a function of N (text)
     * @param pythonModule the pure-Python file under python-workloads/gluebench_py/workloads/
     * @param noNumpy      why there is no numpy variant, or null when there is one
     */
    public record Facts(String name, String summary, String sizeMeaning, String complexity, int minSize, int maxSize,
            ResultKind resultKind, Tolerance tolerance, String bytesPerCall, String pythonModule, String noNumpy) {
    }

    private final Class<I> inputType;
    private final Facts facts;

    protected BuiltinWorkload(Class<I> inputType, Facts facts) {
        if (facts.resultKind().isCompound() != (this instanceof CompoundWorkload)) {
            throw new IllegalArgumentException(facts.name() + ": a compound result kind needs a CompoundWorkload, "
                    + "and only it");
        }
        this.inputType = inputType;
        this.facts = facts;
    }

    /** The input for N, already checked to be within the size range: deterministic, from {@link #SEED}. */
    protected abstract I generate(int size);

    /** The reference answer's raw bits (a compound answer's summary). */
    protected abstract long reference(I input);

    /** The record of {@link WorkloadInput} this workload takes. */
    public Class<I> inputType() {
        return inputType;
    }

    @Override
    public String name() {
        return facts.name();
    }

    @Override
    public String summary() {
        return facts.summary();
    }

    @Override
    public String sizeMeaning() {
        return facts.sizeMeaning();
    }

    @Override
    public String complexity() {
        return facts.complexity();
    }

    @Override
    public ResultKind resultKind() {
        return facts.resultKind();
    }

    @Override
    public Tolerance tolerance() {
        return facts.tolerance();
    }

    @Override
    public String pythonModule() {
        return facts.pythonModule();
    }

    @Override
    public String bytesPerCall() {
        return facts.bytesPerCall();
    }

    @Override
    public String noNumpy() {
        return facts.noNumpy();
    }

    @Override
    public int minSize() {
        return facts.minSize();
    }

    @Override
    public int maxSize() {
        return facts.maxSize();
    }

    /** The numpy variant's function in numpy_kernels.py, or null when there is none. */
    public String numpyKernel() {
        return hasNumpyVariant() ? name() + "_np" : null;
    }

    /** The C kernel's function in native/include/gluebench.h, bound by JNI, FFM and the CPython extension. */
    public String cKernel() {
        return "gb_" + name();
    }

    @Override
    public final WorkloadInput input(int size) {
        if (size < minSize() || size > maxSize()) {
            throw new IllegalArgumentException(name() + " needs " + minSize() + " <= N <= " + maxSize() + ", got " + size);
        }
        return generate(size);
    }

    @Override
    public final long referenceBits(WorkloadInput input) {
        return reference(cast(input));
    }

    /** 0: the tolerance is measured against the answer itself. A sum prone to cancellation overrides it. */
    @Override
    public double errorScale(WorkloadInput input) {
        return 0.0;
    }

    @Override
    public Compound referenceCompound(WorkloadInput input) {
        throw new IllegalStateException(name() + " has a scalar result");
    }

    /** The input as this workload's own record; any other is a caller's mistake. */
    protected final I cast(WorkloadInput input) {
        if (!inputType.isInstance(input)) {
            throw new IllegalArgumentException(name() + " takes a WorkloadInput." + inputType.getSimpleName()
                    + ", not " + (input == null ? "null" : "a WorkloadInput." + input.getClass().getSimpleName()));
        }
        return inputType.cast(input);
    }

    /** Built-in workloads hold no state of their own: two of the same class are the same workload. */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
