package io.gluebench.run;

import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.RunStore;
import io.gluebench.result.SkippedPattern;
import io.gluebench.workload.Workload;
import java.nio.file.Path;
import java.util.List;

/**
 * What each measuring stage of a run works with: the plan, the patterns the doctor skipped, the run
 * folder, the journal that stores every result as it comes, the progress line, the one fork
 * launcher and the seed of the fork order.
 */
record Phase(Plan plan, List<SkippedPattern> skipped, Path runDir, RunJournal journal, Progress progress,
        ForkLauncher launcher, RunStore store, long seed) {

    Profile profile() {
        return plan.profile();
    }

    String notMeasured(PatternSpec spec, Workload w, int size) {
        return notMeasured(spec, w, size, skipped);
    }

    /** Why a pattern is not measured apart from the points (skipped by doctor, or not applicable), or null. */
    static String notMeasured(PatternSpec spec, Workload w, int size,
            List<SkippedPattern> skipped) {
        String na = Applicability.notApplicable(spec, w, size);
        if (na != null) {
            return na;
        }
        return skipped.stream().filter(s -> s.pattern().equals(spec.name())).map(SkippedPattern::reason)
                .findFirst().orElse(null);
    }
}
