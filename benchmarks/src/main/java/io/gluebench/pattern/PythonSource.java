package io.gluebench.pattern;

import io.gluebench.workload.UserWorkload;
import io.gluebench.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a pure-Python workload file, the one source that Jython, GraalPy and CPython all run. */
public final class PythonSource {
    private PythonSource() {
    }

    public static String read(PatternEnv env, String module) throws PatternException {
        return readFile(env.pureModule(module));
    }

    /**
     * The source an interpreter evaluates to define {@link Workload#pythonFunction()}: a built-in
     * workload's file, or the user's file followed by the entry adapter (and, with {@code numpy},
     * the adapter of compute_numpy too).
     */
    public static String read(PatternEnv env, Workload workload, boolean numpy) throws PatternException {
        if (workload.userSource() == null) {
            return read(env, workload.pythonModule());
        }
        return readFile(Path.of(workload.userSource().path())) + UserWorkload.adapter(false)
                + (numpy ? UserWorkload.adapter(true) : "");
    }

    public static String read(PatternEnv env, Workload workload) throws PatternException {
        return read(env, workload, false);
    }

    /**
     * Python statements that define the user's entry points in an embedded CPython (Jep, PEMJA): the
     * file is loaded as a module of its own by gluebench_py.userfile, so that its
     * {@code if __name__ == '__main__'} block does not run and its errors name the file and line.
     */
    public static String cpythonEntries(Workload workload) {
        UserWorkload.Source s = workload.userSource();
        return "from gluebench_py import userfile as _gb_userfile\n"
                + "_gb_user = _gb_userfile.load(" + literal(s.path()) + ")\n"
                + UserWorkload.ENTRY + " = _gb_userfile.entry(_gb_user)\n"
                + (s.numpy() ? UserWorkload.ENTRY_NUMPY + " = _gb_userfile.entry(_gb_user, True)\n" : "");
    }

    /**
     * For a pattern that carries numpy data as raw bytes: defines {@link UserWorkload#ENTRY_NUMPY_RAW},
     * which builds the shape's numpy arrays from them per call and calls the file's compute_numpy.
     */
    public static String cpythonRawNumpyEntry(Workload workload) {
        if (!(workload instanceof UserWorkload u) || !u.userSource().numpy()) {
            throw new IllegalArgumentException(workload.name() + " has no compute_numpy");
        }
        return cpythonEntries(workload) + UserWorkload.ENTRY_NUMPY_RAW + " = _gb_userfile.entry_from_raw(_gb_user, "
                + literal(u.shape().id()) + ")\n";
    }

    /** A Python string literal for any text. */
    static String literal(String text) {
        StringBuilder b = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '\'') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    private static String readFile(Path file) throws PatternException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PatternException("cannot read the Python workload " + file + ": " + e.getMessage(), e);
        }
    }
}
