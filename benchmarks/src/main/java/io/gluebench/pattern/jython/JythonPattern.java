package io.gluebench.pattern.jython;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.PythonSource;
import io.gluebench.workload.CompoundWire;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.UserWorkload;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.python.core.Py;
import org.python.core.PyFloat;
import org.python.core.PyInteger;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PySequenceList;
import org.python.core.PyString;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/**
 * `jython`: the pure-Python source in Jython 2.7, in process. Java arrays are handed over as they
 * are (Jython wraps them without copying) and indexed from Python; strings cross as Python unicode
 * over the same Java string. Compound results come back as Python tuples and lists, converted to
 * Java values inside the timed call.
 */
public final class JythonPattern implements Pattern {
    /** The rule for a user's file: Jython runs Python 2.7, so a file that does not parse as such is refused with the error. */
    public static String notOnPython2(PatternSpec pattern, Workload workload, int size) {
        return workload instanceof UserWorkload u ? u.notOnPython2() : null;
    }

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
        interpreter.exec(PythonSource.read(env, workload));
        PyObject fn = interpreter.get(workload.pythonFunction());
        ResultKind kind = workload.resultKind();
        Args args = switch (input) {
            case WorkloadInput.Echo e -> fixed(Py.java2py(e.data()));
            case WorkloadInput.Dot d -> fixed(Py.java2py(d.a()), Py.java2py(d.b()));
            case WorkloadInput.Nbody n -> fixed(Py.newInteger(n.steps()));
            case WorkloadInput.Spectralnorm n -> fixed(Py.newInteger(n.n()));
            case WorkloadInput.Mandelbrot n -> fixed(Py.newInteger(n.n()));
            case WorkloadInput.Matmul m -> fixed(Py.java2py(m.a()), Py.java2py(m.b()), Py.newInteger(m.n()));
            case WorkloadInput.Sort so -> fixed(Py.java2py(so.data()));
            case WorkloadInput.Fannkuch f -> fixed(Py.newInteger(f.n()));
            case WorkloadInput.WordFreq w -> fixed(Py.newUnicode(w.text()));
            case WorkloadInput.Csv c -> fixed(Py.newUnicode(c.text()));
            // Rows of boxed values, built per call: Jython wraps the Object[][] and converts each
            // element as Python reads it.
            case WorkloadInput.Records r -> () -> new PyObject[] {Py.java2py(Marshal.rows(r.sales()))};
        };
        if (kind.isCompound()) {
            return CompoundCall.of(() -> CompoundWire.fromTree(kind, tree(fn.__call__(args.get()))));
        }
        if (kind == ResultKind.BYTES) {
            return () -> {
                byte[] out = ((org.python.core.PyString) fn.__call__(args.get())).toBytes();   // Python 2 str: bytes
                return ResultKind.digest(out, 0, out.length);
            };
        }
        if (kind != ResultKind.FLOAT64) {
            return () -> fn.__call__(args.get()).asLong();
        }
        return () -> ResultKind.bits(fn.__call__(args.get()).asDouble());
    }

    /** The arguments of one call; most are fixed at bind time. */
    @FunctionalInterface
    private interface Args {
        PyObject[] get();
    }

    private static Args fixed(PyObject... args) {
        return () -> args;
    }

    /** A Python result as plain Java values: strings, longs, doubles and lists of them. */
    static Object tree(PyObject o) {
        if (o instanceof PyString) {
            return o.__tojava__(String.class);
        }
        if (o instanceof PyFloat) {
            return o.asDouble();
        }
        if (o instanceof PyInteger || o instanceof PyLong) {
            return o.asLong();
        }
        if (o instanceof PySequenceList) {
            List<Object> out = new ArrayList<>();
            for (PyObject e : o.asIterable()) {
                out.add(tree(e));
            }
            return out;
        }
        throw new IllegalArgumentException("unexpected Python value of type " + o.getType().getName() + ": " + o);
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
