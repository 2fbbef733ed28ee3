package io.gluebench.workload;

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
 * @param maxSize      the largest N that makes sense (fannkuch's N! explodes), inclusive
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
        int maxSize) {

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

    public boolean hasNumpyVariant() {
        return noNumpy == null;
    }

    /** The function the pure-Python module defines; the same name as the workload. */
    public String pythonFunction() {
        return name;
    }
}
