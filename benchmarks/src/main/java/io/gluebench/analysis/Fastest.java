package io.gluebench.analysis;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Per workload and size: every pattern's time per call and the fastest of them. Pure function of a run. */
public final class Fastest {
    private Fastest() {
    }

    /**
     * One row of the summary.
     *
     * @param nanos    pattern to mean ns per call, only for measured points
     * @param fastest  the pattern with the lowest mean, or null when none was measured
     * @param tied     when the runner-up's 95% interval overlaps the fastest's: the fastest and every
     *                 pattern whose interval overlaps its interval, fastest first; else empty
     */
    public record Row(String workload, int size, Map<String, Double> nanos, String fastest, List<String> tied) {
        public Row {
            tied = tied == null ? List.of() : List.copyOf(tied);
        }

        /** A row without ties. */
        public Row(String workload, int size, Map<String, Double> nanos, String fastest) {
            this(workload, size, nanos, fastest, List.of());
        }

        /** The row's winner as a table names it: the fastest, or "tie: a/b/c" when others' intervals overlap it. */
        public String label() {
            return fastest == null ? "-" : tied.isEmpty() ? fastest : "tie: " + String.join("/", tied);
        }

        /** Whether the pattern is the fastest here or tied with it. */
        public boolean topOrTied(String pattern) {
            return pattern.equals(fastest) || tied.contains(pattern);
        }
    }

    public static List<Row> rows(Run run) {
        Map<String, TreeSet<Integer>> sizes = new LinkedHashMap<>();
        for (Point p : run.points()) {
            sizes.computeIfAbsent(p.workload(), k -> new TreeSet<>()).add(p.size());
        }
        List<Row> rows = new ArrayList<>();
        for (var e : sizes.entrySet()) {
            for (int n : e.getValue()) {
                Map<String, Double> nanos = new LinkedHashMap<>();
                for (Point p : run.points()) {
                    if (p.workload().equals(e.getKey()) && p.size() == n && p.isOk() && p.score() != null) {
                        nanos.put(p.series(), p.score());
                    }
                }
                Optional<Map.Entry<String, Double>> best = nanos.entrySet().stream().min(Map.Entry.comparingByValue());
                Row row = new Row(e.getKey(), n, nanos, best.map(Map.Entry::getKey).orElse(null));
                Decision.Cell cell = Decision.cell(run, row, x -> true);
                rows.add(cell == null || cell.winner() != null ? row
                        : new Row(row.workload(), n, nanos, row.fastest(), cell.tied()));
            }
        }
        return rows;
    }

    /** The measured patterns in the run's catalogue order, then any others in the order they were measured. */
    public static List<String> catalogueOrder(Run run) {
        LinkedHashSet<String> measured = new LinkedHashSet<>();
        run.points().forEach(p -> measured.add(p.series()));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        run.patterns().forEach(i -> {
            if (measured.contains(i.name())) {
                out.add(i.name());
            }
        });
        out.addAll(measured);
        return List.copyOf(out);
    }

    /** Patterns in the order they first appear in the run. */
    public static List<String> patterns(Run run) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        run.points().forEach(p -> out.add(p.series()));
        return List.copyOf(out);
    }
}
