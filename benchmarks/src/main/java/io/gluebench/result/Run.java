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

    /** The info of a pattern, by its name or by a series name "pattern@placement". */
    public java.util.Optional<PatternInfo> pattern(String name) {
        int at = name.indexOf('@');
        String base = at < 0 ? name : name.substring(0, at);
        return patterns.stream().filter(p -> p.name().equals(base)).findFirst();
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
     * start-ups and caller scaling (series "pattern@placement" go with their pattern). Floors stay:
     * they belong to mechanisms, not patterns.
     */
    public Run withPatternsOnly(java.util.Collection<String> names) {
        java.util.function.Predicate<String> in = n -> names.contains(n) || names.contains(n.split("@", 2)[0]);
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors,
                points.stream().filter(p -> in.test(p.pattern())).toList(),
                skipped.stream().filter(p -> in.test(p.pattern())).toList(),
                patterns.stream().filter(p -> in.test(p.name())).toList(), workloads,
                startups.stream().filter(p -> in.test(p.pattern())).toList(),
                scaling.stream().filter(p -> in.test(p.pattern())).toList());
    }

    public Run finished(String newStatus, String at) {
        return new Run(formatVersion, runId, profile, newStatus, startedAt, at, machine, settings, floors, points, skipped, patterns, workloads, startups, scaling);
    }
}
