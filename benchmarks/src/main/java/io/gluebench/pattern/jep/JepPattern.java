package io.gluebench.pattern.jep;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.LoadedLibraries;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.PythonSource;
import io.gluebench.pattern.ThreadConfinedCall;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Sale;
import io.gluebench.workload.UserWorkload;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jep.DirectNDArray;
import jep.Interpreter;
import jep.JepConfig;
import jep.MainInterpreter;
import jep.NDArray;
import jep.SharedInterpreter;

/**
 * The `jep` family: CPython embedded in this JVM through Jep (JNI), one class, one {@link Mode} per
 * pattern.
 *
 * <p>Thread confinement: a Jep interpreter belongs to the thread that created it. This pattern
 * records that thread in {@link #open} and every call checks it, so a harness that moves it to
 * another thread gets a clear error instead of a crash. The JMH state that drives it has
 * Scope.Thread, whose trial setup runs on the benchmark thread.
 *
 * <p>Data: `jep-python` passes the Java arrays, which Jep wraps as jarrays that Python indexes;
 * `jep-numpy` keeps the input in direct buffers handed over as DirectNDArray, which numpy reads in
 * place (no copy per call), the best configuration Jep offers. Strings cross as Python str (Jep
 * copies them); records cross as rows of boxed values for `jep-python` and as a category column
 * plus a direct buffer of amounts for `jep-numpy`. Compound results come back as the Java values
 * Jep converts Python tuples and lists to, turned into records inside the timed call. The labelled
 * variants and anti-patterns are described on {@link Mode}.
 */
public final class JepPattern implements Pattern {

    /** What computes in CPython and how the input crosses. */
    public enum Mode {
        /** `jep-python`: the pure-Python source over Jep jarrays. */
        PYTHON,
        /** `jep-numpy`: the numpy variant over DirectNDArray (no copy). */
        NUMPY,
        /** `jep-numpy-copy`: the numpy variant over jep.NDArray, which Jep copies into a new numpy array per call. */
        NUMPY_COPY,
        /**
         * `jep-list`: Java holds the data as a boxed List (made at bind); per call Jep hands it over
         * as a java.util.List proxy and list() copies it into a Python list (one JNI call and one
         * Python object per element), then the pure-Python source runs on the lists.
         */
        LIST,
        /** `jep-numpy-scalar-loop`: a Python loop calling numpy per element, over DirectNDArray. */
        NUMPY_SCALAR_LOOP,
        /** `jep-native`: the C kernels through the _gluebench_native extension (buffer protocol, no copy). */
        NATIVE,
        /** `jep-ctypes`: the C kernels through ctypes over libgluebench.so, arrays by address. */
        CTYPES
    }

    /** The workloads that have a per-element numpy loop in gluebench_py/numpy_scalar_loop.py. */
    public static final Set<String> SCALAR_LOOP_WORKLOADS = Set.of("echo", "dot", "matmul");

    /**
     * The rule of {@link Mode#LIST}: data that crosses as a text or records has no array to turn into
     * a list (where only N crosses, its catalogue entry says it would equal jep-python).
     */
    public static String listRule(PatternSpec pattern, Workload workload, int size) {
        if (workload.passesArray() || !workload.carriesData()) {
            return null;
        }
        return workload.name() + " passes " + (workload.resultKind() == ResultKind.CATEGORY_SUMS ? "records" : "a text")
                + ", not an array, so " + pattern.name() + " has nothing to turn into a list";
    }

    /** The rule of {@link Mode#LIST} for a user's file: its shape must be an array. */
    public static String listFileRule(PatternSpec pattern, Workload workload, int size) {
        if (workload.passesArray()) {
            return null;
        }
        return pattern.name() + " turns arrays into lists; " + workload.name() + " passes "
                + (workload instanceof UserWorkload u ? u.shape().id() : "no array");
    }

    /** The rule of {@link Mode#NUMPY_SCALAR_LOOP}: it exists for {@link #SCALAR_LOOP_WORKLOADS} only. */
    public static String scalarLoopRule(PatternSpec pattern, Workload workload, int size) {
        if (SCALAR_LOOP_WORKLOADS.contains(workload.name())) {
            return null;
        }
        return "no per-element numpy loop for " + workload.name() + ": " + pattern.name() + " covers "
                + String.join(", ", new java.util.TreeSet<>(SCALAR_LOOP_WORKLOADS)) + ", where such a loop is what people write";
    }

