package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which pattern is fastest across N, as a strip of segments: "when to glue" at a glance. Each
 * measured size goes to its fastest pattern (of those the filter admits); neighbouring sizes with the
 * same winner merge. A boundary between two winners lies at a fitted crossover N* of exactly those
 * two patterns when it falls inside the gap, else at the geometric mean of the two sizes (N = 0
 * counts as 1). Pure function of a run and its analysis.
 */
public final class Decision {
    private Decision() {
    }

    /** Families whose patterns run no Python: the JVM itself and its direct ways into C. */
    public static final Set<String> NO_PYTHON_FAMILIES = Set.of("jvm", "jni", "ffm");

    /**
     * One segment of the strip.
     *
     * @param fromN     left edge (the first segment starts at the smallest measured size)
     * @param toN       right edge (the last segment ends at the largest measured size)
     * @param pattern   the fastest pattern over the segment
     * @param sizes     the measured sizes it won
     * @param modelEdge toN is a model crossover N*, not a geometric mean (false for the last segment)
     */
    public record Segment(double fromN, double toN, String pattern, List<Integer> sizes, boolean modelEdge) {
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
        return strip(run, analysis, workload, p -> Regions.side(run, p) >= 0);
    }

    public static List<Segment> strip(Run run, Analysis analysis, String workload, Predicate<String> include) {
        List<Integer> sizes = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        for (Fastest.Row row : analysis.fastest()) {
            if (!row.workload().equals(workload)) {
                continue;
            }
            String best = null;
            double bestNs = Double.MAX_VALUE;
            for (Map.Entry<String, Double> e : row.nanos().entrySet()) {
                if (include.test(e.getKey()) && e.getValue() != null && e.getValue() < bestNs) {
                    bestNs = e.getValue();
                    best = e.getKey();
                }
            }
            if (best != null) {
                sizes.add(row.size());
                winners.add(best);
            }
        }
        List<Segment> out = new ArrayList<>();
        if (sizes.isEmpty()) {
            return out;
        }
        double from = sizes.get(0);
        List<Integer> won = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            won.add(sizes.get(i));
            boolean last = i == sizes.size() - 1;
            if (last) {
                out.add(new Segment(from, sizes.get(i), winners.get(i), List.copyOf(won), false));
            } else if (!winners.get(i).equals(winners.get(i + 1))) {
                int n0 = sizes.get(i);
                int n1 = sizes.get(i + 1);
                Double star = modelCrossing(analysis, workload, winners.get(i), winners.get(i + 1), n0, n1);
                double edge = star != null ? star : geometricMean(n0, n1);
                out.add(new Segment(from, edge, winners.get(i), List.copyOf(won), star != null));
                from = edge;
                won.clear();
            }
        }
        return out;
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
