package io.gluebench.run;

import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Placement;
import io.gluebench.pattern.Patterns;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one invocation will run: the profile's workloads x patterns x sizes, narrowed by the
 * command line's filters, with an estimate of how long each point takes.
 */
public record Plan(Profile profile, List<Item> items) {

    /** One point to run. */
    /**
     * One point to run.
     *
     * @param placement where a worker pattern's processes run; null for in-process patterns
     */
    public record Item(Workload workload, PatternSpec pattern, int size, Placement placement) {
        public Item(Workload workload, PatternSpec pattern, int size) {
            this(workload, pattern, size, null);
        }

        /** The pattern's name, suffixed with a placement other than free: the point's series. */
        public String series() {
            return Placement.series(pattern.name(), placement == null ? null : placement.id());
        }

        public String label() {
            return workload.name() + " n=" + size + " " + series();
        }

        /** The point this item becomes, without a measurement (skipped, unfinished). */
        public io.gluebench.result.Point point(io.gluebench.result.Status status, String reason) {
            return new io.gluebench.result.Point(workload.name(), pattern.name(), size, pattern.transport(),
                    placement == null ? null : placement.id(), status, "ns/op", null, null, List.of(), List.of(), null,
                    reason, null, List.of(), 0);
        }

        /** The key of this item's point in run.json. */
        public String key() {
            return point(io.gluebench.result.Status.SKIPPED, null).key();
        }
    }

    /**
     * @param workloads empty for the profile's own
     * @param patterns  empty for the profile's own
     * @param sizes     empty for the profile's own; otherwise replaces the sizes of every workload
     */
    public static Plan of(Profile profile, List<String> workloads, List<String> patterns, List<Integer> sizes)
            throws UsageException {
        return of(profile, workloads, patterns, sizes, List.of());
    }

    /**
     * @param placements empty for free placement only; worker patterns run once per placement, the
     *                   others once
     */
    public static Plan of(Profile profile, List<String> workloads, List<String> patterns, List<Integer> sizes,
            List<String> placements) throws UsageException {
        List<Placement> wantPlacements = new ArrayList<>();
        for (String id : placements) {
            wantPlacements.add(Placement.byId(id).orElseThrow(() -> new UsageException("unknown placement '" + id
                    + "'; valid placements: " + String.join(", ", Placement.ids()))));
        }
        if (wantPlacements.isEmpty()) {
            wantPlacements.add(Placement.FREE);
        }
        for (String w : workloads) {
            workload(w);
        }
        for (String p : patterns) {
            pattern(p);
        }
        for (Integer n : sizes) {
            if (n == null || n < 0) {
                throw new UsageException("invalid size '" + n + "'; a size is a whole number >= 0, e.g. --size 1000");
            }
        }
        Set<String> wantWorkloads = new LinkedHashSet<>(workloads.isEmpty() ? profile.workloads() : workloads);
        List<String> wantPatterns = patterns.isEmpty() ? profile.patterns() : patterns;
        List<Item> items = new ArrayList<>();
        for (String wn : wantWorkloads) {
            Workload w = Workloads.byName(wn).orElseThrow();
            List<Integer> ns = !sizes.isEmpty() ? sizes : sizesFor(profile, w);
            // A user's file is timed through every pattern that runs Python 3 code, unless --pattern says otherwise.
            List<String> forWorkload = !patterns.isEmpty() || w.userSource() == null ? wantPatterns : UserWorkloads.PATTERNS;
            for (int n : ns) {
                if (n < w.minSize() || n > w.maxSize()) {
                    if (workloads.contains(wn) || sizes.isEmpty()) {
                        checkSize(w, n);
                    }
                    continue;
                }
                for (String pn : forWorkload) {
                    PatternSpec spec = Patterns.byName(pn).orElseThrow();
                    if (spec.transport() == null) {
                        items.add(new Item(w, spec, n));
                        continue;
                    }
                    for (Placement placement : wantPlacements) {
                        items.add(new Item(w, spec, n, placement));
                    }
                }
            }
        }
        if (items.isEmpty()) {
            throw new UsageException("nothing to run: profile " + profile.name() + " has no sizes for "
                    + String.join(", ", wantWorkloads) + "; pass --size N");
        }
        return new Plan(profile, List.copyOf(items));
    }

    /**
     * The sizes a profile sweeps for a workload: its own list; for a user's file, its SIZES, else
     * the profile's sizes of the built-in workload of its shape.
     */
    public static List<Integer> sizesFor(Profile profile, Workload w) {
        if (w instanceof io.gluebench.workload.UserWorkload u) {
            return !u.sizes().isEmpty() ? u.sizes()
                    : profile.sizes().getOrDefault(u.shape().like(), u.shape().defaultSizes());
        }
        return profile.sizes().getOrDefault(w.name(), List.of());
    }

