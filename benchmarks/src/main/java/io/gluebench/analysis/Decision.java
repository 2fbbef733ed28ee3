package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which pattern is fastest across N, as a strip of segments: "when to glue" at a glance. Each
 * measured size goes to its fastest pattern (of those the filter admits), unless the runner-up's
 * interval overlaps the fastest's: then the size is a tie, and no winner is named. Neighbouring
 * sizes with the same winner merge, and so do neighbouring ties. A boundary between two winners lies
 * at a fitted crossover N* of exactly those two patterns when it falls inside the gap, else (and
 * next to a tie) at the geometric mean of the two sizes (N = 0 counts as 1). Pure function of a run
 * and its analysis.
 */
public final class Decision {
    private Decision() {
    }

    /** Families whose patterns run no Python: the JVM itself and its direct ways into C. */
    public static final Set<io.gluebench.result.Family> NO_PYTHON_FAMILIES = Set.of(io.gluebench.result.Family.JVM,
            io.gluebench.result.Family.JNI, io.gluebench.result.Family.FFM);

    /** What a tie segment is called where a winner's name would be. */
    public static final String TIE = "tie";

    /**
     * One segment of the strip.
     *
     * @param fromN     left edge (the first segment starts at the smallest measured size)
     * @param toN       right edge (the last segment ends at the largest measured size)
     * @param pattern   the fastest pattern over the segment, or null for a tie
     * @param sizes     the measured sizes it won (or tied)
     * @param modelEdge toN is a model crossover N*, not a geometric mean (false for the last segment)
     * @param tied      for a tie, the patterns whose interval overlaps the fastest's at one of its
     *                  sizes, fastest first; empty for a winner
     */
    public record Segment(double fromN, double toN, String pattern, List<Integer> sizes, boolean modelEdge,
            List<String> tied) {
        public Segment {
            sizes = List.copyOf(sizes);
            tied = List.copyOf(tied);
        }

        /** A segment with one winner. */
        public Segment(double fromN, double toN, String pattern, List<Integer> sizes, boolean modelEdge) {
            this(fromN, toN, pattern, sizes, modelEdge, List.of());
        }

        public boolean tie() {
            return pattern == null;
        }

        /** The winner's name, or "tie". */
        public String label() {
            return tie() ? TIE : pattern;
        }
    }

    /** The strip over every measured pattern. */
    public static List<Segment> strip(Run run, Analysis analysis, String workload) {
        return strip(run, analysis, workload, p -> true);
    }

    /**
     * The strip over the ways CPython runs the work ("if the code stays in CPython"): CPython running
     * the Python, or handing it to numpy or C; not Jython or GraalPy (the Python on the JVM, an
     * alternative with its own start-up) and not anti-patterns.
     */
    public static List<Segment> pythonStrip(Run run, Analysis analysis, String workload) {
        return strip(run, analysis, workload, p -> Regions.side(run, p).takesPart());
    }

    public static List<Segment> strip(Run run, Analysis analysis, String workload, Predicate<String> include) {
        List<Integer> sizes = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (Fastest.Row row : analysis.fastest()) {
            if (!row.workload().equals(workload)) {
                continue;
            }
            Cell c = cell(run, row, include);
            if (c != null) {
                sizes.add(row.size());
                cells.add(c);
            }
        }
        List<Segment> out = new ArrayList<>();
        if (sizes.isEmpty()) {
            return out;
        }
        double from = sizes.get(0);
        List<Integer> won = new ArrayList<>();
        LinkedHashSet<String> tied = new LinkedHashSet<>();
        for (int i = 0; i < sizes.size(); i++) {
            Cell c = cells.get(i);
            won.add(sizes.get(i));
            tied.addAll(c.tied());
            boolean last = i == sizes.size() - 1;
            if (last) {
                out.add(new Segment(from, sizes.get(i), c.winner(), won, false, List.copyOf(tied)));
            } else if (!c.key().equals(cells.get(i + 1).key())) {
                int n0 = sizes.get(i);
                int n1 = sizes.get(i + 1);
                String next = cells.get(i + 1).winner();
                Double star = c.winner() == null || next == null ? null
                        : modelCrossing(analysis, workload, c.winner(), next, n0, n1);
                double edge = star != null ? star : geometricMean(n0, n1);
                out.add(new Segment(from, edge, c.winner(), won, star != null, List.copyOf(tied)));
                from = edge;
                won.clear();
                tied.clear();
            }
        }
        return out;
    }

    /**
     * One size of the strip: its winner, or (winner null) the patterns tied with the fastest.
     *
     * @param tied empty for a winner
     */
    record Cell(String winner, List<String> tied) {
        String key() {
            return winner == null ? TIE : winner;
        }
    }

    /**
     * The fastest of the admitted patterns at a row's size, or a tie when the runner-up's interval
     * overlaps the fastest's; null when no admitted pattern was measured there.
     */
    static Cell cell(Run run, Fastest.Row row, Predicate<String> include) {
        List<Map.Entry<String, Double>> ranked = row.nanos().entrySet().stream()
                .filter(e -> include.test(e.getKey()) && e.getValue() != null)
                .sorted(Map.Entry.comparingByValue()).toList();
        if (ranked.isEmpty()) {
            return null;
        }
        String best = ranked.get(0).getKey();
        double[] band = band(run, row, best, ranked.get(0).getValue());
        if (ranked.size() < 2 || !overlap(band, band(run, row, ranked.get(1).getKey(), ranked.get(1).getValue()))) {
            return new Cell(best, List.of());
        }
        List<String> tied = new ArrayList<>();
        for (Map.Entry<String, Double> e : ranked) {
            if (tied.isEmpty() || overlap(band, band(run, row, e.getKey(), e.getValue()))) {
                tied.add(e.getKey());
            }
        }
        return new Cell(null, tied);
    }

    /** The interval of the point a row's time comes from; the time alone when the run has no such point. */
    private static double[] band(Run run, Fastest.Row row, String pattern, double ns) {
        return run.points().stream()
                .filter(p -> p.workload().equals(row.workload()) && p.size() == row.size() && p.series().equals(pattern)
                        && p.isOk() && p.score() != null && p.score() == ns)
                .findFirst().map(Analyzer::band).orElse(new double[] {ns, ns});
    }

    private static boolean overlap(double[] a, double[] b) {
        return !(a[1] < b[0] || b[1] < a[0]);
    }

    static Double modelCrossing(Analysis analysis, String workload, String small, String large, int n0, int n1) {
        for (Crossover c : analysis.crossovers(workload)) {
            if (c.smallWinner().equals(small) && c.largeWinner().equals(large) && c.modelN() != null
                    && c.modelN() > n0 && c.modelN() < n1) {
                return c.modelN();
            }
        }
        return null;
    }

    static double geometricMean(int a, int b) {
        return Math.sqrt(Math.max(a, 1) * (double) Math.max(b, 1));
    }
}
