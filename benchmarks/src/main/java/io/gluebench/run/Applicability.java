package io.gluebench.run;

import io.gluebench.pattern.Need;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.jep.JepPattern;
import io.gluebench.workload.Workload;

/** Whether a pattern applies to a workload at all, independent of the machine. */
public final class Applicability {
    private Applicability() {
    }

    /** Variants that differ from their family's base pattern only in how data crosses. */
    static final java.util.Set<String> DATA_VARIANTS = java.util.Set.of("jni-copy", "jni-direct-buffer", "ffm-copy", "py4j-python-bytes");

    /** Whether anything but N crosses the boundary for this workload. */
    static boolean carriesData(Workload w) {
        return switch (w.input(w.minSize())) {
            case io.gluebench.workload.WorkloadInput.Nbody n -> false;
            case io.gluebench.workload.WorkloadInput.Spectralnorm n -> false;
            case io.gluebench.workload.WorkloadInput.Mandelbrot n -> false;
            case io.gluebench.workload.WorkloadInput.Fannkuch f -> false;
            default -> true;
        };
    }

    /** Patterns that need numpy only to carry the data across (C computes), not a workload's numpy variant. */
    static final java.util.Set<String> C_FROM_PYTHON = java.util.Set.of("jep-native", "jep-ctypes");

    /** Whether the input is an array of numbers (bytes or doubles), as opposed to a size, a text or records. */
    static boolean isArray(Workload w) {
        return switch (w.input(w.minSize())) {
            case io.gluebench.workload.WorkloadInput.Echo e -> true;
            case io.gluebench.workload.WorkloadInput.Dot d -> true;
            case io.gluebench.workload.WorkloadInput.Matmul m -> true;
            case io.gluebench.workload.WorkloadInput.Sort s -> true;
            default -> false;
        };
    }

    /** The patterns that time a workload from a Python file; the others say why not. */
    static final java.util.Set<String> FOR_USER_FILES = java.util.Set.of("jep-python", "jep-numpy", "jep-numpy-copy",
            "jep-list", "pemja-python", "pemja-numpy", "graalpy", "graalpy-interpreter", "jython", "worker-python", "worker-python-uds",
            "worker-python-shm", "worker-numpy", "worker-numpy-uds", "worker-numpy-shm", "py4j-python", "py4j-numpy",
            "py4j-python-bytes", "spawn-per-call");

    /** Why a pattern does not time a workload from the user's Python file, or null when it does. */
    static String notForUserFile(PatternSpec pattern, Workload workload) {
        if (FOR_USER_FILES.contains(pattern.name())) {
            if (pattern.name().equals("jython") && workload instanceof io.gluebench.workload.UserWorkload u
                    && u.notOnPython2() != null) {
                return u.notOnPython2();
            }
            if (pattern.name().equals("jep-list") && !isArray(workload)) {
                return "jep-list turns arrays into lists; " + workload.name() + " passes "
                        + ((io.gluebench.workload.UserWorkload) workload).shape().id();
            }
            return null;
        }
        return switch (pattern.family()) {
            case JVM, JNI, FFM -> "a workload from a Python file is Python code only: there is no Java or C "
                    + "version of " + workload.name() + " for " + pattern.name() + " to run";
            default -> switch (pattern.name()) {
                case "jep-native", "jep-ctypes" -> "a workload from a Python file has no C kernel for "
                        + pattern.name() + " to call";
                case "jep-numpy-scalar-loop" -> "no per-element numpy loop for a workload from a Python file";
                case "worker-chatty", "worker-json" -> pattern.name() + " carries the built-in workloads' own "
                        + "messages only (it shows an anti-pattern on echo and dot)";
                default -> pattern.name() + " does not run workloads from a Python file";
            };
        };
    }

    /** Why {@code pattern} cannot run {@code workload} at any size, or null when it can at some. */
    public static String notApplicable(PatternSpec pattern, Workload workload) {
        return notApplicable(pattern, workload, workload.minSize());
    }

    /** Why {@code pattern} cannot run {@code workload} at {@code size}, or null when it can. */
    public static String notApplicable(PatternSpec pattern, Workload workload, int size) {
        if (workload.userSource() != null) {
            String why = notForUserFile(pattern, workload);
            if (why != null) {
                return why;
            }
        }
        if (pattern.name().equals("worker-chatty")) {
            String why = io.gluebench.pattern.worker.ChattyPattern.notApplicable(workload, size);
            if (why != null) {
                return why;
            }
        }
        if (pattern.name().equals("jep-list") && !isArray(workload)) {
            return carriesData(workload)
                    ? workload.name() + " passes " + (workload.resultKind() == io.gluebench.workload.ResultKind.CATEGORY_SUMS
                            ? "records" : "a text") + ", not an array, so jep-list has nothing to turn into a list"
                    : "only N crosses for " + workload.name() + ", so jep-list would equal jep-python";
        }
        if (pattern.name().equals("jep-numpy-scalar-loop")
                && !JepPattern.SCALAR_LOOP_WORKLOADS.contains(workload.name())) {
            return "no per-element numpy loop for " + workload.name() + ": jep-numpy-scalar-loop covers "
                    + String.join(", ", new java.util.TreeSet<>(JepPattern.SCALAR_LOOP_WORKLOADS))
                    + ", where such a loop is what people write";
        }
        if (pattern.needs().contains(Need.NUMPY) && !C_FROM_PYTHON.contains(pattern.name())
                && !workload.hasNumpyVariant()) {
            return "no numpy variant for " + workload.name() + ": " + workload.noNumpy();
        }
        if (DATA_VARIANTS.contains(pattern.name()) && !carriesData(workload)) {
            return "only N crosses for " + workload.name() + ", so " + pattern.name() + " would equal "
                    + pattern.name().replaceFirst("-(copy|direct-buffer|bytes)$", "");
        }
        return null;
    }
}
