package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Which pattern for my case?" from a stored run: patterns ranked by predicted time per call at N,
 * what R calls per second would cost in cores, the nearest crossover, and one sentence of reasoning.
 */
public final class Advisor {
    /** Beyond this factor outside the measured sizes a prediction is an extrapolation, and says so. */
    public static final double RANGE = 4.0;

    private Advisor() {
    }

    /**
     * One pattern's prediction.
     *
     * @param predictedNs  time per call at N
     * @param low          lower end: a and b both at the low end of their 95% intervals
     * @param high         upper end: both at the high end (a conservative band)
     * @param basis        "model" (fitted t = a + b f(N)), or "measured" when N was measured and the
     *                     model does not fit
     * @param coreShare    R x t: the share of one core R calls per second take, or null without R
     * @param extrapolated N lies more than 4x outside this pattern's measured sizes
     */
    public record Rank(String pattern, String kind, double predictedNs, double low, double high, String basis,
                       Double coreShare, boolean extrapolated, boolean modelFits) {
    }

    /** The crossover nearest to N (in log distance), and which side of it N is on. */
    public record Nearest(String smallWinner, String largeWinner, double crossoverN, Interval ci, double ratio,
                          String side) {
    }

    /**
     * The advice. Field names are the stable JSON of `advise --json` (formatVersion 2: format 1 plus
     * {@code callers}, {@code questions} and {@code recommendation}).
     */
    public record Advice(int formatVersion, String runId, String workload, int size, Double callsPerSecond,
                         Integer callers, List<FourQuestions.Answer> questions, FourQuestions.Recommendation recommendation,
                         List<Rank> ranking, Nearest nearestCrossover, String reasoning, List<String> notes) {
    }

    public static final int FORMAT_VERSION = 2;

    public static Advice advise(Run run, Analysis analysis, String workload, int size, Double callsPerSecond) {
        return advise(run, analysis, workload, size, callsPerSecond, null);
    }

