package io.gluebench.analysis;

import io.gluebench.result.Family;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.Scaling;
import io.gluebench.result.Startup;
import io.gluebench.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four questions that decide what belongs in Python and what in compiled code, answered from a
 * run's measurements for a given N, calls per second R and callers T, each with a one-word verdict,
 * then one recommendation. "Where you are" is CPython running the Python (the fastest of jep-python,
 * pemja-python, worker-python and their transports, py4j-python); the crossing it weighs is the same
 * work handed to numpy or C from CPython. Jython and GraalPy, which run the Python on the JVM, are
 * alternatives the answers name with their start-up, not the default.
 */
public final class FourQuestions {
    /** A crossing is worth batching away while it is more than this share of a call. */
    public static final double BATCH_SHARE = 0.10;

    private FourQuestions() {
    }

    /** One question: its verdict in one word and its answer with the run's numbers. */
    public record Answer(String question, String verdict, String text) {
    }

    /**
     * The recommendation: {@code action} is one of "keep it in Python", "move the compute into
     * native code in process", "move it out of process", "batch the calls first"; {@code pattern}
     * the way to do it; {@code because} the evidence, in a sentence.
     */
    public record Recommendation(String action, String pattern, String because) {
    }

    public record Result(List<Answer> answers, Recommendation recommendation) {
    }


    /** CPython running the Python, in or out of process: where the user's code is today. */
    static boolean cpythonPure(Run run, Advisor.Rank r) {
        boolean cpython = run.pattern(r.pattern()).map(i -> i.family().runsCPython()).orElse(false);
        return io.gluebench.result.Kind.INTERPRETED.label().equals(r.kind()) && cpython;
    }

    /** The same work handed to numpy or C from CPython (not Java calling C, not an anti-pattern). */
    static boolean crossing(Run run, Advisor.Rank r) {
        return Regions.side(run, r.pattern()) == io.gluebench.result.Side.NATIVE_BACKED;
    }

    /** The pattern's family as the run stores it; {@link Family#OTHER} when it stores none. */
    static Family family(Run run, String pattern) {
        return run.pattern(pattern).map(PatternInfo::family).orElse(Family.OTHER);
    }

    public static Result answer(Run run, Analysis analysis, List<Advisor.Rank> ranks, String workload, int size,
            Double callsPerSecond, Integer callers) {
        Optional<Advisor.Rank> stay = ranks.stream().filter(r -> cpythonPure(run, r)).findFirst();
        Optional<Advisor.Rank> cross = ranks.stream().filter(r -> crossing(run, r)).findFirst();
        Optional<Advisor.Rank> jvmPython = ranks.stream()
                .filter(r -> family(run, r.pattern()).runsPythonOnJvm()).findFirst();
        List<Answer> answers = new ArrayList<>();
        Answer q1 = work(run, analysis, workload, size, stay, cross, jvmPython);
        answers.add(q1);
        Batch batch = batch(analysis, workload, size, cross.or(() -> ranks.stream()
                .filter(r -> family(run, r.pattern()) == Family.WORKER && !"anti-pattern".equals(r.kind())).findFirst()));
        answers.add(often(run, workload, size, callsPerSecond, stay, cross, jvmPython, batch));
        answers.add(data(run, ranks, workload, size));
        Answer q4 = callers(run, callers);
        answers.add(q4);
        Optional<Advisor.Rank> worker = ranks.stream().filter(r -> family(run, r.pattern()) == Family.WORKER
                && !"anti-pattern".equals(r.kind())
                && (cross.isEmpty() || Regions.side(run, r.pattern()) == Regions.side(run, cross.get().pattern()))).findFirst();
        return new Result(List.copyOf(answers), recommend(run, q1, q4, batch, stay, cross, worker, callers));
    }

    // ---- 1. How much work does one call do? ----