    private final Mode mode;
    private Interpreter interp;
    private Thread owner;
    private PatternEnv env;

    public JepPattern(boolean numpy) {
        this(numpy ? Mode.NUMPY : Mode.PYTHON);
    }

    public JepPattern(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        this.env = env;
        if (LoadedLibraries.mapped("pemja_core.")) {
            throw new PatternException("Jep cannot start CPython in a JVM where PEMJA already runs it;"
                    + " run each in its own JVM (gluebench forks one per point)");
        }
        Path lib = env.jepLibrary();
        if (lib == null || !Files.isRegularFile(lib)) {
            throw new PatternException("Jep's native library is missing (" + lib + "); run ./gluebench setup");
        }
        if (mode == Mode.NATIVE && env.nativePythonExtension() == null) {
            throw new PatternException("the CPython extension _gluebench_native is missing in "
                    + env.nativePythonDir() + "; run ./gluebench setup");
        }
        if (mode == Mode.CTYPES && !Files.isRegularFile(env.nativeLibrary())) {
            throw new PatternException("the C kernels are missing (" + env.nativeLibrary() + "); run ./gluebench setup");
        }
        try {
            MainInterpreter.setJepLibraryPath(lib.toString());
            SharedInterpreter.setConfig(new JepConfig()
                    .addIncludePaths(env.sitePackages().toString(), env.pythonWorkloads().toString())
                    .redirectStdout(System.err)
                    .redirectStdErr(System.err));
        } catch (jep.JepException | IllegalStateException alreadyInitialised) {
            // A second pattern in the same JVM (tests): the first configuration stands.
        }
        owner = Thread.currentThread();
        try {
            interp = new SharedInterpreter();
        } catch (jep.JepException | UnsatisfiedLinkError e) {
            throw new PatternException("Jep could not start CPython: " + e.getMessage(), e);
        }
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws Exception {
        String fn = load(workload);
        Interpreter in = interp;
        Thread thread = owner;
        if ((mode == Mode.NATIVE || mode == Mode.CTYPES) && workload.resultKind().isCompound()) {
            return nativeCompound(workload.resultKind(), input, fn);
        }
        Args args = switch (mode) {
            case PYTHON -> pythonArgs(input);
            case NUMPY, NUMPY_SCALAR_LOOP, NATIVE, CTYPES -> numpyArgs(input, true);
            case NUMPY_COPY -> numpyArgs(input, false);
            case LIST -> listArgs(workload, input);
        };
        return ThreadConfinedCall.of(workload.resultKind(), thread, "a Jep interpreter", () -> in.invoke(fn, args.get()));
    }

    /** Loads what this mode runs for the workload into the interpreter; returns the function's name. */
    private String load(Workload workload) throws Exception {
        String w = workload.pythonFunction();
        boolean user = workload.userSource() != null;
        if (user && mode != Mode.PYTHON && mode != Mode.NUMPY && mode != Mode.NUMPY_COPY && mode != Mode.LIST) {
            throw new PatternException("a workload from a Python file has no " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " variant");
        }
        switch (mode) {
            case PYTHON -> interp.exec(user ? PythonSource.cpythonEntries(workload)
                    : PythonSource.read(env, workload.pythonModule()));
            case NUMPY, NUMPY_COPY -> {
                if (!workload.hasNumpyVariant()) {
                    throw new PatternException("no numpy variant for " + workload.name() + ": " + workload.noNumpy());
                }
                if (user) {
                    interp.exec(PythonSource.cpythonEntries(workload));
                    return workload.numpyFunction();
                }
                interp.exec("from gluebench_py.numpy_kernels import " + w + "_np");
                return w + "_np";
            }
            case LIST -> {
                interp.exec(user ? PythonSource.cpythonEntries(workload) : PythonSource.read(env, workload.pythonModule()));
                interp.exec("def _gb_with_lists(*args):\n"
                        + "    return " + w + "(*[x if isinstance(x, int) else list(x) for x in args])\n");
                return "_gb_with_lists";
            }
            case NUMPY_SCALAR_LOOP -> {
                if (!SCALAR_LOOP_WORKLOADS.contains(workload.name())) {
                    throw new PatternException("no per-element numpy loop for " + workload.name());
                }
                interp.exec("from gluebench_py.numpy_scalar_loop import " + w + "_scalar_loop");
                return w + "_scalar_loop";
            }
            case NATIVE -> {
                interp.set("_gb_native_dir", env.nativePythonDir().toString());
                interp.exec("import sys\n"
                        + "if _gb_native_dir not in sys.path:\n"
                        + "    sys.path.insert(0, _gb_native_dir)\n"
                        + "from _gluebench_native import " + w + " as _gb_native_" + w);
                return "_gb_native_" + w;
            }
            case CTYPES -> {
                interp.set("_gb_library", env.nativeLibrary().toString());
                interp.exec("from gluebench_py import ctypes_kernels\n"
                        + "ctypes_kernels.load(_gb_library)\n"
                        + "from gluebench_py.ctypes_kernels import " + w + "_ctypes");
                return w + "_ctypes";
            }
        }
        return w;
    }

    /** The arguments of one call; most are fixed at bind time. */
    @FunctionalInterface
    private interface Args {
        Object[] get();
    }

    private static Args fixed(Object... args) {
        return () -> args;
    }

    private static Args pythonArgs(WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> fixed(e.data());
            case WorkloadInput.Dot d -> fixed(d.a(), d.b());
            case WorkloadInput.Matmul m -> fixed(m.a(), m.b(), m.n());
            case WorkloadInput.Sort so -> fixed(so.data());
            case WorkloadInput.Records r -> () -> new Object[] {Marshal.rows(r.sales())};
            default -> sizeOrText(input);
        };
    }

