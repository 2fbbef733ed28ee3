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
        List<SkippedPattern> skipped) {

    public static final int FORMAT_VERSION = 1;

    public Run {
        floors = floors == null ? List.of() : List.copyOf(floors);
        points = points == null ? List.of() : List.copyOf(points);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public Run withPoint(Point p) {
        List<Point> next = new ArrayList<>(points);
        next.removeIf(q -> q.key().equals(p.key()));
        next.add(p);
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, floors, next, skipped);
    }

    public Run withFloors(List<Floor> f) {
        return new Run(formatVersion, runId, profile, status, startedAt, finishedAt, machine, settings, f, points, skipped);
    }

    public Run finished(String newStatus, String at) {
        return new Run(formatVersion, runId, profile, newStatus, startedAt, at, machine, settings, floors, points, skipped);
    }
}
