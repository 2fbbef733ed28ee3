package io.gluebench.pattern.jep;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PythonSource;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * place (no copy per call), the best configuration Jep offers.
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
        Object[] args = switch (input) {
            case WorkloadInput.Echo e -> numpy
                    ? new Object[] {direct(e.data())}
                    : new Object[] {e.data()};
            case WorkloadInput.Dot d -> numpy
                    ? new Object[] {direct(d.a()), direct(d.b())}
                    : new Object[] {d.a(), d.b()};
            case WorkloadInput.Nbody n -> new Object[] {n.steps()};
            case WorkloadInput.Spectralnorm n -> new Object[] {n.n()};
            case WorkloadInput.Mandelbrot n -> new Object[] {n.n()};
            case WorkloadInput.Matmul m -> numpy
                    ? new Object[] {direct(m.a()), direct(m.b()), m.n()}
                    : new Object[] {m.a(), m.b(), m.n()};
            case WorkloadInput.Sort so -> numpy
                    ? new Object[] {direct(so.data())}
                    : new Object[] {so.data()};
            case WorkloadInput.Fannkuch f -> new Object[] {f.n()};
        };
        Interpreter in = interp;
        Thread thread = owner;
        if (workload.resultKind() != ResultKind.FLOAT64) {
            return () -> {
                checkThread(thread);
                return ((Number) in.invoke(fn, args)).longValue();
            };
        }
        return () -> {
            checkThread(thread);
            return ResultKind.bits(((Number) in.invoke(fn, args)).doubleValue());
        };
    }

    private static void checkThread(Thread owner) throws PatternException {
        if (Thread.currentThread() != owner) {
            throw new PatternException("a Jep interpreter was called from thread "
                    + Thread.currentThread().getName() + " but belongs to " + owner.getName());
        }
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
