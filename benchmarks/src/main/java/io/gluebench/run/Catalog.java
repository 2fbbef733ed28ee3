package io.gluebench.run;

import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.WorkloadInfo;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue as stored in a run: pattern and workload descriptions travel with the results. A
 * run stored without them (an older build) gets them filled in from this build's catalogue, for
 * the names it knows, and so does a stored pattern lacking a field added since (its zero-copy twin,
 * whether it is chatty); unknown names get neutral defaults rather than a guess.
 */
public final class Catalog {
    private Catalog() {
    }

    public static WorkloadInfo info(Workload w) {
        return new WorkloadInfo(w.name(), w.sizeMeaning(), w.complexity(), w.summary(), w.tolerance().relative(), null);
    }

    /** The workload as a run stores it: with its tolerance and the hash of its sources. */
    public static WorkloadInfo info(Workload w, io.gluebench.pattern.PatternEnv env) {
        return new WorkloadInfo(w.name(), w.sizeMeaning(), w.complexity(), w.summary(), w.tolerance().relative(),
                WorkloadSources.hash(env, w));
    }

    public static Run complete(Run run) {
        Set<String> patternNames = new LinkedHashSet<>();
        Set<String> workloadNames = new LinkedHashSet<>();
        for (Point p : run.points()) {
            patternNames.add(p.pattern());
            workloadNames.add(p.workload());
        }
        List<PatternInfo> patterns = new ArrayList<>(run.patterns().stream().map(Catalog::withRoles).toList());
        for (String name : patternNames) {
            if (run.pattern(name).isEmpty()) {
                patterns.add(Patterns.byName(name).map(PatternSpec::info)
                        .orElse(new PatternInfo(name, io.gluebench.result.Family.OTHER, io.gluebench.result.Kind.UNKNOWN, false, "", "")));
            }
        }
        List<WorkloadInfo> workloads = new ArrayList<>(run.workloads());
        for (String name : workloadNames) {
            if (run.workload(name).isEmpty()) {
                workloads.add(Workloads.byName(name).map(Catalog::info)
                        .orElse(new WorkloadInfo(name, "size", "N", "")));
            }
        }
        return run.withCatalog(patterns, workloads);
    }

    /**
     * The stored description with the roles a run written before they were stored lacks (null), taken
     * from this build's catalogue when it knows the name; as stored otherwise.
     */
    static PatternInfo withRoles(PatternInfo stored) {
        return Patterns.byName(stored.name())
                .map(spec -> stored.withRoles(stored.zeroCopyTwin() != null ? stored.zeroCopyTwin() : spec.zeroCopyTwin(),
                        stored.chatty() != null ? stored.chatty() : spec.chatty()))
                .orElse(stored);
    }
}