    static Answer work(Run run, Analysis analysis, String workload, int size, Optional<Advisor.Rank> stay,
            Optional<Advisor.Rank> cross, Optional<Advisor.Rank> jvmPython) {
        String q = "How much work does one call do?";
        if (stay.isEmpty()) {
            return new Answer(q, "unknown", "No CPython pattern ran " + workload + " with a cost model in this run.");
        }
        Advisor.Rank s = stay.get();
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "At N=%,d one call of %s (CPython running the Python) takes %s.",
                size, s.pattern(), Advisor.fmt(s.predictedNs())));
        if (cross.isEmpty()) {
            jvmPython.ifPresent(j -> t.append(String.format(Locale.ROOT, " On the JVM, %s takes %s.", j.pattern(),
                    Advisor.fmt(j.predictedNs()))));
            return new Answer(q, "glue", t.append(" No pattern hands this work to numpy or C (no numpy variant or kernel), "
                    + "so the choice is how to run the Python.").toString());
        }
        Advisor.Rank c = cross.get();
        CostModel cm = analysis.model(workload, c.pattern()).orElseThrow();
        double share = Math.min(1, cm.fixedNs() / c.predictedNs());
        t.append(String.format(Locale.ROOT, " Handed to %s it takes %s, of which %s (%.0f%%) is the fixed cost of crossing.",
                c.pattern(), Advisor.fmt(c.predictedNs()), Advisor.fmt(cm.fixedNs()), 100 * share));
        Optional<Crossover> x = analysis.crossovers(workload).stream()
                .filter(k -> (k.smallWinner().equals(s.pattern()) && k.largeWinner().equals(c.pattern()))
                        || (k.smallWinner().equals(c.pattern()) && k.largeWinner().equals(s.pattern())))
                .findFirst();
        x.ifPresent(k -> t.append(" ").append(crossoverText(k)));
        String verdict;
        if (Advisor.overlap(s, c)) {
            verdict = "either";
            t.append(" At this N the two are within the noise of each other.");
        } else if (c.predictedNs() < s.predictedNs()) {
            verdict = "compute";
            t.append(String.format(Locale.ROOT, " The compute outweighs the crossing: %s is %.1f× faster.", c.pattern(),
                    s.predictedNs() / c.predictedNs()));
        } else {
            verdict = "glue";
            t.append(String.format(Locale.ROOT, " The crossing outweighs the compute it saves: stay, %s is %.1f× faster.",
                    s.pattern(), c.predictedNs() / s.predictedNs()));
        }
        return new Answer(q, verdict, t.toString());
    }

    static String crossoverText(Crossover k) {
        if (k.modelN() != null && !k.extrapolated()) {
            String ci = k.modelCi() == null ? "" : String.format(Locale.ROOT, " (%,.0f–%,.0f)", k.modelCi().lo(), k.modelCi().hi());
            return String.format(Locale.ROOT, "They cross at N* ≈ %,.0f%s: below it %s wins, above it %s.", k.modelN(), ci,
                    k.smallWinner(), k.largeWinner());
        }
        if (k.bracketLow() != null) {
            return String.format(Locale.ROOT, "They cross between N=%,d and %,d: below %s wins, above %s.", k.bracketLow(),
                    k.bracketHigh(), k.smallWinner(), k.largeWinner());
        }
        return "";
    }

    // ---- 2. How often is it called, and how long does the process live? ----

    /** The size from which the fixed cost of crossing is at most BATCH_SHARE of a call, for one pattern. */
    public record Batch(String pattern, double fixedNs, double shareAtN, Double batchN) {
    }

    /**
     * N such that a <= BATCH_SHARE * (a + b f(N)), i.e. f(N) >= (1/BATCH_SHARE - 1) a / b, for the
     * pattern's model; null batchN when its per-unit cost is zero (no N amortises the crossing).
     */
    static Batch batch(Analysis analysis, String workload, int size, Optional<Advisor.Rank> rank) {
        if (rank.isEmpty()) {
            return null;
        }
        CostModel m = analysis.model(workload, rank.get().pattern()).orElse(null);
        if (m == null) {
            return null;
        }
        double share = Math.min(1, m.fixedNs() / Math.max(m.predict(size), Double.MIN_NORMAL));
        Double n = m.perUnitNs() <= 0 ? null
                : Analyzer.invert(m.complexity(), (1 / BATCH_SHARE - 1) * m.fixedNs() / m.perUnitNs());
        return new Batch(m.pattern(), m.fixedNs(), share, n);
    }

    static Answer often(Run run, String workload, int size, Double callsPerSecond, Optional<Advisor.Rank> stay,
            Optional<Advisor.Rank> cross, Optional<Advisor.Rank> jvmPython, Batch batch) {
        String q = "How often is it called, and how long does the process live?";
        StringBuilder t = new StringBuilder();
        String verdict = "fine";
        if (callsPerSecond != null) {
            for (Optional<Advisor.Rank> r : List.of(stay, cross)) {
                r.ifPresent(x -> t.append(String.format(Locale.ROOT, "At %,.0f calls/s %s takes %.0f%% of a core. ",
                        callsPerSecond, x.pattern(), 100 * callsPerSecond * x.predictedNs() / 1e9)));
            }
            Optional<Advisor.Rank> best = cross.isPresent() && stay.isPresent()
                    ? Optional.of(cross.get().predictedNs() < stay.get().predictedNs() ? cross.get() : stay.get())
                    : stay.or(() -> cross);
            if (best.isPresent() && callsPerSecond * best.get().predictedNs() / 1e9 > 1) {
                verdict = "busy";
                t.append("Even the faster needs more than one core: batch the calls or add callers. ");
            }
        }
        // Start-up: the time to the first checked answer, where this run measured it for this workload.
        List<Startup> st = run.startups().stream().filter(s -> s.workload().equals(workload) && Status.OK.equals(s.status())).toList();
        if (jvmPython.isPresent() && stay.isPresent()) {
            Optional<Startup> sj = st.stream().filter(s -> s.pattern().equals(jvmPython.get().pattern())).findFirst();
            Optional<Startup> ss = st.stream().filter(s -> s.pattern().equals(stay.get().pattern())).findFirst();
            if (sj.isPresent() && ss.isPresent()) {
                double extraMs = mean(sj.get().firstResultMillis()) - mean(ss.get().firstResultMillis());
                double saved = stay.get().predictedNs() - jvmPython.get().predictedNs();
                t.append(String.format(Locale.ROOT, "%s's first checked answer comes %.0f ms %s than %s's",
                        jvmPython.get().pattern(), Math.abs(extraMs), extraMs >= 0 ? "later" : "sooner", stay.get().pattern()));
                if (extraMs > 0 && saved > 0) {
                    t.append(String.format(Locale.ROOT, "; it pays that back after %,.0f calls at N=%,d, so a short-lived "
                            + "script should not move to it", extraMs * 1e6 / saved, size));
                }
                t.append(". ");
            } else {
                t.append("Start-up was not measured for ").append(workload).append(" in this run (a run measures it on one "
                        + "workload: the profile's, or the first --workload-file; not with --no-startup). ");
            }
        }
        if (batch != null) {
            t.append(String.format(Locale.ROOT, "Crossing into %s has a fixed %s, %.0f%% of a call at N=%,d", batch.pattern(),
                    Advisor.fmt(batch.fixedNs()), 100 * batch.shareAtN(), size));
            if (batch.batchN() != null) {
                t.append(String.format(Locale.ROOT, "; it falls under %.0f%% from N ≈ %,.0f on: the batch size for chatty code",
                        100 * BATCH_SHARE, Math.ceil(batch.batchN())));
                if (size < batch.batchN() && "fine".equals(verdict)) {
                    verdict = "batch";
                }
            }
            t.append(". ");
        }
        // The evidence: a pattern the run stores as chatty (one round trip per element), at its free placement.
        List<Point> chatty = run.points().stream().filter(p -> p.series().equals(p.pattern()) && isChatty(run, p.pattern())
                && p.isOk() && p.workload().equals(workload) && p.size() > 0).toList();
        if (!chatty.isEmpty()) {
            Point p = chatty.get(chatty.size() - 1);
            t.append(String.format(Locale.ROOT, "The evidence: %s, one round trip per element, takes %s at N=%,d "
                    + "(%s per element). ", p.pattern(), Advisor.fmt(p.score()), p.size(), Advisor.fmt(p.score() / p.size())));
        }
        return new Answer(q, verdict, t.toString().strip());
    }

    /** Whether the run stores the pattern as making one round trip per element. */
    static boolean isChatty(Run run, String pattern) {
        return run.pattern(pattern).map(i -> Boolean.TRUE.equals(i.chatty())).orElse(false);
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    // ---- 3. How much data crosses, and is it copied? ----

    /**
     * Each copying variant and the zero-copy way it is weighed against, as the run stores them
     * ({@link PatternInfo#zeroCopyTwin}), in the run's order: [copying, zero-copy].
     */
    static List<List<String>> copyPairs(Run run) {
        return run.patterns().stream().filter(i -> i.zeroCopyTwin() != null)
                .map(i -> List.of(i.name(), i.zeroCopyTwin())).toList();
    }

    static Answer data(Run run, List<Advisor.Rank> ranks, String workload, int size) {
        String q = "How much data crosses, and is it copied?";
        StringBuilder t = new StringBuilder();
        String verdict = "not measured";
        double worst = 0;
        for (List<String> pair : copyPairs(run)) {
            Optional<Advisor.Rank> copy = ranks.stream().filter(r -> r.pattern().equals(pair.get(0))).findFirst();
            Optional<Advisor.Rank> zero = ranks.stream().filter(r -> r.pattern().equals(pair.get(1))).findFirst();
            if (copy.isEmpty() || zero.isEmpty()) {
                continue;
            }
            double extra = copy.get().predictedNs() - zero.get().predictedNs();
            double share = extra / zero.get().predictedNs();
            worst = Math.max(worst, share);
            if (Advisor.overlap(copy.get(), zero.get())) {
                t.append(String.format(Locale.ROOT, "%s and %s are within the noise of each other (%s, %s). ",
                        pair.get(0), pair.get(1), Advisor.fmt(copy.get().predictedNs()), Advisor.fmt(zero.get().predictedNs())));
            } else if (extra > 0) {
                t.append(String.format(Locale.ROOT, "%s's copy costs %s (+%.0f%%) over %s. ", pair.get(0),
                        Advisor.fmt(extra), 100 * share, pair.get(1)));
            } else {
                t.append(String.format(Locale.ROOT, "%s is %.1f× faster than %s here: the copy is not what costs. ",
                        pair.get(0), zero.get().predictedNs() / copy.get().predictedNs(), pair.get(1)));
            }
            verdict = "zero-copy";
        }
        if (!"not measured".equals(verdict) && worst > BATCH_SHARE) {
            verdict = "copies cost";
        }
        if (t.isEmpty()) {
            t.append("No copying variant ran next to its zero-copy pattern for ").append(workload)
                    .append(" in this run (--pattern jep-numpy,jep-numpy-copy adds one pair).");
        }
        return new Answer(q, verdict, String.format(Locale.ROOT, "At N=%,d: ", size) + t.toString().strip());
    }

    // ---- 4. How many callers at once? ----

    static Answer callers(Run run, Integer callers) {
        String q = "How many callers at once?";
        List<Scaling> sc = run.scaling().stream().filter(s -> s.factor() != null).toList();
        if (sc.isEmpty()) {
            return new Answer(q, "not measured", "This run did not measure 1 against more callers.");
        }
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "Measured on %s at N=%,d: ", sc.get(0).workload(),
                sc.get(0).size()));
        List<String> parts = new ArrayList<>();
        boolean anyScales = false;
        boolean anySerial = false;
        for (Scaling s : sc) {
            String v = s.verdict() == null ? "" : s.verdict();
            anyScales |= v.startsWith("parallel") || v.startsWith("scales");
            anySerial |= v.startsWith("serialised");
            parts.add(String.format(Locale.ROOT, "%s ×%.2f%s (%s)", s.pattern(), s.factor(),
                    s.factorLow() == null ? "" : String.format(Locale.ROOT, " [%.2f–%.2f]", s.factorLow(), s.factorHigh()),
                    v.isEmpty() ? "no verdict" : v.split(":")[0]));
        }
        t.append(String.join("; ", parts)).append('.');
        if (callers != null && callers > 1) {
            t.append(String.format(Locale.ROOT, " With %d callers, a pattern that serialises gives each caller about 1/%d "
                    + "of one; one that scales keeps pace up to the cores.", callers, callers));
        }
        String verdict = anySerial && anyScales ? "mixed" : anyScales ? "scales" : anySerial ? "serialises" : "inconclusive";
        return new Answer(q, verdict, t.toString());
    }

    // ---- The recommendation ----

    /** The scaling verdict of a pattern in this run, or "" when not measured. */
    static String scalingVerdict(Run run, String pattern) {
        return run.scaling().stream().filter(s -> s.pattern().equals(pattern) && s.verdict() != null)
                .map(Scaling::verdict).findFirst().orElse("");
    }

    static Recommendation recommend(Run run, Answer work, Answer callersAnswer, Batch batch, Optional<Advisor.Rank> stay,
            Optional<Advisor.Rank> cross, Optional<Advisor.Rank> worker, Integer callers) {
        if (stay.isEmpty()) {
            return new Recommendation("no recommendation", null, "this run has no CPython pattern with a cost model");
        }
        boolean many = callers != null && callers > 1;
        if ("compute".equals(work.verdict()) && cross.isPresent()) {
            String p = cross.get().pattern();
            boolean outOfProcess = family(run, p).outOfProcess();
            if (many && !outOfProcess && scalingVerdict(run, p).startsWith("serialised") && worker.isPresent()) {
                // Serialised, T callers share one caller's throughput; a worker per caller runs on the cores.
                int cores = run.machine() == null ? 1 : Math.max(1, run.machine().cores());
                double inProcess = callers * cross.get().predictedNs();
                double outOfProcessNs = worker.get().predictedNs() * Math.ceil((double) callers / cores);
                if (outOfProcessNs < inProcess) {
                    return new Recommendation("move it out of process", worker.get().pattern(), String.format(Locale.ROOT,
                            "in process %s serialises its %d callers (each waits about %s), while %s, one worker per "
                                    + "caller, gives each about %s", p, callers, Advisor.fmt(inProcess), worker.get().pattern(),
                            Advisor.fmt(outOfProcessNs)));
                }
                return new Recommendation("move the compute into native code in process", p, String.format(Locale.ROOT,
                        "%s is %.1f× faster than %s; even serialised, %d callers wait about %s each, less than %s's %s",
                        p, stay.get().predictedNs() / cross.get().predictedNs(), stay.get().pattern(), callers,
                        Advisor.fmt(inProcess), worker.get().pattern(), Advisor.fmt(outOfProcessNs)));
            }
            return new Recommendation(outOfProcess ? "move it out of process" : "move the compute into native code in process",
                    p, String.format(Locale.ROOT, "%s is %.1f× faster than %s at this N", p,
                            stay.get().predictedNs() / cross.get().predictedNs(), stay.get().pattern()));
        }
        if (batch != null && batch.batchN() != null && batch.shareAtN() > BATCH_SHARE && !"glue".equals(work.verdict())) {
            return new Recommendation("batch the calls first", batch.pattern(), String.format(Locale.ROOT,
                    "the fixed cost of crossing is %.0f%% of each call; from N ≈ %,.0f per call it falls under %.0f%%",
                    100 * batch.shareAtN(), Math.ceil(batch.batchN()), 100 * BATCH_SHARE));
        }
        String because = cross.isEmpty()
                ? "there is no numpy or C version of this work, so the question is how to run the Python; "
                        + stay.get().pattern() + " is the fastest CPython way here (see the ranking for the JVM's Pythons)"
                : "either".equals(work.verdict())
                ? "the crossing and the Python are within the noise of each other here; keep the simpler"
                : "crossing costs more than the compute it saves at this N";
        return new Recommendation("keep it in Python", stay.get().pattern(), because);
    }
}
