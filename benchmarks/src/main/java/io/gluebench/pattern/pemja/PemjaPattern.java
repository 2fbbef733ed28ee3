package io.gluebench.pattern.pemja;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.LoadedLibraries;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.ThreadConfinedCall;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import pemja.core.PythonInterpreter;
import pemja.core.PythonInterpreterConfig;

/**
 * `pemja-python` and `pemja-numpy`: CPython embedded in this JVM through PEMJA (Apache Flink's
 * bridge, JNI), in its MULTI_THREAD mode: one thread state per interpreter, the GIL taken and
 * released around every call.
 *
 * <p>Thread confinement: a PEMJA interpreter keeps the JNIEnv and the Python thread state of the
 * thread that created it, so, as for Jep, this pattern records that thread in {@link #open} and
 * every call checks it; the JMH state that drives it has Scope.Thread. PEMJA and Jep each claim the
 * one CPython of the process and cannot share a JVM: {@link #open} refuses when Jep is loaded
 * (gluebench runs every point and verification in its own fork).
 *
 * <p>Data: PEMJA converts every argument eagerly, by value; it has no buffer-protocol path (a direct
 * ByteBuffer arrives as an opaque proxy numpy cannot view). `pemja-python` passes the same Java
 * values as `jep-python`, which PEMJA turns into CPython objects per call: {@code double[]} into a
 * tuple of N floats, {@code byte[]} into bytes, String into str, the records' rows into a tuple of
 * tuples. `pemja-numpy` passes {@code byte[]}, PEMJA's cheapest bulk path (copied into one Python
 * bytes object per call, no per-element work), which the numpy kernels view with np.frombuffer.
 * The doubles are laid out as bytes at bind time, as `jep-numpy` fills its direct buffers at bind
 * time: the caller is taken to hold its data in the form the mechanism takes best, so the timed
 * call carries PEMJA's own copy and nothing of gluebench's. Records cross as the category strings
 * plus the amounts written per call into a reused little-endian byte[] (they start as objects, as
 * for `jep-numpy`). Results come back as the Long, Double, Object[] and ArrayList PEMJA converts
 * Python ints, floats, tuples and lists to (the kernels return plain Python scalars: a numpy scalar
 * would come back as an opaque handle), turned into records inside the timed call.
 *
 * <p>Functions are invoked as {@code module_alias.function}: PEMJA caches the last callable by
 * name and releases a plain global's borrowed reference when another name is called (a
 * use-after-free in 0.6.0 to 0.6.3), while a dotted name holds a reference of its own.
 */
public final class PemjaPattern implements Pattern {
    private final boolean numpy;
    private PythonInterpreter interp;
    private Thread owner;

