package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.Side;
import io.gluebench.result.Family;
import io.gluebench.result.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ranges of N where the interpreted side wins: the fastest way CPython runs the Python
 * (jep-python, pemja-python, worker-python, py4j-python) beats the fastest native-backed way to run
 * the same work from Python (numpy or our C kernel reached through Jep or a worker), with the two
 * 95% intervals apart (where they overlap, neither side wins). Jython and
 * GraalPy, the Python on the JVM, are alternatives the advice names with their start-up. Java calling C directly (jni,
 * ffm) is left out: it is not an option for code that is Python, and it would win everywhere. A
 * boundary between two measured sizes lies where the two patterns' fitted cost models cross, when
 * that N* falls between them; otherwise at the sizes' geometric mean (N = 0 counts as 1).
 */
public final class Regions {
    private Regions() {
    }

    /** A range [fromN, toN] where the interpreted side is faster; fromN = 0 means from the start. */
    public record Range(double fromN, double toN, String interpreted, String nativeBacked) {
    }

    public static List<Range> interpretedWins(Run run, String workload) {
        return interpretedWins(run, null, workload);
    }


    /**
     * Which side of the glue-or-compute question a pattern is on, read from its stored info: CPython
     * running the Python, Python that calls native code (numpy, our C kernel), or neither: Java
     * itself, Java calling C, the Python on the JVM (Jython, GraalPy: alternatives with a start-up of
     * their own, not where the user's code is) or a labelled anti-pattern.
     */
    public static Side side(Run run, String pattern) {
        if (run.pattern(pattern).map(PatternInfo::antiPattern).orElse(false)) {
            return Side.NEITHER;
        }
        Kind kind = run.pattern(pattern).map(PatternInfo::kind).orElse(Kind.UNKNOWN);
        Family family = run.pattern(pattern).map(PatternInfo::family).orElse(Family.OTHER);
        if (kind == Kind.INTERPRETED) {
            return family.runsCPython() ? Side.INTERPRETED : Side.NEITHER;
        }
        return kind == Kind.NATIVE && family != Family.JNI && family != Family.FFM ? Side.NATIVE_BACKED : Side.NEITHER;
    }

    /** As above; with an analysis, boundaries sit at the model crossover N* where one lies in the gap. */
    public static List<Range> interpretedWins(Run run, Analysis analysis, String workload) {
        TreeSet<Integer> sizes = new TreeSet<>();
        TreeMap<Integer, String[]> best = new TreeMap<>();
        TreeMap<Integer, Point[]> bestP = new TreeMap<>();
        for (Point p : run.points()) {
            if (!p.workload().equals(workload) || !p.isOk() || p.score() == null) {
                continue;
            }
            Side side = side(run, p.series());
            if (!side.takesPart()) {
                continue;
            }
            int slot = side.slot();
            sizes.add(p.size());
            Point[] t = bestP.computeIfAbsent(p.size(), k -> new Point[2]);
            String[] names = best.computeIfAbsent(p.size(), k -> new String[2]);
            if (t[slot] == null || p.score() < t[slot].score()) {
                t[slot] = p;
                names[slot] = p.series();
            }
        }
        List<Integer> ns = sizes.stream().filter(n -> best.get(n)[0] != null && best.get(n)[1] != null).toList();
        List<Range> out = new ArrayList<>();
        Double start = null;
        String[] at = null;
        for (int i = 0; i < ns.size(); i++) {
            int n = ns.get(i);
            // A win only where the two intervals are apart: a tie is no win for either side.
            Point[] pair = bestP.get(n);
            boolean wins = pair[0].score() < pair[1].score() && Analyzer.separated(pair[0], pair[1]);
            if (wins && start == null) {
                at = best.get(n);
                start = i == 0 ? n : edge(analysis, workload, best.get(ns.get(i - 1))[1], at[0], ns.get(i - 1), n);
            }
            if (!wins && start != null) {
                out.add(new Range(start, edge(analysis, workload, at[0], best.get(n)[1], ns.get(i - 1), n), at[0], at[1]));
                start = null;
            }
        }
        if (start != null) {
            out.add(new Range(start, ns.get(ns.size() - 1), at[0], at[1]));
        }
        return out;
    }

    /** Where {@code small} hands over to {@code large} between measured sizes a < b. */
    static double edge(Analysis analysis, String workload, String small, String large, int a, int b) {
        if (analysis != null) {
            for (Crossover c : analysis.crossovers(workload)) {
                if (c.smallWinner().equals(small) && c.largeWinner().equals(large) && c.modelN() != null
                        && !c.extrapolated() && c.modelN() > a && c.modelN() < b) {
                    return c.modelN();
                }
            }
        }
        return boundary(a, b);
    }

    static double boundary(int a, int b) {
        return Math.sqrt(Math.max(a, 1) * (double) Math.max(b, 1));
    }
}
