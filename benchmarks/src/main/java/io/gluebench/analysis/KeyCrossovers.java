package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The few crossovers worth a label on a chart. Candidates are headline crossovers (interpreted vs
 * native-backed) with a model N* inside the measured sizes and not extrapolated. Those whose two
 * patterns are each the fastest of their kind at N* (by the fitted models) come first, then those
 * where one of them is, then the rest; within a rank the one lower on the chart (faster at N*) comes
 * first. A candidate within a factor {@link #MIN_SPACING} in N of one already picked is dropped, so
 * labels do not pile up. Pure function of a run and its analysis.
 */
public final class KeyCrossovers {
    /** Two labelled N* are at least this factor apart. */
    public static final double MIN_SPACING = 3.0;
    /** At most this many N* labels on one chart. */
    public static final int PER_CHART = 4;

    private KeyCrossovers() {
    }

    /**
     * A crossover picked for a label.
     *
     * @param timeNs the models' time per call at N* (where the two lines meet)
     */
    public record Mark(Crossover crossover, double n, double timeNs) {
    }

    public static List<Mark> pick(Run run, Analysis analysis, String workload, int max) {
        int minN = Integer.MAX_VALUE;
        int maxN = Integer.MIN_VALUE;
        for (Point p : run.points()) {
            if (p.workload().equals(workload) && p.isOk() && p.score() != null) {
                minN = Math.min(minN, p.size());
                maxN = Math.max(maxN, p.size());
            }
        }
        record Cand(Mark mark, int rank) {
        }
        List<Cand> cands = new ArrayList<>();
        for (Crossover c : analysis.crossovers(workload)) {
            if (!c.headline() || c.extrapolated() || c.modelN() == null || c.modelN() < minN || c.modelN() > maxN) {
                continue;
            }
            var ms = analysis.model(workload, c.smallWinner());
            if (ms.isEmpty()) {
                continue;
            }
            double n = c.modelN();
            int rank = 2 - (fastestOfKind(run, analysis, workload, c.smallWinner(), n) ? 1 : 0)
                    - (fastestOfKind(run, analysis, workload, c.largeWinner(), n) ? 1 : 0);
            cands.add(new Cand(new Mark(c, n, ms.get().predict(n)), rank));
        }
        cands.sort(Comparator.comparingInt(Cand::rank).thenComparingDouble(x -> x.mark().timeNs()));
        List<Mark> out = new ArrayList<>();
        for (Cand c : cands) {
            if (out.size() >= max) {
                break;
            }
            // Only ranks 0 and 1: a crossing of two patterns that are both beaten by others of
            // their kind answers no question anyone asks.
            if (c.rank() > 1) {
                continue;
            }
            boolean near = out.stream().anyMatch(m -> Math.max(m.n(), c.mark().n()) / Math.max(1e-9,
                    Math.min(m.n(), c.mark().n())) < MIN_SPACING);
            if (!near) {
                out.add(c.mark());
            }
        }
        out.sort(Comparator.comparingDouble(Mark::n));
        return out;
    }

    /** True when the pattern's fitted model is the lowest of its kind (interpreted or native) at N. */
    static boolean fastestOfKind(Run run, Analysis analysis, String workload, String pattern, double n) {
        io.gluebench.result.Kind kind = run.pattern(pattern).map(PatternInfo::kind).orElse(io.gluebench.result.Kind.UNKNOWN);
        var own = analysis.model(workload, pattern);
        if (own.isEmpty() || !own.get().fits()) {
            return false;
        }
        double t = own.get().predict(n);
        for (CostModel m : analysis.models()) {
            if (m.workload().equals(workload) && !m.pattern().equals(pattern) && m.fits()
                    && run.pattern(m.pattern()).map(PatternInfo::kind).orElse(io.gluebench.result.Kind.UNKNOWN) == kind
                    && m.predict(n) < t) {
                return false;
            }
        }
        return true;
    }
}
