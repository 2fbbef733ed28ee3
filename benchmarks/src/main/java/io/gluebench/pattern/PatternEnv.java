package io.gluebench.pattern;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a pattern finds what it needs, derived from the project's home folder. Passed explicitly;
 * nothing is looked up from static state.
 *
 * @param home             the project's top-level folder
 * @param allowInterpreter lets a GraalPy point run without its JIT (the `graalpy-interpreter` label)
 * @param placement        where an out-of-process point's worker and this JVM run
 */
public record PatternEnv(Path home, boolean allowInterpreter, Placement placement) {

    public PatternEnv(Path home, boolean allowInterpreter) {
        this(home, allowInterpreter, Placement.FREE);
    }

    public static final String HOME_PROPERTY = "gluebench.home";

    /** The home from -Dgluebench.home, else the working directory. */
    public static PatternEnv fromSystem() {
        String h = System.getProperty(HOME_PROPERTY);
        Path home = h == null || h.isBlank() ? Path.of("").toAbsolutePath() : Path.of(h).toAbsolutePath().normalize();
        Placement placement = Placement.byId(System.getProperty(Placement.PROPERTY, "free")).orElseThrow(
                () -> new IllegalArgumentException("unknown placement " + System.getProperty(Placement.PROPERTY)));
        return new PatternEnv(home, false, placement);
    }

    public PatternEnv withAllowInterpreter(boolean allow) {
        return new PatternEnv(home, allow, placement);
    }

    public PatternEnv withPlacement(Placement p) {
        return new PatternEnv(home, allowInterpreter, p);
    }

    public Path nativeLibrary() {
        return home.resolve("native/target/libgluebench.so");
    }

    /** Where native/'s Makefile puts the CPython extension _gluebench_native (jep-native). */
    public Path nativePythonDir() {
        return home.resolve("native/target/python");
    }

    /** The extension module in {@link #nativePythonDir} for any Python's suffix (_gluebench_native.cpython-311-...so), or null. */
    public Path nativePythonExtension() {
        Path dir = nativePythonDir();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("_gluebench_native.")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    public Path pingpongProbe() {
        return home.resolve("native/target/pingpong");
    }

    /** The C client of the real CPython worker (native/probe/peerfloor.c). */
    public Path peerFloorProbe() {
        return home.resolve("native/target/peerfloor");
    }

    /** C calling a Python function through the CPython C API (native/probe/pycall.c). */
    public Path pycallProbe() {
        return home.resolve("native/target/pycall");
    }

    public Path pythonWorkloads() {
        return home.resolve("python-workloads");
    }

    public Path pureModule(String file) {
        return pythonWorkloads().resolve("gluebench_py/workloads").resolve(file);
    }

    public Path venv() {
        return pythonWorkloads().resolve(".venv");
    }

    public Path venvPython() {
        return venv().resolve("bin/python");
    }

    public Path graalJitDir() {
        return home.resolve("benchmarks/target/graal-jit");
    }

    /** site-packages of the project's venv, or null when there is no venv. */
    public Path sitePackages() {
        Path lib = venv().resolve("lib");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (var s = Files.list(lib)) {
            return s.filter(p -> p.getFileName().toString().startsWith("python"))
                    .map(p -> p.resolve("site-packages"))
                    .filter(Files::isDirectory)
                    .findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    public Path jepLibrary() {
        Path sp = sitePackages();
        return sp == null ? null : sp.resolve("jep/libjep.so");
    }

    /** PEMJA's Python package (its native libraries) in the venv, or null when there is no venv. */
    public Path pemjaPackage() {
        Path sp = sitePackages();
        return sp == null ? null : sp.resolve("pemja");
    }

    public Path resultsDir() {
        return home.resolve("results");
    }
}
