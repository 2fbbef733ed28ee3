package io.gluebench.run;

import io.gluebench.pattern.Need;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.workload.Workload;

/**
 * Whether a pattern applies to a workload at all, independent of the machine. The rules are the
 * catalogue's, declared with each pattern ({@link PatternSpec}); this class applies them in order:
 * a user's file ({@link PatternSpec#userFiles}), the pattern's own rule
 * ({@link PatternSpec#workloadRule}), the numpy variant a numpy pattern runs, and a data variant
 * where only N crosses ({@link PatternSpec#dataVariantOf}).
 */
public final class Applicability {
    private Applicability() {
    }

    /** Why {@code pattern} cannot run {@code workload} at any size, or null when it can at some. */
    public static String notApplicable(PatternSpec pattern, Workload workload) {
        return notApplicable(pattern, workload, workload.minSize());
    }

    /** Why {@code pattern} cannot run {@code workload} at {@code size}, or null when it can. */
    public static String notApplicable(PatternSpec pattern, Workload workload, int size) {
        if (workload.userSource() != null) {
            String why = pattern.userFiles().whyNot(pattern, workload, size);
            if (why != null) {
                return why;
            }
        }
        String why = pattern.workloadRule().whyNot(pattern, workload, size);
        if (why != null) {
            return why;
        }
        if (pattern.needs().contains(Need.NUMPY) && !pattern.cFromPython() && !workload.hasNumpyVariant()) {
            return "no numpy variant for " + workload.name() + ": " + workload.noNumpy();
        }
        if (pattern.dataVariantOf() != null && !workload.carriesData()) {
            return "only N crosses for " + workload.name() + ", so " + pattern.name() + " would equal "
                    + pattern.dataVariantOf();
        }
        return null;
    }
}
