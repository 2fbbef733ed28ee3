package io.gluebench.run;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.SkippedPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's points, fork by fork, in a seeded random order, then more forks for the points whose
 * interval is still wider than its target while the profile's time for them lasts.
 */
final class PointsPhase {
    private PointsPhase() {
    }

    /** The points to measure, their first round of forks in the seeded order, and what a later round needs. */
    record Scheduled(List<Plan.Item> toMeasure, List<ForkSchedule.Unit> units, java.util.Random rng,
            java.util.function.Function<io.gluebench.pattern.PatternSpec, String> span) {
    }

    /**
     * Records the points that will not be measured (skipped, not applicable) and schedules the rest's
     * first round of forks, counting them into the progress; null when the run was interrupted.
     */
    static Scheduled schedule(Phase phase) throws IOException {
        Plan plan = phase.plan();
        Profile profile = phase.profile();
        RunJournal journal = phase.journal();
        Progress progress = phase.progress();
        if (journal.interrupted()) {
            return null;
        }
        List<Plan.Item> toMeasure = new ArrayList<>();
        for (Plan.Item item : plan.items()) {
            SkippedPattern skip = phase.skipped().stream().filter(s -> s.pattern().equals(item.pattern().name())).findFirst().orElse(null);
            String notApplicable = Applicability.notApplicable(item.pattern(), item.workload(), item.size());
            if (finished(journal.current(), item.key()) && missingForks(journal.current(), item, profile).isEmpty()) {
                continue;
            }
            if (skip != null || notApplicable != null) {
                Point skippedPoint = item.point(Point.SKIPPED, notApplicable != null ? notApplicable : skip.reason());
                if (!journal.update(r -> r.withPoint(skippedPoint))) {
                    return null;
                }
                continue;
            }
            toMeasure.add(item);
        }
        java.util.Random rng = new java.util.Random(phase.seed());
        java.util.function.Function<io.gluebench.pattern.PatternSpec, String> span =
                spec -> profile.spanFor(spec.family());
        List<ForkSchedule.Unit> units = ForkSchedule.units(toMeasure, item -> missingForks(journal.current(), item, profile),
                span, rng);
        progress.extend(units.stream().mapToInt(u -> u.items().size()).sum(), seconds(plan, units));
        return new Scheduled(toMeasure, units, rng, span);
    }

    /**
     * The points, fork by fork: skipped ones recorded at once; the rest in the profile's number of
     * forks, in a seeded random order across points (ForkSchedule); then, while the profile allows
     * more forks, one more round for the points whose 95% interval is still wider than its target.
     * run.json is rewritten after every fork. {@link #schedule} first, which the run does before the
     * floors so that the progress counts the points' forks from the start.
     */
    static void run(Phase phase, Scheduled scheduled) throws IOException {
        Plan plan = phase.plan();
        Profile profile = phase.profile();
        RunJournal journal = phase.journal();
        Progress progress = phase.progress();
        if (scheduled == null || journal.interrupted()) {
            return;
        }
        List<Plan.Item> toMeasure = scheduled.toMeasure();
        List<ForkSchedule.Unit> units = scheduled.units();
        java.util.Random rng = scheduled.rng();
        java.util.function.Function<io.gluebench.pattern.PatternSpec, String> span = scheduled.span();
        PointRunner runner = new PointRunner(phase.store(), phase.launcher());
        int order = journal.current().points().stream().flatMap(p -> p.forks().stream()).mapToInt(io.gluebench.result.Fork::order)
                .max().orElse(-1) + 1;
        long extraStart = -1;
        while (true) {
            for (ForkSchedule.Unit unit : units) {
                // A point that failed in one fork is not measured again.
                List<Plan.Item> live = unit.items().stream().filter(i -> !failed(journal.current(), i.key())).toList();
                if (live.isEmpty()) {
                    continue;
                }
                ForkSchedule.Unit u = new ForkSchedule.Unit(unit.pattern(), unit.placement(), unit.fork(), live);
                progress.starting(u.name());
                List<PointRunner.Folded> folded = runner.run(u, i -> point(journal.current(), i.key()), profile, phase.runDir(), order++);
                if (!journal.update(r -> {
                    Run next = r;
                    for (PointRunner.Folded f : folded) {
                        next = next.withPoint(f.point());
                    }
                    return next;
                })) {
                    return;     // the hook has written the run; this fork was killed
                }
                double each = plan.estimateForkSeconds(u.pattern(), u.items().size()) / u.items().size();
                for (PointRunner.Folded f : folded) {
                    progress.finished(f.item().label(), u.fork(), f.point(), each);
                }
            }
            if (extraStart < 0) {
                extraStart = System.nanoTime();
            }
            List<Plan.Item> wide = toMeasure.stream().filter(i -> needsMoreForks(journal.current(), i, profile)).toList();
            if (wide.isEmpty()) {
                break;
            }
            double left = profile.extraForkSeconds() == null ? Double.POSITIVE_INFINITY
                    : profile.extraForkSeconds() - (System.nanoTime() - extraStart) / 1e9;
            List<Plan.Item> chosen = withinBudget(journal.current(), wide, profile, left);
            if (chosen.isEmpty()) {
                progress.say(String.format(java.util.Locale.ROOT, "%d point%s still wider than their target interval; "
                        + "the profile's %d s for more forks %s", wide.size(), wide.size() == 1 ? "" : "s",
                        profile.extraForkSeconds(), left <= 0 ? "are spent" : "cannot fit another fork"));
                break;
            }
            units = ForkSchedule.units(chosen, i -> java.util.Set.of(point(journal.current(), i.key()).forkCount()), span, rng);
            progress.extend(units.stream().mapToInt(u -> u.items().size()).sum(), seconds(plan, units));
            progress.say(String.format(java.util.Locale.ROOT, "%d point%s still wider than their target interval: "
                    + "one more fork each%s", chosen.size(), chosen.size() == 1 ? "" : "s", chosen.size() < wide.size()
                            ? " (those furthest from their target per second of fork; " + (wide.size() - chosen.size())
                                    + " do not fit the time left)" : ""));
        }
    }

