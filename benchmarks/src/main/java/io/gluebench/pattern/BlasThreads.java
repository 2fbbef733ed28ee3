package io.gluebench.pattern;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many threads numpy's BLAS may use, one policy for the whole run. The default is 1: every
 * other compute in gluebench (Java, C, pure Python) runs on one thread, and with 2 callers on a
 * 2-core machine a multi-threaded BLAS oversubscribes the cores (numpy patterns measured 0.33 to
 * 0.71 times their 1-caller throughput). `run --blas-threads N` sets another count, 0 the library's
 * own default (all cores). The count travels to forks as -Dgluebench.blasThreads and is part of each
 * pattern's configuration, so runs with different counts are not compared as like for like.
 *
 * <p>It reaches numpy as OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and MKL_NUM_THREADS: in the
 * environment of every Python process the harness starts, and, for the CPython embedded in this
 * JVM (Jep, PEMJA), set in this process's own environment with setenv(3) before any interpreter
 * loads numpy (Java's System.getenv is a snapshot and cannot be changed).
 */
public final class BlasThreads {
    public static final String PROPERTY = "gluebench.blasThreads";
    static final List<String> VARIABLES = List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS");
    private static boolean applied;

    private BlasThreads() {
    }

    /** The configured count: the property, else 1; 0 means the BLAS library's own default. */
    public static int configured() {
        Integer n = Integer.getInteger(PROPERTY);
        return n == null || n < 0 ? 1 : n;
    }

    /** The variables to put in a Python process's environment (none for the library default). */
    public static Map<String, String> variables() {
        Map<String, String> m = new LinkedHashMap<>();
        int n = configured();
        if (n > 0) {
            VARIABLES.forEach(v -> m.put(v, Integer.toString(n)));
        }
        return m;
    }

    /** Sets the variables in this process's environment, once, for an embedded CPython to read. */
    public static synchronized void applyToThisProcess() {
        if (applied) {
            return;
        }
        applied = true;
        Map<String, String> vars = variables();
        if (vars.isEmpty()) {
            return;
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                for (var e : vars.entrySet()) {
                    int rc = (int) setenv.invokeExact(arena.allocateFrom(e.getKey()), arena.allocateFrom(e.getValue()), 1);
                    if (rc != 0) {
                        throw new IllegalStateException("setenv(" + e.getKey() + ") failed");
                    }
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException("cannot set the BLAS thread count in this process: " + t.getMessage(), t);
        }
    }
}
