package io.gluebench.pattern.jep;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.LoadedLibraries;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PythonSource;
import io.gluebench.pattern.ThreadConfinedCall;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jep.DirectNDArray;
import jep.Interpreter;
import jep.JepConfig;
import jep.MainInterpreter;
import jep.SharedInterpreter;

/**
 * `jep-python` and `jep-numpy`: CPython embedded in this JVM through Jep (JNI).
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
 * Jep converts Python tuples and lists to, turned into records inside the timed call.
 */
public final class JepPattern implements Pattern {
    private final boolean numpy;
    private Interpreter interp;
    private Thread owner;
    private PatternEnv env;

    public JepPattern(boolean numpy) {
        this.numpy = numpy;
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
        String fn;
        if (numpy) {
            if (!workload.hasNumpyVariant()) {
                throw new PatternException("no numpy variant for " + workload.name() + ": " + workload.noNumpy());
            }
            interp.exec("from gluebench_py.numpy_kernels import " + workload.pythonFunction() + "_np");
            fn = workload.pythonFunction() + "_np";
        } else {
            interp.exec(PythonSource.read(env, workload.pythonModule()));
            fn = workload.pythonFunction();
        }
        Args args = switch (input) {
            case WorkloadInput.Echo e -> numpy ? fixed(direct(e.data())) : fixed(e.data());
            case WorkloadInput.Dot d -> numpy ? fixed(direct(d.a()), direct(d.b())) : fixed(d.a(), d.b());
            case WorkloadInput.Nbody n -> fixed(n.steps());
            case WorkloadInput.Spectralnorm n -> fixed(n.n());
            case WorkloadInput.Mandelbrot n -> fixed(n.n());
            case WorkloadInput.Matmul m -> numpy
                    ? fixed(direct(m.a()), direct(m.b()), m.n())
                    : fixed(m.a(), m.b(), m.n());
            case WorkloadInput.Sort so -> numpy ? fixed(direct(so.data())) : fixed(so.data());
            case WorkloadInput.Fannkuch f -> fixed(f.n());
            case WorkloadInput.WordFreq w -> fixed(w.text());
            case WorkloadInput.Csv c -> fixed(c.text());
            case WorkloadInput.Records r -> numpy ? numpyRecords(r.sales()) : () -> new Object[] {Marshal.rows(r.sales())};
        };
        Interpreter in = interp;
        Thread thread = owner;
        return ThreadConfinedCall.of(workload.resultKind(), thread, "a Jep interpreter", () -> in.invoke(fn, args.get()));
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
        return "CPython via Jep (SharedInterpreter)";
    }

    @Override
    public void close() throws Exception {
        if (interp != null) {
            interp.close();
            interp = null;
        }
    }
}