    /** Rough seconds for one fork of a pattern measuring {@code points} points. */
    public double estimateForkSeconds(PatternSpec pattern, int points) {
        return 0.7 + openSeconds(pattern) + points * (0.3 + profile.settingsFor(pattern.family()).seconds());
    }

    /** Rough seconds a fork spends opening a pattern before its first call (GraalPy's compiler, an interpreter). */
    static double openSeconds(PatternSpec pattern) {
        return switch (pattern.family()) {
            case GRAALPY -> 12.0;
            case JYTHON -> 2.0;
            case JEP, PEMJA, WORKER, PY4J -> 1.0;
            default -> 0.5;
        };
    }

    /** Rough seconds of one start-up fork: the JVM with JMH, the pattern's opening, the first calls. */
    public static double estimateStartupForkSeconds(PatternSpec pattern) {
        return 1.0 + openSeconds(pattern);
    }

    /** Rough seconds of one callers fork: the JVM, the callers opening the pattern side by side, JMH's iterations. */
    public static double estimateCallersForkSeconds(PatternSpec pattern, Profile.ScalingSettings s) {
        return 0.7 + openSeconds(pattern) + s.jmh().seconds();
    }

    /** The whole plan's estimate: every point in as many forks as its profile asks, grouped by fork span. */
    public double estimateRunSeconds() {
        java.util.Map<String, Integer> perFork = new java.util.LinkedHashMap<>();
        java.util.Map<String, PatternSpec> specs = new java.util.HashMap<>();
        for (Item i : items) {
            String key = i.series() + "|" + switch (profile.spanFor(i.pattern().family())) {
                case Profile.JmhSettings.SPAN_PATTERN -> "";
                case Profile.JmhSettings.SPAN_WORKLOAD -> i.workload().name();
                default -> i.workload().name() + "|" + i.size();
            };
            perFork.merge(key, 1, Integer::sum);
            specs.put(key, i.pattern());
        }
        double total = 0;
        for (var e : perFork.entrySet()) {
            PatternSpec spec = specs.get(e.getKey());
            total += profile.settingsFor(spec.family()).forkCount() * estimateForkSeconds(spec, e.getValue());
        }
        return total;
    }

    /** The workload of that name, or a refusal in one line with did-you-mean and the valid names. */
    public static Workload workload(String name) throws UsageException {
        return Workloads.byName(name).orElseThrow(() -> new UsageException("unknown workload '" + name + "'"
                + Suggest.closest(name, Workloads.names()) + "; valid workloads: " + String.join(", ", Workloads.names())));
    }

    /** The pattern of that name, or a refusal in one line with did-you-mean and the valid names. */
    public static PatternSpec pattern(String name) throws UsageException {
        return Patterns.byName(name).orElseThrow(() -> new UsageException("unknown pattern '" + name + "'"
                + Suggest.closest(name, Patterns.names()) + "; valid patterns: " + String.join(", ", Patterns.names())));
    }

    /** Refuses a size outside the workload's range, saying what N counts. */
    public static void checkSize(Workload w, int n) throws UsageException {
        if (n < w.minSize() || n > w.maxSize()) {
            throw new UsageException("invalid size " + n + " for " + w.name() + ": it needs " + w.minSize()
                    + " <= N <= " + w.maxSize() + " (" + w.sizeMeaning() + ")");
        }
    }
    /** The plan's patterns, in plan order, that a start-up or scaling setting lists (all if it lists none). */
    List<PatternSpec> chosen(List<String> listed) {
        return items().stream().map(Plan.Item::pattern).distinct()
                .filter(p -> listed.isEmpty() || listed.contains(p.name())).toList();
    }

    /**
     * Why a start-up or callers measurement is at a point the run's points do not include (the
     * command's --workload or --size chose other ones), or "" when the points include it.
     */
    String outsideThePlan(String workload, int size, String what) {
        boolean inPlan = items().stream().anyMatch(i -> i.workload().name().equals(workload) && i.size() == size);
        return inPlan ? "" : " (the profile's own " + what + " point, not one of the timed points: --workload and --size "
                + "do not move it; --no-" + ("start-up".equals(what) ? "startup" : "scaling") + " leaves it out)";
    }

    /**
     * The workload of a plan that times only workloads from users' files, and its sizes: start-up and
     * callers are then measured on the user's function (the first file), not on the profile's workload.
     */
    java.util.Optional<List<Integer>> userSizes(String[] name) {
        if (items().isEmpty() || !items().stream().allMatch(i -> i.workload().userSource() != null)) {
            return java.util.Optional.empty();
        }
        name[0] = items().get(0).workload().name();
        return java.util.Optional.of(items().stream().filter(i -> i.workload().name().equals(name[0]))
                .map(Plan.Item::size).distinct().sorted().toList());
    }
}
