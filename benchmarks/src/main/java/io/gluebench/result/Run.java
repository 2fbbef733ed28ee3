package io.gluebench.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * All points of one invocation on one machine. Written to run.json after every point.
 *
 * @param formatVersion  bumped on any incompatible change; readers refuse versions they do not know
 * @param status         running, complete or interrupted
 * @param settings       the profile's JMH settings as they were applied
 * @param startups       per pattern: time to the first checked answer in a fresh JVM and the warm-up curve
 * @param scaling        per pattern: throughput with 1 and more concurrent callers
 */
public record Run(
        int formatVersion,
        String runId,
        String profile,
        String status,
        String startedAt,
        String finishedAt,
        Machine machine,
        Map<String, Object> settings,
        List<Floor> floors,
        List<Point> points,
        List<SkippedPattern> skipped,
        List<PatternInfo> patterns,
        List<WorkloadInfo> workloads,
        List<Startup> startups,
        List<Scaling> scaling) {

    public static final int FORMAT_VERSION = 2;

    /**
     * Format 1 (one fork per point) is still read; its intervals come from one JVM's iterations and
     * ignore fork-to-fork variation. Null for a current run.
     */
    public String formatWarning() {
        return formatVersion >= 2 ? null
                : runId + " was measured with one fork per point (run.json format " + formatVersion
                        + "): its intervals ignore fork-to-fork variation and read narrower than a rerun would show";
    }

    public Run {
        floors = floors == null ? List.of() : List.copyOf(floors);
        points = points == null ? List.of() : List.copyOf(points);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        startups = startups == null ? List.of() : List.copyOf(startups);
        scaling = scaling == null ? List.of() : List.copyOf(scaling);
    }

    /** A run without start-up or scaling measurements. */
    public Run(int formatVersion, String runId, String profile, String status, String startedAt, String finishedAt,
            Machine machine, Map<String, Object> settings, List<Floor> floors, List<Point> points,
            List<SkippedPattern> skipped, List<PatternInfo> patterns, List<WorkloadInfo> workloads) {
        this(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, points, skipped,
                patterns, workloads, List.of(), List.of());
    }

    /** The info of a pattern, by its name or by the label of one of the run's series. */
    public java.util.Optional<PatternInfo> pattern(String name) {
        java.util.Optional<PatternInfo> named = patterns.stream().filter(p -> p.name().equals(name)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        String base = patternOf(name);
        return base.equals(name) ? named : patterns.stream().filter(p -> p.name().equals(base)).findFirst();
    }

    /**
     * The pattern a series label belongs to: looked up among the run's points (a label is never
     * split); a label no point carries is taken as a pattern's name.
     */
    public String patternOf(String series) {
        for (Point p : points) {
            if (p.series().equals(series)) {
                return p.pattern();
            }
        }
        return series;
    }

    public java.util.Optional<WorkloadInfo> workload(String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    public Run withCatalog(List<PatternInfo> p, List<WorkloadInfo> w) {
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, points,
                skipped, p, w, startups, scaling);
    }

    public Run withPoint(Point p) {
        List<Point> next = new ArrayList<>(points);
        next.removeIf(q -> q.key().equals(p.key()));
        next.add(p);
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, next, skipped, patterns, workloads, startups, scaling);
    }

    public Run withPoints(List<Point> next) {
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, next, skipped, patterns, workloads, startups, scaling);
    }

    public Run withSkipped(List<SkippedPattern> s) {
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, points, s, patterns, workloads, startups, scaling);
    }

    public Run withSettings(Map<String, Object> s) {
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, s, floors, points,
                skipped, patterns, workloads, startups, scaling);
    }

    public Run withFloors(List<Floor> f) {
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, f, points, skipped, patterns, workloads, startups, scaling);
    }

    public Run withStartup(Startup st) {
        List<Startup> next = new ArrayList<>(startups);
        next.removeIf(q -> q.pattern().equals(st.pattern()));
        next.add(st);
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, points,
                skipped, patterns, workloads, next, scaling);
    }

    public Run withScaling(Scaling sc) {
        List<Scaling> next = new ArrayList<>(scaling);
        next.removeIf(q -> q.pattern().equals(sc.pattern()));
        next.add(sc);
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, points,
                skipped, patterns, workloads, startups, next);
    }

    /**
     * The run as if only these patterns had been measured: their points, their info, their skips,
     * start-ups and caller scaling; a name takes all its series, a series label only its own points. Floors stay:
     * they belong to mechanisms, not patterns.
     */
    public Run withPatternsOnly(java.util.Collection<String> names) {
        List<Point> kept = points.stream().filter(p -> names.contains(p.pattern()) || names.contains(p.series()))
                .toList();
        java.util.Set<String> keptPatterns = new java.util.HashSet<>(names);
        kept.forEach(p -> keptPatterns.add(p.pattern()));
        java.util.function.Predicate<String> in = keptPatterns::contains;
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors,
                kept,
                skipped.stream().filter(p -> in.test(p.pattern())).toList(),
                patterns.stream().filter(p -> in.test(p.name())).toList(), workloads,
                startups.stream().filter(p -> in.test(p.pattern())).toList(),
                scaling.stream().filter(p -> in.test(p.pattern())).toList());
    }

    public Run finished(String newStatus, String at) {
        return new Run(formatVersion, runId, profile, newStatus, startedAt, at, machine, settings, floors, points, skipped, patterns, workloads, startups, scaling);
    }
}
