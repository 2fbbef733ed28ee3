package io.gluebench.pattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a pure-Python workload file, the one source that Jython, GraalPy and CPython all run. */
public final class PythonSource {
    private PythonSource() {
    }

    public static String read(PatternEnv env, String module) throws PatternException {
        Path file = env.pureModule(module);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PatternException("cannot read the Python workload " + file + ": " + e.getMessage(), e);
        }
    }
}
