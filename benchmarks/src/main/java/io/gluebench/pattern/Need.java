package io.gluebench.pattern;

/** Something a pattern needs on this machine; the doctor checks each and names the fix. */
public enum Need {
    NATIVE_LIBRARY("the C kernels (native/target/libgluebench.so)", "run ./gluebench setup to build native/"),
    JYTHON("Jython 2.7 on the classpath", "rebuild with ./gluebench setup"),
    GRAALPY("GraalPy (org.graalvm.polyglot) on the classpath", "rebuild with ./gluebench setup"),
    GRAAL_JIT("the Graal compiler jars in benchmarks/target/graal-jit", "rebuild with ./gluebench setup"),
    VENV("the project's CPython venv (python-workloads/.venv)", "run ./gluebench setup"),
    NUMPY("numpy in the project's venv", "run ./gluebench setup"),
    JEP("Jep's native library in the project's venv", "run ./gluebench setup (builds Jep against the chosen JDK)"),
    PEMJA("pemja (PEMJA's native half) and find-libpython in the project's venv", "run ./gluebench setup"),
    NATIVE_PYTHON("the C kernels as a CPython extension (native/target/python/_gluebench_native*.so)",
            "run ./gluebench setup (builds native/ once the venv exists)"),
    PY4J("py4j in the project's venv, at the version of the Py4J jar", "run ./gluebench setup");

    private final String what;
    private final String fix;

    Need(String what, String fix) {
        this.what = what;
        this.fix = fix;
    }

    public String what() {
        return what;
    }

    public String fix() {
        return fix;
    }
}