    private static double seconds(Plan plan, List<ForkSchedule.Unit> units) {
        return units.stream().mapToDouble(u -> plan.estimateForkSeconds(u.pattern(), u.items().size())).sum();
    }

    static Point point(Run run, String key) {
        return run.points().stream().filter(p -> p.key().equals(key) && !Point.UNFINISHED.equals(p.status()))
                .findFirst().orElse(null);
    }

    private static boolean failed(Run run, String key) {
        Point p = point(run, key);
        return p != null && Point.FAILED.equals(p.status());
    }

    /** The first-round fork indexes the point lacks (none for a failed or skipped point, or a format-1 one). */
    static java.util.Set<Integer> missingForks(Run run, Plan.Item item, Profile profile) {
        Point p = point(run, item.key());
        if (p != null && !p.isOk()) {
            return java.util.Set.of();
        }
        if (p != null && p.forks().isEmpty()) {
            return java.util.Set.of();     // measured by an older gluebench in one fork
        }
        java.util.Set<Integer> want = new java.util.TreeSet<>();
        for (int k = 0; k < profile.settingsFor(item.pattern().family()).forkCount(); k++) {
            want.add(k);
        }
        if (p != null) {
            p.forks().forEach(f -> want.remove(f.index()));
        }
        return want;
    }

    /**
     * The wide points whose next fork fits {@code seconds}, those whose fork buys the most first: the
     * point's distance from its target (its half-width over the target) per second its fork is estimated
     * to take. A point's fork is estimated from its own forks so far (their mean wall time); the first point
     * in a fork also pays the JVM start and the fork's fixed warm-up (GraalPy's 5 s), which the points that
     * ride in the same fork share.
     */
    static List<Plan.Item> withinBudget(Run run, List<Plan.Item> wide, Profile profile, double seconds) {
        if (seconds == Double.POSITIVE_INFINITY) {
            return wide;
        }
        List<Plan.Item> byWidth = new ArrayList<>(wide);
        byWidth.sort(java.util.Comparator.comparingDouble((Plan.Item i) -> -relativeWidth(run, i, profile)
                / (forkSeconds(run, i) + openSeconds(profile, i))));
        List<Plan.Item> chosen = new ArrayList<>();
        java.util.Set<String> forksOpened = new java.util.HashSet<>();
        double spent = 0;
        for (Plan.Item i : byWidth) {
            double cost = forkSeconds(run, i);
            String forkKey = i.series() + "|" + switch (profile.spanFor(i.pattern().family())) {
                case Profile.JmhSettings.SPAN_PATTERN -> "";
                case Profile.JmhSettings.SPAN_WORKLOAD -> i.workload().name();
                default -> i.workload().name() + "|" + i.size();
            };
            boolean opens = !forksOpened.contains(forkKey);
            if (opens) {
                cost += openSeconds(profile, i);
            }
            if (spent + cost > seconds) {
                continue;
            }
            forksOpened.add(forkKey);
            spent += cost;
            chosen.add(i);
        }
        return chosen;
    }

    /** A point's mean wall seconds per fork so far. */
    private static double forkSeconds(Run run, Plan.Item i) {
        Point p = point(run, i.key());
        return p == null ? 1.0 : p.forks().stream().mapToDouble(io.gluebench.result.Fork::wallSeconds).average().orElse(1.0);
    }

    /** What opening one more fork costs before its first point: the JVM start and the fork's minimum warm-up. */
    private static double openSeconds(Profile profile, Plan.Item i) {
        Profile.JmhSettings s = profile.settingsFor(i.pattern().family());
        return EXTRA_FORK_START_SECONDS + (s.forkWarmupMinMillis() == null ? 0 : s.forkWarmupMinMillis() / 1000.0);
    }

    /** The JVM start and pattern set-up of one more fork, as measured here (0.5-1 s). */
    static final double EXTRA_FORK_START_SECONDS = 1.0;

    /** An ok point's 95% half-width as a multiple of its target (1: on target). */
    static double relativeWidth(Run run, Plan.Item item, Profile profile) {
        Point p = point(run, item.key());
        Double target = profile.settingsFor(item.pattern().family()).targetHalfWidth();
        if (p == null || p.ciLow() == null || target == null || p.score() == null || p.score() == 0) {
            return 0;
        }
        return (p.ciHigh() - p.ciLow()) / 2 / (target * p.score());
    }

    /** Whether an ok point's interval is wider than its target and the profile allows another fork. */
    static boolean needsMoreForks(Run run, Plan.Item item, Profile profile) {
        Point p = point(run, item.key());
        Profile.JmhSettings s = profile.settingsFor(item.pattern().family());
        if (p == null || !p.isOk() || p.ciLow() == null || s.targetHalfWidth() == null
                || p.forkCount() >= s.maxForkCount()) {
            return false;
        }
        return (p.ciHigh() - p.ciLow()) / 2 > s.targetHalfWidth() * p.score();
    }

    /** Whether the run holds a finished (ok, failed or skipped) point under key. */
    static boolean finished(Run run, String key) {
        return run.points().stream().anyMatch(p -> p.key().equals(key) && (p.isOk()
                || Point.FAILED.equals(p.status()) || Point.SKIPPED.equals(p.status())));
    }
}
