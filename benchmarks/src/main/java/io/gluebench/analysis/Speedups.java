package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every pattern against one baseline, per size: baseline time / pattern time at the same N (above 1
 * the pattern is faster). A cell without a ratio says why: not run, the point's status, no baseline
 * at that N. Pure function of a run.
 */
public final class Speedups {
    private Speedups() {
    }

    /**
     * One cell.
     *
     * @param ratio   baseline time / pattern time, or null
     * @param missing why there is no ratio ("not run", the point's status, "no baseline", "–"), or null
     */
    public record Cell(String pattern, int size, Double ratio, String missing) {
    }

    /**
     * The ratios of one workload.
     *
     * @param patterns the rows: patterns with a point of the workload, in the run's pattern order
     * @param sizes    the columns: every size of the workload, ascending
     * @param cells    one per row and column, row by row
     */
    public record Table(String workload, String baseline, List<String> patterns, List<Integer> sizes, List<Cell> cells) {
        public Cell cell(String pattern, int size) {
            return cells.get(patterns.indexOf(pattern) * sizes.size() + sizes.indexOf(size));
        }
    }

    /**
     * The baseline: the wanted one if the run measured it; else, read from the stored pattern info,
     * the first pattern in the run's order that runs the Python in CPython and is no anti-pattern
     * (jep-python in a run of the catalogue), else the first interpreted pattern, else the baseline
     * kind (java), else the first measured.
     */
    public static String baseline(Run run, String wanted) {
        List<String> measured = Fastest.catalogueOrder(run);
        if (wanted != null && measured.contains(wanted)) {
            return wanted;
        }
        java.util.function.Predicate<String> interpreted = p -> run.pattern(p).map(PatternInfo::kind)
                .orElse(io.gluebench.result.Kind.UNKNOWN) == io.gluebench.result.Kind.INTERPRETED;
        return measured.stream().filter(p -> interpreted.test(p) && run.pattern(p)
                        .map(i -> i.family().runsCPython() && !i.antiPattern()).orElse(false)).findFirst()
                .or(() -> measured.stream().filter(interpreted).findFirst())
                .or(() -> measured.stream().filter(p -> run.pattern(p).map(PatternInfo::kind)
                        .orElse(io.gluebench.result.Kind.UNKNOWN) == io.gluebench.result.Kind.BASELINE).findFirst())
                .orElse(measured.isEmpty() ? null : measured.get(0));
    }

    /** The table against {@code baseline}, or null when the workload has no pattern or the baseline no measured point. */
    public static Table table(Run run, String workload, String baseline) {
        Map<String, Point> byKey = new HashMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Point p : run.points()) {
            if (p.workload().equals(workload)) {
                byKey.put(p.series() + "/" + p.size(), p);
                sizes.add(p.size());
            }
        }
        List<String> rows = new ArrayList<>();
        for (String p : Fastest.catalogueOrder(run)) {
            if (sizes.stream().anyMatch(n -> byKey.containsKey(p + "/" + n))) {
                rows.add(p);
            }
        }
        if (rows.isEmpty() || sizes.stream().noneMatch(n -> measured(byKey.get(baseline + "/" + n)))) {
            return null;
        }
        List<Cell> cells = new ArrayList<>();
        for (String pattern : rows) {
            for (int n : sizes) {
                Point b = byKey.get(baseline + "/" + n);
                Point p = byKey.get(pattern + "/" + n);
                if (measured(b) && measured(p)) {
                    cells.add(new Cell(pattern, n, b.score() / p.score(), null));
                    continue;
                }
                String missing = p == null ? "not run" : !p.isOk() ? p.status().label() : "–";
                if (p != null && p.isOk() && !measured(b)) {
                    missing = "no baseline";
                }
                cells.add(new Cell(pattern, n, null, missing));
            }
        }
        return new Table(workload, baseline, List.copyOf(rows), List.copyOf(sizes), List.copyOf(cells));
    }

    private static boolean measured(Point p) {
        return p != null && p.isOk() && p.score() != null && p.score() > 0;
    }
}