    /** direct: DirectNDArray over direct buffers filled at bind (no copy), else jep.NDArray (copied per call). */
    private static Args numpyArgs(WorkloadInput input, boolean direct) {
        return switch (input) {
            case WorkloadInput.Echo e -> fixed(direct ? direct(e.data()) : new NDArray<>(e.data(), e.data().length));
            case WorkloadInput.Dot d -> direct ? fixed(direct(d.a()), direct(d.b()))
                    : fixed(new NDArray<>(d.a(), d.a().length), new NDArray<>(d.b(), d.b().length));
            case WorkloadInput.Matmul m -> direct ? fixed(direct(m.a()), direct(m.b()), m.n())
                    : fixed(new NDArray<>(m.a(), m.a().length), new NDArray<>(m.b(), m.b().length), m.n());
            case WorkloadInput.Sort so -> fixed(direct ? direct(so.data()) : new NDArray<>(so.data(), so.data().length));
            case WorkloadInput.Records r -> direct ? numpyRecords(r.sales()) : numpyRecordsCopied(r.sales());
            default -> sizeOrText(input);
        };
    }

    /** jep-list: the arrays boxed into Java Lists once, at bind; the Python side makes lists of them per call. */
    private static Args listArgs(Workload workload, WorkloadInput input) throws PatternException {
        return switch (input) {
            case WorkloadInput.Echo e -> {
                List<Byte> data = new ArrayList<>(e.data().length);
                for (byte b : e.data()) {
                    data.add(b);
                }
                yield fixed(data);
            }
            case WorkloadInput.Dot d -> fixed(boxed(d.a()), boxed(d.b()));
            case WorkloadInput.Matmul m -> fixed(boxed(m.a()), boxed(m.b()), m.n());
            case WorkloadInput.Sort so -> fixed(boxed(so.data()));
            default -> throw new PatternException("jep-list converts arrays; " + workload.name() + " has none");
        };
    }

