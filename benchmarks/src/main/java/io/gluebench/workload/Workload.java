package io.gluebench.workload;

import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One computation with a size parameter N: how its input is generated, what its reference answer
 * is, and how an answer is compared with it.
 *
 * @param name         the workload's id, as used on the command line and in result files
 * @param summary      one line on what it computes and what it stresses
 * @param sizeMeaning  what N counts
 * @param complexity   the work as a function of N, e.g. "N"; the cost model's f(N)
 * @param resultKind   how the answer is carried
 * @param tolerance    the comparison rule
 * @param pythonModule the pure-Python file under python-workloads/gluebench_py/workloads/
 * @param generator    builds the input for N (deterministic, fixed seed)
 * @param reference    the oracle: the answer's raw bits for an input
 * @param errorScale   the magnitude a floating-point error is measured against
 * @param bytesPerCall what crosses the boundary per call, as a function of N (text)
 * @param noNumpy      why there is no numpy variant, or null when there is one
 * @param minSize      the smallest N that makes sense, inclusive
 * @param maxSize      the largest N that makes sense (fannkuch's N! explodes), inclusive
 * @param compoundReference the oracle of a compound result (see {@link ResultKind#isCompound()}),
 *                     null for scalar results; {@code reference} then returns its summary
 */
public record Workload(
        String name,
        String summary,
        String sizeMeaning,
        String complexity,
        ResultKind resultKind,
        Tolerance tolerance,
        String pythonModule,
        IntFunction<WorkloadInput> generator,
        ToLongFunction<WorkloadInput> reference,
        ToDoubleFunction<WorkloadInput> errorScale,
        String bytesPerCall,
        String noNumpy,
        int minSize,
        int maxSize,
        Function<WorkloadInput, Compound> compoundReference) {

    public Workload {
        if (resultKind.isCompound() != (compoundReference != null)) {
            throw new IllegalArgumentException(name + ": a compound result kind needs a compound reference, "
                    + "and only it");
        }
    }

    /** A workload with a scalar result. */
    public Workload(String name, String summary, String sizeMeaning, String complexity, ResultKind resultKind,
            Tolerance tolerance, String pythonModule, IntFunction<WorkloadInput> generator,
            ToLongFunction<WorkloadInput> reference, ToDoubleFunction<WorkloadInput> errorScale,
            String bytesPerCall, String noNumpy, int minSize, int maxSize) {
        this(name, summary, sizeMeaning, complexity, resultKind, tolerance, pythonModule, generator, reference,
                errorScale, bytesPerCall, noNumpy, minSize, maxSize, null);
    }

    public static final long SEED = 42L;

    public WorkloadInput input(int size) {
        if (size < minSize || size > maxSize) {
            throw new IllegalArgumentException(name + " needs " + minSize + " <= N <= " + maxSize + ", got " + size);
        }
        return generator.apply(size);
    }

    public long referenceBits(WorkloadInput input) {
        return reference.applyAsLong(input);
    }

    public boolean agrees(WorkloadInput input, long expectedBits, long actualBits) {
        return tolerance.agrees(resultKind, expectedBits, actualBits, errorScale.applyAsDouble(input));
    }

    /** The Java reference's compound answer; only for compound result kinds. */
    public Compound referenceCompound(WorkloadInput input) {
        if (compoundReference == null) {
            throw new IllegalStateException(name + " has a scalar result");
        }
        return compoundReference.apply(input);
    }

    /** Whether a compound answer agrees with the expected one under this workload's rule. */
    public boolean agrees(WorkloadInput input, Compound expected, Compound actual) {
        return actual != null && expected.agrees(actual, tolerance, errorScale.applyAsDouble(input));
    }

    /** The Java reference's answer as one line of text. */
    public String referenceText(WorkloadInput input) {
        return resultKind.isCompound() ? referenceCompound(input).format() : resultKind.format(referenceBits(input));
    }

    public boolean hasNumpyVariant() {
        return noNumpy == null;
    }

    /** The function the pure-Python module defines; the same name as the workload. */
    public String pythonFunction() {
        return name;
    }
}
