package io.gluebench.run;

import io.gluebench.pattern.Need;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.workload.Workload;

/** Whether a pattern applies to a workload at all, independent of the machine. */
public final class Applicability {
    private Applicability() {
    }

    /** Variants that differ from their family's base pattern only in how data crosses. */
    static final java.util.Set<String> DATA_VARIANTS = java.util.Set.of("jni-copy", "jni-direct-buffer", "ffm-copy");

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

    /** Why {@code pattern} cannot run {@code workload} at any size, or null when it can at some. */
    public static String notApplicable(PatternSpec pattern, Workload workload) {
        return notApplicable(pattern, workload, workload.minSize());
    }

    /** Why {@code pattern} cannot run {@code workload} at {@code size}, or null when it can. */
    public static String notApplicable(PatternSpec pattern, Workload workload, int size) {
        if (pattern.name().equals("worker-chatty")) {
            String why = io.gluebench.pattern.worker.ChattyPattern.notApplicable(workload, size);
            if (why != null) {
                return why;
            }
        }
        if (pattern.needs().contains(Need.NUMPY) && !workload.hasNumpyVariant()) {
            return "no numpy variant for " + workload.name() + ": " + workload.noNumpy();
        }
        if (DATA_VARIANTS.contains(pattern.name()) && !carriesData(workload)) {
            return "only N crosses for " + workload.name() + ", so " + pattern.name() + " would equal "
                    + pattern.family();
        }
        return null;
    }
}