    private static List<Double> boxed(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    /** The inputs every mode passes the same way: a size, or a text (Jep copies it into a str). */
    private static Args sizeOrText(WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Nbody n -> fixed(n.steps());
            case WorkloadInput.Spectralnorm n -> fixed(n.n());
            case WorkloadInput.Mandelbrot n -> fixed(n.n());
            case WorkloadInput.Fannkuch f -> fixed(f.n());
            case WorkloadInput.WordFreq w -> fixed(w.text());
            case WorkloadInput.Csv c -> fixed(c.text());
            default -> throw new IllegalArgumentException(input.getClass().getSimpleName() + " is an array input");
        };
    }

    /**
     * A compound workload's C kernel from Python (jep-native, jep-ctypes), as jni runs it: per call
     * the bytes C reads (Marshal.nativeInput: the UTF-8 text or the records request) are made and
     * copied into a direct buffer that crosses as DirectNDArray, C writes the result wire format into
     * a second direct buffer, and Java decodes it.
     */
    private Call nativeCompound(ResultKind kind, WorkloadInput input, String fn) {
        Supplier<byte[]> bytes = Marshal.nativeInput(input);
        int length = bytes.get().length;
        ByteBuffer in = ByteBuffer.allocateDirect(Math.max(1, length));
        DirectNDArray<ByteBuffer> inNd = new DirectNDArray<>(in.slice(0, length), length);
        ByteBuffer out = ByteBuffer.allocateDirect(Marshal.RESULT_CAPACITY);
        DirectNDArray<ByteBuffer> outNd = new DirectNDArray<>(out, Marshal.RESULT_CAPACITY);
        byte[] result = new byte[Marshal.RESULT_CAPACITY];
        String kernel = Marshal.nativeKernel(kind);
        Interpreter py = interp;
        Thread thread = owner;
        return CompoundCall.of(() -> {
            ThreadConfinedCall.check(thread, "a Jep interpreter");
            in.put(0, bytes.get());
            long written = ((Number) py.invoke(fn, inNd, outNd)).longValue();
            if (written > 0 && written <= result.length) {
                out.get(0, result, 0, (int) written);
            }
            return Marshal.nativeResult(kind, written, result, kernel);
        });
    }

    /**
     * records for numpy: per call, the amounts are copied from the objects into a direct buffer that
     * numpy views in place, and the categories cross as a String[] (the column numpy groups by).
     */
    private static Args numpyRecords(List<Sale> sales) {
        int n = sales.size();
        LongBuffer amounts = ByteBuffer.allocateDirect(Math.max(8, 8 * n)).order(ByteOrder.nativeOrder())
                .asLongBuffer().slice(0, n);
        DirectNDArray<LongBuffer> nd = new DirectNDArray<>(amounts, n);
        return () -> {
            for (int i = 0; i < n; i++) {
                amounts.put(i, sales.get(i).amountCents());
            }
            return new Object[] {Marshal.categories(sales), nd};
        };
    }

    /** records for jep-numpy-copy: the amounts copied into a long[] per call, which Jep copies again into numpy. */
    private static Args numpyRecordsCopied(List<Sale> sales) {
        int n = sales.size();
        long[] amounts = new long[n];
        NDArray<long[]> nd = new NDArray<>(amounts, n);
        return () -> {
            for (int i = 0; i < n; i++) {
                amounts[i] = sales.get(i).amountCents();
            }
            return new Object[] {Marshal.categories(sales), nd};
        };
    }

    private static DirectNDArray<ByteBuffer> direct(byte[] data) {
        ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(1, data.length));
        buf.put(data).flip();
        return new DirectNDArray<>(buf.slice(0, data.length), data.length);
    }

    private static DirectNDArray<DoubleBuffer> direct(double[] data) {
        DoubleBuffer buf = ByteBuffer.allocateDirect(Math.max(8, data.length * 8))
                .order(ByteOrder.nativeOrder()).asDoubleBuffer();
        buf.put(data).flip();
        return new DirectNDArray<>(buf.slice(0, data.length), data.length);
    }

    @Override
    public String engine() {
        return "CPython via Jep (SharedInterpreter)" + switch (mode) {
            case NATIVE -> ", C kernels via the _gluebench_native extension";
            case CTYPES -> ", C kernels via ctypes";
            default -> "";
        };
    }

    @Override
    public void close() throws Exception {
        if (interp != null) {
            interp.close();
            interp = null;
        }
    }
}
