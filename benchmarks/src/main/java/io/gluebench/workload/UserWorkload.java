package io.gluebench.workload;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload from the user's own Python file (./gluebench run --workload-file F): its function
 * {@code compute(data)}, and optionally {@code compute_numpy(data)}, timed through every pattern that
 * runs Python 3 code. The input is one of the built-in {@link Shape}s, generated in Java and carried
 * as for the built-in workload of that shape; the reference answer is CPython's own {@code compute},
 * computed once per size in a plain CPython process before anything is timed ({@code references}).
 *
 * <p>The harness writes these to the run folder (user-workloads.json) and its forks read them from
 * there ({@link Workloads#USER_PROPERTY}), so a fork needs no CPython to know the answer.
 *
 * @param complexity  the declared COMPLEXITY, or null: the cost model then picks the best fit
 * @param resultKind  INT64 or FLOAT64, from the type of CPython's answer
 * @param sizes       the sizes N swept (the file's SIZES, else the shape's default)
 * @param tolerance   the comparison rule (before the answers are known: the file's TOLERANCE, or null)
 * @param sizes       the file's SIZES, or empty: the profile's sizes of the built-in workload of its shape
 * @param references  N to the reference answer's raw bits
 * @param notOnPython2 why Jython (Python 2.7) cannot run the file, or null when it can or was not asked
 */
public record UserWorkload(String name, String summary, String sizeMeaning, String complexity, Shape shape,
        ResultKind resultKind, Tolerance tolerance, List<Integer> sizes, Source source, Map<Integer, Long> references,
        String notOnPython2)
        implements Workload {

    /** The entry points the patterns call; gluebench_py/userfile.py defines them for CPython. */
    public static final String ENTRY = "_gluebench_entry";
    public static final String ENTRY_NUMPY = "_gluebench_entry_np";
    /** compute_numpy behind an adapter that makes the shape's arrays from raw bytes (pemja-numpy). */
    public static final String ENTRY_NUMPY_RAW = "_gluebench_entry_np_raw";

    /**
     * The file: its absolute path, the SHA-256 of its content (compare refuses to match points of a
     * changed file) and whether it defines compute_numpy.
     */
    public record Source(String path, String sha256, boolean numpy) {
    }

    public UserWorkload {
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        references = references == null ? Map.of() : new TreeMap<>(references);
    }

    public UserWorkload withReferences(Map<Integer, Long> refs, ResultKind kind, Tolerance tol) {
        return new UserWorkload(name, summary, sizeMeaning, complexity, shape, kind, tol, sizes, source, refs, notOnPython2);
    }

    public UserWorkload withPython2(String why) {
        return new UserWorkload(name, summary, sizeMeaning, complexity, shape, resultKind, tolerance, sizes, source,
                references, why);
    }

    @Override
    public String pythonModule() {
        return source.path();
    }

    @Override
    public String bytesPerCall() {
        return shape.bytesPerCall();
    }

    @Override
    public String noNumpy() {
        return source.numpy() ? null : "the file defines no compute_numpy";
    }

    @Override
    public int minSize() {
        return 0;
    }

    @Override
    public int maxSize() {
        return shape.maxSize();
    }

    @Override
    public WorkloadInput input(int size) {
        if (size < 0 || size > shape.maxSize()) {
            throw new IllegalArgumentException(name + " (shape " + shape.id() + ") needs 0 <= N <= " + shape.maxSize()
                    + ", got " + size);
        }
        return shape.input(size);
    }

    @Override
    public long referenceBits(WorkloadInput input) {
        Long bits = references.get(input.size());
        if (bits == null) {
            throw new IllegalStateException("no CPython reference answer for " + name + " at N=" + input.size()
                    + " (the harness computes them for the planned sizes before it runs)");
        }
        return bits;
    }

    @Override
    public double errorScale(WorkloadInput input) {
        return 0.0;
    }

    @Override
    public Compound referenceCompound(WorkloadInput input) {
        throw new IllegalStateException(name + " has a scalar result");
    }

    @Override
    public String pythonFunction() {
        return ENTRY;
    }

    @Override
    public String numpyFunction() {
        return ENTRY_NUMPY;
    }

    @Override
    public Source userSource() {
        return source;
    }

    /**
     * The lines a Python 2.7 or 3 interpreter runs after the file's own source, so that every pattern
     * calls the entry with the shape's arguments as it calls a built-in workload's function.
     */
    public static String adapter(boolean numpy) {
        String fn = numpy ? "compute_numpy" : "compute";
        return "\n\ndef " + (numpy ? ENTRY_NUMPY : ENTRY) + "(*args):\n"
                + "    return " + fn + "(args[0] if len(args) == 1 else args)\n";
    }
}
