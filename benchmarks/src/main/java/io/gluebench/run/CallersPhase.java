package io.gluebench.run;

import io.gluebench.result.Point;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Callers: per pattern, calls per second with one and with more concurrent callers, all patterns'
 * forks in one seeded order, on the profile's callers point (or a user's function).
 */
final class CallersPhase {
    private CallersPhase() {
    }

    static void run(Phase phase) throws IOException {
        Plan plan = phase.plan();
        Profile profile = phase.profile();
        RunJournal journal = phase.journal();
        Progress progress = phase.progress();
        Profile.ScalingSettings s = forPlan(profile.scaling(), plan);
        var w = io.gluebench.workload.Workloads.byName(s.workload()).orElseThrow();
        List<io.gluebench.pattern.PatternSpec> specs = plan.chosen(s.patterns());
        if (specs.isEmpty()) {
            return;
        }
        progress.say(String.format(java.util.Locale.ROOT, "callers: %d patterns on %s at N = %d with %s concurrent callers%s",
                specs.size(), w.name(), s.size(),
                s.threads().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")),
                plan.outsideThePlan(w.name(), s.size(), "callers")));
        int cores = journal.current().machine() == null ? Runtime.getRuntime().availableProcessors() : journal.current().machine().cores();
        ScalingRunner runner = new ScalingRunner(phase.store(), phase.launcher(), phase.seed(), cores);
        List<io.gluebench.pattern.PatternSpec> measured = new ArrayList<>();
        for (var spec : specs) {
            if (journal.current().scaling().stream().anyMatch(x -> x.pattern().equals(spec.name()))) {
                continue;       // measured before an interruption
            }
            String why = phase.notMeasured(spec, w, s.size());
            if (why == null) {
                measured.add(spec);
            } else if (!keepScaling(new io.gluebench.result.Scaling(spec.name(), w.name(), s.size(), Point.SKIPPED,
                    s.threads(), List.of(), List.of(), null, why, List.of()), cores, journal, progress::say)) {
                return;
            }
        }
        // All patterns' forks in one seeded order; each pattern is stored as soon as its last fork has run.
        runner.runAll(measured, w, s, profile.pointTimeoutSeconds(), phase.runDir(),
                sc -> keepScaling(sc, cores, journal, progress::line), progress);
    }

    /** Stores one pattern's callers measurement and prints it; false once the run is interrupted. */
    private static boolean keepScaling(io.gluebench.result.Scaling sc, int cores, RunJournal journal,
            java.util.function.Consumer<String> print) throws IOException {
        if (!journal.update(r -> r.withScaling(sc))) {
            return false;
        }
        print.accept(String.format(java.util.Locale.ROOT, "  callers  %-22s %s", sc.pattern(),
                io.gluebench.analysis.ScalingFactor.line(sc, cores)));
        return true;
    }

    /** The profile's callers settings, or for a plan of users' files, its first file at its largest size. */
    static Profile.ScalingSettings forPlan(Profile.ScalingSettings s, Plan plan) {
        String[] name = new String[1];
        return plan.userSizes(name).map(sizes -> new Profile.ScalingSettings(name[0], sizes.get(sizes.size() - 1),
                s.threads(), s.patterns(), s.jmh(), s.forks())).orElse(s);
    }
}