    public static Advice advise(Run run, Analysis analysis, String workload, int size, Double callsPerSecond,
            Integer callers) {
        List<Rank> ranks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CostModel m : analysis.models()) {
            if (!m.workload().equals(workload)) {
                continue;
            }
            Optional<Point> measured = run.points().stream()
                    .filter(p -> p.workload().equals(workload) && p.series().equals(m.pattern()) && p.size() == size
                            && p.isOk() && p.score() != null)
                    .findFirst();
            double t;
            double lo;
            double hi;
            String basis;
            if (!m.fits() && measured.isPresent()) {
                Point p = measured.get();
                double err = p.scoreError() == null ? 0 : p.scoreError();
                t = p.score();
                lo = Math.max(0, t - err);
                hi = t + err;
                basis = "measured";
            } else {
                double f = m.complexity().apply(size);
                t = m.predict(size);
                lo = Math.max(0, m.fixedCi().lo()) + Math.max(0, m.perUnitCi().lo()) * f;
                hi = m.fixedCi().hi() + m.perUnitCi().hi() * f;
                basis = "model";
            }
            boolean extrapolated = m.extrapolates(size);
            if (!m.fits() && measured.isEmpty()) {
                notes.add(m.pattern() + ": its cost model does not fit the measured points (" + m.misfit()
                        + "); its prediction is rough.");
            }
            // A labelled anti-pattern is ranked, but never read as the best of its side.
            String kind = run.pattern(m.pattern()).map(i -> i.antiPattern() ? "anti-pattern" : i.kind().label()).orElse("unknown");
            ranks.add(new Rank(m.pattern(), kind, t, lo, hi, basis,
                    callsPerSecond == null ? null : callsPerSecond * t / 1e9, extrapolated, m.fits()));
        }
        ranks.sort(Comparator.comparingDouble(Rank::predictedNs));
        if (ranks.isEmpty()) {
            notes.add("no pattern has two or more measured sizes of " + workload + " in this run, so there is no model");
        }
        List<String> far = ranks.stream().filter(Rank::extrapolated).map(Rank::pattern).toList();
        if (!far.isEmpty()) {
            CostModel any = analysis.models().stream().filter(m -> m.workload().equals(workload)).findFirst().orElseThrow();
            notes.add(String.format(Locale.ROOT, "N=%d is more than %.0f× outside the measured sizes (%d to %d) of %s: "
                            + "these predictions are extrapolations; measure it with --size %d",
                    size, RANGE, any.minSize(), any.maxSize(), String.join(", ", far), size));
        }
        if (callsPerSecond != null) {
            ranks.stream().filter(r -> r.coreShare() > 1).findFirst().ifPresent(r -> notes.add(String.format(Locale.ROOT,
                    "at %.0f calls/s, %s and slower patterns need more than one core (%s needs %.1f)",
                    callsPerSecond, r.pattern(), r.pattern(), r.coreShare())));
        }
        Nearest nearest = nearest(analysis, workload, size);
        if (nearest != null) {
            analysis.crossovers(workload).stream()
                    .filter(c -> c.smallWinner().equals(nearest.smallWinner()) && c.largeWinner().equals(nearest.largeWinner())
                            && !c.settled())
                    .findFirst().ifPresent(c -> notes.add("the crossover " + c.smallWinner() + " | " + c.largeWinner()
                            + " is read from points that never reached a steady state (" + String.join("; ", c.unsettled())
                            + "); it may move on a rerun"));
        }
        run.points().stream().filter(p -> p.workload().equals(workload) && p.size() == size && p.isOk() && !p.steady())
                .forEach(p -> notes.add(p.series() + " at N=" + size + " never reached a steady state (" + p.steadyState()
                        + "); read its time as a range"));
        FourQuestions.Result four = FourQuestions.answer(run, analysis, ranks, workload, size, callsPerSecond, callers);
        return new Advice(FORMAT_VERSION, run.runId(), workload, size, callsPerSecond, callers, four.answers(),
                four.recommendation(), List.copyOf(ranks), nearest, reasoning(analysis, ranks, workload, size),
                List.copyOf(notes));
    }

    static Nearest nearest(Analysis analysis, String workload, int size) {
        Nearest best = null;
        double bestDist = Double.MAX_VALUE;
        double n = Math.max(size, 1);
        for (Crossover c : analysis.crossovers(workload)) {
            if (!c.headline()) {
                continue;
            }
            double at = c.modelN() != null && !c.extrapolated() ? c.modelN()
                    : c.bracketLow() != null ? Math.sqrt(Math.max(c.bracketLow(), 1) * (double) c.bracketHigh()) : -1;
            if (at <= 0) {
                continue;
            }
            double dist = Math.abs(Math.log(n / at));
            if (dist < bestDist) {
                bestDist = dist;
                best = new Nearest(c.smallWinner(), c.largeWinner(), at, c.modelN() != null ? c.modelCi() : null, n / at,
                        n < at ? "below: " + c.smallWinner() + " wins here" : "above: " + c.largeWinner() + " wins here");
            }
        }
        return best;
    }

    static String reasoning(Analysis analysis, List<Rank> ranks, String workload, int size) {
        if (ranks.isEmpty()) {
            return "No advice: this run has no cost models for " + workload + ".";
        }
        Rank best = ranks.get(0);
        String n = String.format(Locale.ROOT, "%,d", size);
        // The best in-process pattern that runs Python or native code, and the best worker.
        Optional<Rank> worker = ranks.stream().filter(r -> r.pattern().startsWith("worker")
                && !"anti-pattern".equals(r.kind())).findFirst();
        Optional<Rank> interp = ranks.stream().filter(r -> "interpreted".equals(r.kind())).findFirst();
        Optional<Rank> nat = ranks.stream().filter(r -> "native".equals(r.kind())).findFirst();
        StringBuilder s = new StringBuilder();
        Rank second = ranks.size() > 1 ? ranks.get(1) : null;
        if (second != null && overlap(best, second)) {
            // Naming one winner would be reading the noise.
            s.append("At N=").append(n).append(' ').append(best.pattern()).append(" and ").append(second.pattern())
                    .append(" are within the noise of each other (").append(band(best)).append(" against ")
                    .append(band(second)).append("): either is fastest");
        } else {
            s.append("At N=").append(n).append(' ').append(best.pattern()).append(" is fastest (")
                    .append(fmt(best.predictedNs())).append(')');
        }
        if (worker.isPresent() && !best.pattern().startsWith("worker")) {
            CostModel wm = analysis.model(workload, worker.get().pattern()).orElseThrow();
            double share = Math.min(1, wm.fixedNs() / worker.get().predictedNs());
            s.append(String.format(Locale.ROOT, "; the fixed %s of a worker round trip is %.0f%% of %s's call",
                    fmt(wm.fixedNs()), 100 * share, worker.get().pattern()));
        }
        if (interp.isPresent() && nat.isPresent()) {
            Rank i = interp.get();
            Rank c = nat.get();
            if (overlap(i, c)) {
                s.append(String.format(Locale.ROOT, ": the interpreter (%s, %s) and native code (%s, %s) are within "
                        + "the noise of each other here: either; decide on start-up, data and callers",
                        i.pattern(), band(i), c.pattern(), band(c)));
            } else if (i.predictedNs() <= c.predictedNs()) {
                s.append(String.format(Locale.ROOT, ": stay in the interpreter (%s, %s): crossing into %s costs %.1f× more "
                        + "than the compute it saves", i.pattern(), fmt(i.predictedNs()), c.pattern(), c.predictedNs() / i.predictedNs()));
            } else {
                s.append(String.format(Locale.ROOT, ": cross into native code (%s, %s): it is %.1f× faster than the best "
                        + "interpreted pattern, %s", c.pattern(), fmt(c.predictedNs()), i.predictedNs() / c.predictedNs(), i.pattern()));
            }
        }
        if ("baseline".equals(best.kind())) {
            s.append("; if the code can stay in Java, stay");
        }
        return s.append('.').toString();
    }

    /** Whether two predictions' 95% bands overlap (a band missing counts as the point alone). */
    static boolean overlap(Rank a, Rank b) {
        double aLo = Double.isFinite(a.low()) ? a.low() : a.predictedNs();
        double aHi = Double.isFinite(a.high()) ? a.high() : a.predictedNs();
        double bLo = Double.isFinite(b.low()) ? b.low() : b.predictedNs();
        double bHi = Double.isFinite(b.high()) ? b.high() : b.predictedNs();
        return aLo <= bHi && bLo <= aHi;
    }

    private static String band(Rank r) {
        return fmt(r.low()) + " – " + fmt(r.high());
    }

    static String fmt(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.3g s", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.3g ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.3g µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g ns", ns);
    }
}
