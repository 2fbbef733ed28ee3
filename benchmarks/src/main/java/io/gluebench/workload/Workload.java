package io.gluebench.workload;

/**
 * One computation with a size parameter N: how its input is generated, what its reference answer
 * is, and how an answer is compared with it. Each built-in workload is its own class under
 * {@code workload/builtin/} (a {@link io.gluebench.workload.builtin.BuiltinWorkload}, listed in
 * {@link Workloads#ALL}); a workload from the user's Python file is a {@link UserWorkload}.
 */
public interface Workload {
    /** The seed of every input generator. */
    long SEED = 42L;

    /** The workload's id, as used on the command line and in result files. */
    String name();

    /** One line on what it computes and what it stresses. */
    String summary();

    /** What N counts. */
    String sizeMeaning();

    /** The work as a function of N, e.g. "N" (the cost model's f(N)); null when the cost model is to pick it. */
    String complexity();

    /** How the answer is carried. */
    ResultKind resultKind();

    /** The comparison rule. */
    Tolerance tolerance();

    /**
     * The pure-Python source: a file name under python-workloads/gluebench_py/workloads/ for a
     * built-in workload, the absolute path of the user's file for a {@link UserWorkload}.
     */
    String pythonModule();

    /** What crosses the boundary per call, as a function of N (text). */
    String bytesPerCall();

    /** Why there is no numpy variant, or null when there is one. */
    String noNumpy();

    /** The smallest N that makes sense, inclusive. */
    int minSize();

    /** The largest N that makes sense, inclusive. */
    int maxSize();

    /** The input for N: deterministic, from {@link #SEED}. */
    WorkloadInput input(int size);

    /** The reference answer's raw bits for an input (a compound result's summary). */
    long referenceBits(WorkloadInput input);

    /** The magnitude a floating-point error is measured against. */
    double errorScale(WorkloadInput input);

    /** The reference's compound answer; only for compound result kinds. */
    Compound referenceCompound(WorkloadInput input);

    default boolean agrees(WorkloadInput input, long expectedBits, long actualBits) {
        return tolerance().agrees(resultKind(), expectedBits, actualBits, errorScale(input));
    }

    /** Whether a compound answer agrees with the expected one under this workload's rule. */
    default boolean agrees(WorkloadInput input, Compound expected, Compound actual) {
        return actual != null && expected.agrees(actual, tolerance(), errorScale(input));
    }

    /** The reference's answer as one line of text. */
    default String referenceText(WorkloadInput input) {
        return resultKind().isCompound() ? referenceCompound(input).format() : resultKind().format(referenceBits(input));
    }

    default boolean hasNumpyVariant() {
        return noNumpy() == null;
    }

    /** Whether anything but N crosses the boundary for this workload. */
    default boolean carriesData() {
        return switch (input(minSize())) {
            case WorkloadInput.Nbody n -> false;
            case WorkloadInput.Spectralnorm n -> false;
            case WorkloadInput.Mandelbrot n -> false;
            case WorkloadInput.Fannkuch f -> false;
            default -> true;
        };
    }

    /** Whether the input is an array of numbers (bytes or doubles), as opposed to a size, a text or records. */
    default boolean passesArray() {
        return switch (input(minSize())) {
            case WorkloadInput.Echo e -> true;
            case WorkloadInput.Dot d -> true;
            case WorkloadInput.Matmul m -> true;
            case WorkloadInput.Sort s -> true;
            default -> false;
        };
    }

    /** The function the pure-Python source defines; for a built-in workload, its own name. */
    default String pythonFunction() {
        return name();
    }

    /** The function of the numpy variant a pattern calls, for one defined in the workload's own source; else null. */
    default String numpyFunction() {
        return null;
    }

    /** The user's file behind this workload, or null for a built-in one. */
    default UserWorkload.Source userSource() {
        return null;
    }
}
