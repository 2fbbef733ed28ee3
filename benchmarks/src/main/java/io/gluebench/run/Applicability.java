package io.gluebench.run;

import io.gluebench.pattern.Need;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.workload.Workload;

/** Whether a pattern applies to a workload at all, independent of the machine. */
public final class Applicability {
    private Applicability() {
    }

    /** Why {@code pattern} cannot run {@code workload}, or null when it can. */
    public static String notApplicable(PatternSpec pattern, Workload workload) {
        if (pattern.needs().contains(Need.NUMPY) && !workload.hasNumpyVariant()) {
            return "no numpy variant for " + workload.name() + ": " + workload.noNumpy();
        }
        return null;
    }
}
