package io.gluebench.workload;

import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A built-in workload of the catalogue ({@link Workloads}): its input generator and Java reference
 * given as functions.
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
public record CatalogWorkload(
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
        Function<WorkloadInput, Compound> compoundReference) implements Workload {

    public CatalogWorkload {
        if (resultKind.isCompound() != (compoundReference != null)) {
            throw new IllegalArgumentException(name + ": a compound result kind needs a compound reference, "
                    + "and only it");
        }
    }

    /** A workload with a scalar result. */
    public CatalogWorkload(String name, String summary, String sizeMeaning, String complexity, ResultKind resultKind,
            Tolerance tolerance, String pythonModule, IntFunction<WorkloadInput> generator,
            ToLongFunction<WorkloadInput> reference, ToDoubleFunction<WorkloadInput> errorScale,
            String bytesPerCall, String noNumpy, int minSize, int maxSize) {
        this(name, summary, sizeMeaning, complexity, resultKind, tolerance, pythonModule, generator, reference,
                errorScale, bytesPerCall, noNumpy, minSize, maxSize, null);
    }

    @Override
    public WorkloadInput input(int size) {
        if (size < minSize || size > maxSize) {
            throw new IllegalArgumentException(name + " needs " + minSize + " <= N <= " + maxSize + ", got " + size);
        }
        return generator.apply(size);
    }

    @Override
    public long referenceBits(WorkloadInput input) {
        return reference.applyAsLong(input);
    }

    @Override
    public double errorScale(WorkloadInput input) {
        return errorScale.applyAsDouble(input);
    }

    @Override
    public Compound referenceCompound(WorkloadInput input) {
        if (compoundReference == null) {
            throw new IllegalStateException(name + " has a scalar result");
        }
        return compoundReference.apply(input);
    }
}
