package io.gluebench.pattern.graalpy;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PythonSource;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
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
 * <p>Java arrays cross as host arrays (no copy); Python indexes them through interop.
 */
public final class GraalPyPattern implements Pattern {
    public static final String INTERPRETED = "Interpreted";

    private final boolean interpreterOnly;
    private PatternEnv env;
    private Context context;

    public GraalPyPattern(boolean interpreterOnly) {
        this.interpreterOnly = interpreterOnly;
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        this.env = env;
        Context.Builder builder = Context.newBuilder("python")
                .allowHostAccess(HostAccess.newBuilder(HostAccess.NONE).allowArrayAccess(true).build())
                .option("engine.WarnInterpreterOnly", "false");
        context = builder.build();
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

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws Exception {
        context.eval(Source.newBuilder("python", PythonSource.read(env, workload.pythonModule()),
                workload.pythonModule()).build());
        Value fn = context.getBindings("python").getMember(workload.pythonFunction());
        Object[] args = switch (input) {
            case WorkloadInput.Echo e -> new Object[] {e.data()};
            case WorkloadInput.Dot d -> new Object[] {d.a(), d.b()};
            case WorkloadInput.Nbody n -> new Object[] {n.steps()};
            case WorkloadInput.Spectralnorm n -> new Object[] {n.n()};
            case WorkloadInput.Mandelbrot n -> new Object[] {n.n()};
            case WorkloadInput.Matmul m -> new Object[] {m.a(), m.b(), m.n()};
            case WorkloadInput.Sort so -> new Object[] {so.data()};
            case WorkloadInput.Fannkuch f -> new Object[] {f.n()};
        };
        if (workload.resultKind() != ResultKind.FLOAT64) {
            return () -> fn.execute(args).asLong();
        }
        return () -> ResultKind.bits(fn.execute(args).asDouble());
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
