package io.gluebench.run;

import io.gluebench.result.Point;
import java.io.IOException;
import java.util.List;

/**
 * Start-up and warm-up: per pattern, fresh JVMs timed to the first checked answer and through their
 * first calls, on the profile's start-up point (or a user's function).
 */
final class StartupPhase {
    private StartupPhase() {
    }

    static void run(Phase phase) throws IOException {
        Plan plan = phase.plan();
        Profile profile = phase.profile();
        RunJournal journal = phase.journal();
        Progress progress = phase.progress();
        Profile.StartupSettings s = forPlan(profile.startup(), plan);
        var w = io.gluebench.workload.Workloads.byName(s.workload()).orElseThrow();
        List<io.gluebench.pattern.PatternSpec> specs = plan.chosen(s.patterns());
        progress.say(String.format(java.util.Locale.ROOT,
                "start-up and warm-up: %d patterns on %s at N = %d, %d fresh JVM%s each, first %d calls%s",
                specs.size(), w.name(), s.size(), s.forks(), s.forks() == 1 ? "" : "s", s.calls(),
                plan.outsideThePlan(w.name(), s.size(), "start-up")));
        StartupRunner runner = new StartupRunner(phase.store(), phase.launcher());
        for (var spec : specs) {
            if (journal.current().startups().stream().anyMatch(x -> x.pattern().equals(spec.name()))) {
                continue;       // measured before an interruption
            }
            String why = phase.notMeasured(spec, w, s.size());
            io.gluebench.result.Startup st;
            if (why != null) {
                st = new io.gluebench.result.Startup(spec.name(), w.name(), s.size(), Point.SKIPPED, s.forks(),
                        s.calls(), List.of(), List.of(), List.of(), null, why, null);
            } else {
                progress.starting("start-up " + spec.name());
                st = runner.run(spec, w, s, profile.pointTimeoutSeconds(), phase.runDir());
                progress.advance(s.forks(), s.forks() * Plan.estimateStartupForkSeconds(spec));
                Double steady = journal.current().points().stream()
                        .filter(p -> p.isOk() && p.workload().equals(w.name()) && p.series().equals(spec.name())
                                && p.size() == s.size())
                        .map(Point::score).findFirst().orElse(null);
                if (steady != null) {
                    st = new io.gluebench.result.Startup(st.pattern(), st.workload(), st.size(), st.status(), st.forks(),
                            st.calls(), st.firstResultMillis(), st.sinceJvmStartMillis(), st.curve(), steady,
                            st.reason(), st.jmhFile());
                }
            }
            io.gluebench.result.Startup measured = st;
            if (!journal.update(r -> r.withStartup(measured))) {
                return;
            }
            String line = String.format(java.util.Locale.ROOT, "  start-up %-22s %s", spec.name(), st.isOk()
                    ? String.format(java.util.Locale.ROOT, "%.0f ms to the first checked answer", st.medianFirstResultMillis())
                    : st.status() + ": " + st.reason().lines().findFirst().orElse(""));
            if (why != null) {
                progress.say(line);     // not counted: it does not run
            } else {
                progress.line(line);
            }
        }
    }

    /** The profile's start-up settings, or for a plan of users' files, its first file at its middle size. */
    static Profile.StartupSettings forPlan(Profile.StartupSettings s, Plan plan) {
        String[] name = new String[1];
        return plan.userSizes(name).map(sizes -> new Profile.StartupSettings(name[0], sizes.get((sizes.size() - 1) / 2),
                s.forks(), s.calls(), s.patterns())).orElse(s);
    }
}
