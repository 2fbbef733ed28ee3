package io.gluebench.pattern.graalpy;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PythonSource;
import io.gluebench.workload.CompoundWire;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * `graalpy`: the pure-Python source in GraalPy, in process. The fork runs with the Graal compiler
 * on the upgrade module path; if the engine still falls back to the interpreter, the point refuses
 * to be timed, unless this is the explicitly labelled `graalpy-interpreter` pattern, whose fork runs
 * without the compiler jars.
 *
 * <p>Java arrays cross as host arrays (no copy); Python indexes them through interop. Strings
 * become Python str; compound results come back as Python tuples and lists, converted to Java
 * values inside the timed call.
 */
public final class GraalPyPattern implements Pattern {
    public static final String INTERPRETED = "Interpreted";

    private final boolean interpreterOnly;
    private PatternEnv env;
    private Context context;
    private final CompileLog compileLog = new CompileLog();
    private boolean tracing;

    public GraalPyPattern(boolean interpreterOnly) {
        this.interpreterOnly = interpreterOnly;
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        this.env = env;
        if (interpreterOnly) {
            context = builder().build();
        } else {
            try {
                // The compiler's trace goes to our counter, not to the fork's output: the adaptive warm-up
                // waits until it stops moving (see compilations()).
                context = builder().option("engine.TraceCompilation", "true").logHandler(compileLog).build();
                tracing = true;
            } catch (IllegalArgumentException noCompilerOptions) {
                context = builder().build();       // an engine without a compiler has no such option
            }
        }
        String impl = context.getEngine().getImplementationName();
        boolean compiling = !INTERPRETED.equals(impl);
        if (compiling && interpreterOnly) {
            close();
            throw new PatternException("graalpy-interpreter found a compiling engine (" + impl + "): this JVM has a "
                    + "Truffle compiler of its own (a GraalVM JDK?), so the label would be false; use pattern graalpy");
        }
        if (!compiling && !interpreterOnly && !env.allowInterpreter()) {
            close();
            throw new PatternException("GraalPy runs without its JIT here (engine: " + impl + "), so its "
                    + "time would mislead; the fork needs the Graal compiler jars in "
                    + env.graalJitDir() + " on --upgrade-module-path with -XX:+EnableJVMCI. "
                    + "Run ./gluebench setup, or time pattern graalpy-interpreter to measure the interpreter");
        }
    }

    private static Context.Builder builder() {
        return Context.newBuilder("python")
                .allowHostAccess(HostAccess.newBuilder(HostAccess.NONE).allowArrayAccess(true).build())
                .option("engine.WarnInterpreterOnly", "false");
    }

    @Override
    public long compilations() {
        return context == null || !tracing ? -1 : compileLog.events();
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws Exception {
        context.eval(Source.newBuilder("python", PythonSource.read(env, workload),
                workload.pythonModule()).build());
        Value fn = context.getBindings("python").getMember(workload.pythonFunction());
        ResultKind kind = workload.resultKind();
        Args args = switch (input) {
            case WorkloadInput.Echo e -> fixed(e.data());
            case WorkloadInput.Dot d -> fixed(d.a(), d.b());
            case WorkloadInput.Nbody n -> fixed(n.steps());
            case WorkloadInput.Spectralnorm n -> fixed(n.n());
            case WorkloadInput.Mandelbrot n -> fixed(n.n());
            case WorkloadInput.Matmul m -> fixed(m.a(), m.b(), m.n());
            case WorkloadInput.Sort so -> fixed(so.data());
            case WorkloadInput.Fannkuch f -> fixed(f.n());
            case WorkloadInput.WordFreq w -> fixed(w.text());
            case WorkloadInput.Csv c -> fixed(c.text());
            // Rows of boxed values, built per call; Python indexes the host arrays through interop.
            case WorkloadInput.Records r -> () -> new Object[] {Marshal.rows(r.sales())};
        };
        if (kind.isCompound()) {
            return CompoundCall.of(() -> CompoundWire.fromTree(kind, tree(fn.execute(args.get()))));
        }
        if (kind == ResultKind.BYTES) {
            return () -> {
                Value v = fn.execute(args.get());          // a Python bytes: read its buffer into Java
                byte[] out = new byte[(int) v.getBufferSize()];
                v.readBuffer(0, out, 0, out.length);
                return ResultKind.digest(out, 0, out.length);
            };
        }
        if (kind != ResultKind.FLOAT64) {
            return () -> fn.execute(args.get()).asLong();
        }
        return () -> ResultKind.bits(fn.execute(args.get()).asDouble());
    }

    /** The arguments of one call; most are fixed at bind time. */
    @FunctionalInterface
    private interface Args {
        Object[] get();
    }

    private static Args fixed(Object... args) {
        return () -> args;
    }

    /** A Python result as plain Java values: strings, longs, doubles and lists of them. */
    static Object tree(Value v) {
        if (v.isString()) {
            return v.asString();
        }
        if (v.isNumber()) {
            return v.fitsInLong() ? (Object) v.asLong() : (Object) v.asDouble();
        }
        if (v.hasArrayElements()) {
            long n = v.getArraySize();
            List<Object> out = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                out.add(tree(v.getArrayElement(i)));
            }
            return out;
        }
        throw new IllegalArgumentException("unexpected Python value: " + v);
    }

    @Override
    public String engine() {
        return context == null ? "" : context.getEngine().getImplementationName()
                + " " + context.getEngine().getVersion()
                + (interpreterOnly ? " (no JIT, by choice)" : "");
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