    public PemjaPattern(boolean numpy) {
        this.numpy = numpy;
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        if (LoadedLibraries.mapped("libjep.")) {
            throw new PatternException("PEMJA cannot start CPython in a JVM where Jep already runs it;"
                    + " run each in its own JVM (gluebench forks one per point)");
        }
        Path python = env.venvPython();
        Path sitePackages = env.sitePackages();
        if (!Files.isExecutable(python) || sitePackages == null || !Files.isDirectory(sitePackages.resolve("pemja"))
                || !Files.isDirectory(sitePackages.resolve("find_libpython"))) {
            throw new PatternException("pemja is not installed in the venv (" + env.venv() + "); run ./gluebench setup");
        }
        PythonInterpreterConfig config = PythonInterpreterConfig.newBuilder()
                .setPythonExec(python.toString())      // PEMJA asks it where libpython and its own .so are
                .addPythonPaths(sitePackages.toString(), env.pythonWorkloads().toString())
                .setExcType(PythonInterpreterConfig.ExecType.MULTI_THREAD)
                .build();
        owner = Thread.currentThread();
        try {
            interp = new PythonInterpreter(config);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new PatternException("PEMJA could not start CPython: " + e.getMessage(), e);
        }
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws Exception {
        String alias = "_gb_" + workload.name().replace('-', '_');
        String fn;
        if (workload.userSource() != null) {
            if (numpy) {
                if (!workload.hasNumpyVariant()) {
                    throw new PatternException("no numpy variant for " + workload.name() + ": " + workload.noNumpy());
                }
                // PEMJA passes byte[] as bytes: an adapter makes the shape's arrays from them per call.
                interp.exec(io.gluebench.pattern.PythonSource.cpythonRawNumpyEntry(workload));
                fn = io.gluebench.workload.UserWorkload.ENTRY_NUMPY_RAW;
            } else {
                interp.exec(io.gluebench.pattern.PythonSource.cpythonEntries(workload));
                fn = workload.pythonFunction();
            }
        } else if (numpy) {
            if (!workload.hasNumpyVariant()) {
                throw new PatternException("no numpy variant for " + workload.name() + ": " + workload.noNumpy());
            }
            interp.exec("import gluebench_py.numpy_kernels as " + alias);
            fn = alias + "." + workload.pythonFunction() + "_np";
        } else {
            String module = workload.pythonModule().replaceFirst("\\.py$", "");
            interp.exec("import gluebench_py.workloads." + module + " as " + alias);
            fn = alias + "." + workload.pythonFunction();
        }
        Args args = switch (input) {
            case WorkloadInput.Echo e -> fixed((Object) e.data());
            case WorkloadInput.Dot d -> numpy ? fixed(bytes(d.a()), bytes(d.b())) : fixed(d.a(), d.b());
            case WorkloadInput.Nbody n -> fixed(n.steps());
            case WorkloadInput.Spectralnorm n -> fixed(n.n());
            case WorkloadInput.Mandelbrot n -> fixed(n.n());
            case WorkloadInput.Matmul m -> numpy
                    ? fixed(bytes(m.a()), bytes(m.b()), m.n())
                    : fixed(m.a(), m.b(), m.n());
            case WorkloadInput.Sort so -> fixed((Object) (numpy ? bytes(so.data()) : so.data()));
            case WorkloadInput.Fannkuch f -> fixed(f.n());
            case WorkloadInput.WordFreq w -> fixed(w.text());
            case WorkloadInput.Csv c -> fixed(c.text());
            case WorkloadInput.Records r -> numpy ? numpyRecords(r.sales()) : () -> new Object[] {Marshal.rows(r.sales())};
        };
        PythonInterpreter in = interp;
        Thread thread = owner;
        return ThreadConfinedCall.of(workload.resultKind(), thread, "a PEMJA interpreter", () -> in.invoke(fn, args.get()));
    }

    /** The arguments of one call; most are fixed at bind time. */
    @FunctionalInterface
    private interface Args {
        Object[] get();
    }

    private static Args fixed(Object... args) {
        return () -> args;
    }

    /**
     * records for numpy: per call, the amounts are copied from the objects into a byte[] (little-endian
     * int64, as the kernel reads it), and the categories cross as a String[], which PEMJA turns into a
     * tuple of str. PEMJA copies the byte[] into a new bytes object, so one array serves every call.
     */
    private static Args numpyRecords(List<Sale> sales) {
        int n = sales.size();
        byte[] raw = new byte[8 * n];
        ByteBuffer amounts = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return () -> {
            for (int i = 0; i < n; i++) {
                amounts.putLong(8 * i, sales.get(i).amountCents());
            }
            return new Object[] {Marshal.categories(sales), raw};
        };
    }

    /** The doubles as bytes in the native order, numpy's float64. */
    private static byte[] bytes(double[] data) {
        byte[] raw = new byte[8 * data.length];
        ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).asDoubleBuffer().put(data);
        return raw;
    }

    private static void checkThread(Thread owner) throws PatternException {
        ThreadConfinedCall.check(owner, "a PEMJA interpreter");
    }

    @Override
    public String engine() {
        return "CPython via PEMJA (MULTI_THREAD)";
    }

    @Override
    public void close() throws Exception {
        if (interp != null) {
            try {
                checkThread(owner);
                interp.close();
            } finally {
                interp = null;
            }
        }
    }
}
