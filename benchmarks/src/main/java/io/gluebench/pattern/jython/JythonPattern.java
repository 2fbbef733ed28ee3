package io.gluebench.pattern.jython;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PythonSource;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.util.Properties;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/**
 * `jython`: the pure-Python source in Jython 2.7, in process. Java arrays are handed over as they
 * are (Jython wraps them without copying) and indexed from Python.
 */
public final class JythonPattern implements Pattern {
    private PatternEnv env;
    private PythonInterpreter interpreter;

    @Override
    public void open(PatternEnv env) {
        this.env = env;
        Properties props = new Properties();
        props.setProperty("python.import.site", "false");
        props.setProperty("python.cachedir.skip", "true");
        props.setProperty("python.console.encoding", "UTF-8");
        PythonInterpreter.initialize(System.getProperties(), props, new String[0]);
        interpreter = new PythonInterpreter(null, new PySystemState());
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws Exception {
        interpreter.exec(PythonSource.read(env, workload.pythonModule()));
        PyObject fn = interpreter.get(workload.pythonFunction());
        ResultKind kind = workload.resultKind();
        PyObject[] args = switch (input) {
            case WorkloadInput.Echo e -> new PyObject[] {Py.java2py(e.data())};
            case WorkloadInput.Dot d -> new PyObject[] {Py.java2py(d.a()), Py.java2py(d.b())};
            case WorkloadInput.Nbody n -> new PyObject[] {Py.newInteger(n.steps())};
            case WorkloadInput.Spectralnorm n -> new PyObject[] {Py.newInteger(n.n())};
            case WorkloadInput.Mandelbrot n -> new PyObject[] {Py.newInteger(n.n())};
            case WorkloadInput.Matmul m -> new PyObject[] {Py.java2py(m.a()), Py.java2py(m.b()), Py.newInteger(m.n())};
            case WorkloadInput.Sort so -> new PyObject[] {Py.java2py(so.data())};
            case WorkloadInput.Fannkuch f -> new PyObject[] {Py.newInteger(f.n())};
        };
        if (kind != ResultKind.FLOAT64) {
            return () -> fn.__call__(args).asLong();
        }
        return () -> ResultKind.bits(fn.__call__(args).asDouble());
    }

    @Override
    public String engine() {
        return "Jython " + org.python.Version.PY_VERSION;
    }

    @Override
    public void close() {
        if (interpreter != null) {
            interpreter.close();
        }
    }
}
