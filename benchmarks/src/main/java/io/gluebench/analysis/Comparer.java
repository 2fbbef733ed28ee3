package io.gluebench.analysis;

import io.gluebench.result.Verdict;
import io.gluebench.analysis.Comparison.CrossoverAt;
import io.gluebench.analysis.Comparison.CrossoverShift;
import io.gluebench.analysis.Comparison.FamilySummary;
import io.gluebench.analysis.Comparison.PointComparison;
import io.gluebench.analysis.Comparison.RunRef;
import io.gluebench.analysis.Comparison.Rules;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.WorkloadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares stored runs point by point against the first. Pure function of the runs and the rules.
 *
 * <p><b>Samples are forks.</b> A point measured in several forks (run.json format 2) is tested by
 * its fork means, one value per JVM: the variation a rerun shows is between JVMs, and iterations
 * of one JVM would understate it (DESIGN truth rule 5). Format-1 points (one fork) are tested by
 * their iterations, as before, and a pair of one format-1 and one format-2 point is refused.
 *
 * <p><b>Verdict.</b> For a point measured (status ok, two or more samples) in both runs, with the
 * ratio r = mean(other) / mean(baseline), its 95% interval [lo, hi] ({@link RatioOfMeans}) and the
 * two-sided Mann-Whitney U test of the samples ({@link MannWhitney}):
 * <ul>
 *   <li><b>faster</b>: p &lt; alpha and hi &lt; 1/(1+band): the other run is faster, significantly
 *       and by more than the practical band (2% by default);</li>
 *   <li><b>slower</b>: p &lt; alpha and lo &gt; 1+band;</li>
 *   <li><b>same</b>: otherwise: no significant difference, or one too small to matter.</li>
 * </ul>
 * When the sample sizes are so small that no outcome of the U test can reach alpha (3 against 3
 * gives at best p = 0.1), the U test is not required: the verdict rests on the interval alone,
 * whose t quantile at the few degrees of freedom is already wide, and a warning names the remedy.
 * Requiring an impossible p would call every point "same", which hides large, obvious changes.
 *
 * <p><b>Not comparable</b>, with a one-line reason, when the point failed or was skipped in either
 * run, lacks two samples on either side, or when the runs did not measure the same thing: the
 * workload's source hash or its verification tolerance differ, or the pattern's configuration
 * differs. A field that either run does not record (an older or imported run) is not a refusal;
 * it gives a warning that it could not be checked.
 */
public final class Comparer {
    private Comparer() {
    }

    public static Comparison compare(List<Run> runs, Rules rules) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a comparison needs two or more runs");
        }
        List<RunRef> refs = refs(runs);
        Run base = runs.get(0);
        RunRef baseRef = refs.get(0);
        List<PointComparison> rows = new ArrayList<>();
        Warnings warnings = new Warnings();
        for (int j = 1; j < runs.size(); j++) {
            Run other = runs.get(j);
            RunRef ref = refs.get(j);
            settingsWarning(base, baseRef, other, ref, warnings);
            Map<String, Point> byKey = new LinkedHashMap<>();
            other.points().forEach(p -> byKey.put(p.key(), p));
            int untestable = 0;
            List<String> loose = new ArrayList<>();
            for (Point b : base.points()) {
                Point o = byKey.get(b.key());
                if (o == null) {
                    o = looseMatch(b, other.points());
                    if (o == null) {
                        continue;
                    }
                    loose.add(b.series() + " N=" + b.size() + " (" + where(b) + " in " + baseRef.letter() + ", "
                            + where(o) + " in " + ref.letter() + ")");
                }
                PointComparison row = point(base, baseRef, b, other, ref, o, rules, warnings);
                if (Boolean.FALSE.equals(row.testCanDecide())) {
                    untestable++;
                }
                rows.add(row);
            }
            if (!loose.isEmpty()) {
                warnings.put("loose/" + ref.letter(), new StabilityWarning("unrecorded-placement", null, null, null,
                        loose.size() + " point(s) were matched although only one of runs " + baseRef.letter() + " and "
                                + ref.letter() + " records their transport or placement, e.g. " + loose.get(0)
                                + "; the run without it is taken to have used the same.",
                        "Rerun the older run with this gluebench, which records both, to compare like with like."));
            }
            if (untestable > 0) {
                warnings.put("few-samples/" + ref.letter(), fewSamples(baseRef, ref, rows, untestable, rules));
            }
        }
        return new Comparison(rules, refs, List.copyOf(rows), warnings.all(), families(rows),
                crossovers(runs, refs));
    }

    static List<RunRef> refs(List<Run> runs) {
        List<RunRef> out = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            var m = r.machine();
            String label = (m == null || m.id() == null ? "unknown-machine" : m.id()) + "/" + r.runId();
            String unique = label;
            for (int k = 2; !labels.add(unique); k++) {
                unique = label + " (" + k + ")";
            }
            out.add(new RunRef(letter(i), unique, m == null ? null : m.id(), r.runId(), r.profile(),
                    m == null ? null : m.cpuModel(), m == null ? null : m.cores(), m == null ? null : m.jdkVersion(),
                    m == null ? null : m.gitCommit(), m != null && m.gitDirty(), measurementIterations(r)));
        }
        return List.copyOf(out);
    }

    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "R" + (i + 1);
    }

    /** The profile's JMH settings as stored in the run (settings.profile.jmh), or null. */
    static Map<?, ?> jmh(Run run) {
        if (run.settings() != null && run.settings().get("profile") instanceof Map<?, ?> profile
                && profile.get("jmh") instanceof Map<?, ?> jmh) {
            return jmh;
        }
        return null;
    }

    static Integer measurementIterations(Run run) {
        Map<?, ?> jmh = jmh(run);
        return jmh != null && jmh.get("measurementIterations") instanceof Number n ? n.intValue() : null;
    }

    static void settingsWarning(Run base, RunRef baseRef, Run other, RunRef ref, Warnings out) {
        Map<?, ?> a = jmh(base);
        Map<?, ?> b = jmh(other);
        if (a != null && b != null && !a.equals(b)) {
            out.put("settings/" + ref.letter(), new StabilityWarning("settings-differ", null, null, null,
                    "Runs " + baseRef.letter() + " and " + ref.letter() + " were measured with different JMH settings ("
                            + baseRef.letter() + ": " + a + "; " + ref.letter() + ": " + b + ").",
                    "Part of a difference may come from the settings; compare runs of the same profile."));
        }
    }

    static PointComparison point(Run base, RunRef baseRef, Point b, Run other, RunRef ref, Point o, Rules rules,
            Warnings warnings) {
        String family = base.pattern(b.series()).or(() -> other.pattern(o.series()))
                .map(i -> i.family().label()).orElse("unknown");
        Function<String, PointComparison> refuse = reason -> new PointComparison(b.key(), b.workload(), b.pattern(),
                b.size(), b.transport(), b.placement(), family, ref.letter(), positive(b.score()), positive(o.score()),
                count(b), count(o), Comparison.Test.NONE, Verdict.NOT_COMPARABLE, reason);
        if (!b.isOk()) {
            return refuse.apply(b.status() + " in run " + baseRef.letter() + reasonOf(b));
        }
        if (!o.isOk()) {
            return refuse.apply(o.status() + " in run " + ref.letter() + reasonOf(o));
        }
        String refusal = sameWorkload(base, baseRef, other, ref, b.workload(), warnings);
        if (refusal == null) {
            refusal = samePattern(base, baseRef, other, ref, b.series(), warnings);
        }
        if (refusal != null) {
            return refuse.apply(refusal);
        }
        if (b.forks().isEmpty() != o.forks().isEmpty()) {
            return refuse.apply("run " + (b.forks().isEmpty() ? baseRef.letter() : ref.letter())
                    + " measured this point in one fork (format 1) and the other in several: their intervals do not "
                    + "measure the same variation; rerun the older one");
        }
        double[] xs = samples(b);
        double[] ys = samples(o);
        String unit = b.forks().isEmpty() ? "sample(s)" : "fork(s)";
        if (xs.length < 2 || ys.length < 2) {
            return refuse.apply("run " + (xs.length < 2 ? baseRef.letter() + " has " + xs.length
                    : ref.letter() + " has " + ys.length) + " " + unit + " of this point; a test needs 2 or more per side");
        }
        RatioOfMeans.Result r = RatioOfMeans.of(xs, ys, rules.level());
        MannWhitney.Result u = MannWhitney.test(xs, ys);
        boolean canDecide = u.minimumP() < rules.alpha();
        Verdict verdict = verdict(r.ci(), u.p(), canDecide, rules);
        return new PointComparison(b.key(), b.workload(), b.pattern(), b.size(), b.transport(), b.placement(), family,
                ref.letter(), RatioOfMeans.mean(xs), RatioOfMeans.mean(ys), xs.length, ys.length,
                new Comparison.Test(r.ratio(), r.ci(), r.df(), u.u(), u.p(), u.exact(), canDecide), verdict, why(verdict, r.ci(), u.p(), canDecide, xs.length,
                        ys.length, rules));
    }

    /**
     * The point of {@code others} with the same workload, pattern and size whose transport and
     * placement agree with {@code b}'s wherever both record one; null unless exactly one does.
     */
    static Point looseMatch(Point b, List<Point> others) {
        List<Point> found = others.stream().filter(o -> o.workload().equals(b.workload())
                && o.series().equals(b.series()) && o.size() == b.size()
                && agrees(b.transport(), o.transport()) && agrees(b.placement(), o.placement())).toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    private static boolean agrees(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    private static String where(Point p) {
        String s = (p.transport() == null ? "" : p.transport()) + (p.placement() == null ? "" : "/" + p.placement());
        return s.isEmpty() ? "none recorded" : s.replaceFirst("^/", "");
    }

    /**
     * The verdict rule (see the class comment): faster or slower need the interval outside the
     * practical band and, when the sample sizes allow it to, p below alpha.
     */
    public static Verdict verdict(Interval ci, double p, boolean testCanDecide, Rules rules) {
        boolean significant = !testCanDecide || p < rules.alpha();
        if (significant && ci.hi() < 1 / (1 + rules.band())) {
            return Verdict.FASTER;
        }
        if (significant && ci.lo() > 1 + rules.band()) {
            return Verdict.SLOWER;
        }
        return Verdict.SAME;
    }

    static String why(Verdict verdict, Interval ci, double p, boolean canDecide, int n, int m, Rules rules) {
        String band = pct(rules.band());
        String test = canDecide ? String.format(Locale.ROOT, "p=%.2g", p)
                : n + " vs " + m + " samples: the U test cannot reach p<" + rules.alpha() + ", decided by the CI alone";
        return switch (verdict) {
            case FASTER, SLOWER -> test + "; the CI excludes ±" + band;
            default -> !canDecide || p < rules.alpha()
                    ? test + "; the CI overlaps ±" + band
                    : test + (ci.contains(1) ? "" : "; the CI excludes 1 but the ranks do not differ");
        };
    }

    private static String pct(double share) {
        double v = 100 * share;
        return (v == Math.rint(v) ? Long.toString(Math.round(v)) : Double.toString(v)) + "%";
    }

    private static String reasonOf(Point p) {
        return p.reason() == null || p.reason().isBlank() ? "" : ": " + p.reason().lines().findFirst().orElse("");
    }

    /** Refusal for the workload's sources or tolerance; warnings when a side does not record them. */
    static String sameWorkload(Run base, RunRef baseRef, Run other, RunRef ref, String workload,
            Warnings warnings) {
        WorkloadInfo a = base.workload(workload).orElse(null);
        WorkloadInfo b = other.workload(workload).orElse(null);
        String ha = a == null ? null : a.sourceHash();
        String hb = b == null ? null : b.sourceHash();
        if (ha != null && hb != null && !ha.equals(hb)) {
            return "workload " + workload + " has other sources in run " + ref.letter() + " (source hash "
                    + shortHash(ha) + " in " + baseRef.letter() + ", " + shortHash(hb) + " in " + ref.letter() + ")";
        }
        if (ha == null || hb == null) {
            warnings.unchecked("unchecked-source", true, workload, new String[] {"ran the same sources",
                "ran the same sources"}, "source hash", baseRef, ref, ha == null, hb == null);
        }
        Double ta = a == null ? null : a.tolerance();
        Double tb = b == null ? null : b.tolerance();
        if (ta != null && tb != null && Double.compare(ta, tb) != 0) {
            return "workload " + workload + " was verified under another tolerance in run " + ref.letter() + " ("
                    + ta + " in " + baseRef.letter() + ", " + tb + " in " + ref.letter() + ")";
        }
        if (ta == null || tb == null) {
            warnings.unchecked("unchecked-tolerance", true, workload, new String[] {
                "was verified under the same tolerance", "were verified under the same tolerance"}, "tolerance",
                baseRef, ref, ta == null, tb == null);
        }
        return null;
    }

    /** Refusal when the pattern's configuration differs; a warning when a side does not record it. */
    static String samePattern(Run base, RunRef baseRef, Run other, RunRef ref, String series,
            Warnings warnings) {
        String ca = base.pattern(series).map(PatternInfo::config).orElse(null);
        String cb = other.pattern(series).map(PatternInfo::config).orElse(null);
        String name = base.pattern(series).map(PatternInfo::name).orElse(series);
        if (ca != null && cb != null && !ca.equals(cb)) {
            return "pattern " + name + " is configured differently in run " + ref.letter() + " ("
                    + configDiff(ca, cb, baseRef.letter(), ref.letter()) + ")";
        }
        if (ca == null || cb == null) {
            warnings.unchecked("unchecked-config", false, name, new String[] {"was configured the same way",
                "were configured the same way"}, "configuration", baseRef, ref, ca == null, cb == null);
        }
        return null;
    }

    /** Warnings keyed so that each is given once; unchecked fields collect the names they concern. */
    static final class Warnings {
        private final Map<String, StabilityWarning> fixed = new LinkedHashMap<>();
        private final Map<String, Unchecked> unchecked = new LinkedHashMap<>();

        void put(String key, StabilityWarning w) {
            fixed.putIfAbsent(key, w);
        }

        /**
         * A workload or pattern {@code name} whose {@code field} cannot be checked between two runs.
         *
         * @param claim the check as a verb phrase, singular and plural: "ran the same sources"
         */
        void unchecked(String kind, boolean workload, String name, String[] claim, String field, RunRef baseRef,
                RunRef ref, boolean baseMissing, boolean otherMissing) {
            String missing = baseMissing && otherMissing ? "runs " + baseRef.letter() + " and " + ref.letter() + " do"
                    : "run " + (baseMissing ? baseRef.letter() : ref.letter()) + " does";
            unchecked.computeIfAbsent(kind + "/" + ref.letter() + "/" + missing,
                    k -> new Unchecked(kind, workload, claim, field, missing, baseRef.letter() + " and " + ref.letter(),
                            new LinkedHashSet<>())).names().add(name);
        }

        List<StabilityWarning> all() {
            List<StabilityWarning> out = new ArrayList<>();
            for (Unchecked u : unchecked.values()) {
                String names = String.join(", ", u.names());
                boolean plural = u.names().size() > 1;
                out.add(new StabilityWarning(u.kind(), u.workload() ? names : null, u.workload() ? null : names, null,
                        "Cannot check that " + (u.workload() ? "workload" : "pattern") + (plural ? "s " : " ") + names
                                + " " + u.claim()[plural ? 1 : 0] + " in runs " + u.runs() + ": " + u.missing()
                                + " not record the " + u.field() + " (an older or imported run).",
                        "Rerun with this gluebench, which records it, to have it checked."));
            }
            out.addAll(fixed.values());
            return List.copyOf(out);
        }
    }

    private record Unchecked(String kind, boolean workload, String[] claim, String field, String missing, String runs,
            Set<String> names) {
    }

    /** The tokens of two configurations that differ, shortened to one line. */
    static String configDiff(String a, String b, String la, String lb) {
        List<String> ta = Arrays.asList(a.split("\\s+"));
        List<String> tb = Arrays.asList(b.split("\\s+"));
        List<String> onlyA = ta.stream().filter(t -> !tb.contains(t)).toList();
        List<String> onlyB = tb.stream().filter(t -> !ta.contains(t)).toList();
        if (onlyA.isEmpty() && onlyB.isEmpty()) {
            return "same settings in another order";
        }
        return la + ": " + shorten(onlyA) + "; " + lb + ": " + shorten(onlyB);
    }

    private static String shorten(List<String> tokens) {
        if (tokens.isEmpty()) {
            return "nothing else";
        }
        String s = String.join(" ", tokens.subList(0, Math.min(3, tokens.size())))
                + (tokens.size() > 3 ? " …" : "");
        return s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }

    private static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) : h;
    }

    static StabilityWarning fewSamples(RunRef baseRef, RunRef ref, List<PointComparison> rows, int untestable,
            Rules rules) {
        Set<String> sizes = new LinkedHashSet<>();
        rows.stream().filter(r -> r.run().equals(ref.letter()) && Boolean.FALSE.equals(r.testCanDecide()))
                .forEach(r -> sizes.add(r.baselineSamples() + " vs " + r.otherSamples()));
        int need = MannWhitney.samplesNeeded(rules.alpha());
        return new StabilityWarning("few-samples", null, null, null,
                untestable + " point(s) of runs " + baseRef.letter() + " and " + ref.letter() + " have too few samples ("
                        + String.join(", ", sizes) + ") for the Mann-Whitney U test ever to reach p < " + rules.alpha()
                        + " (that needs " + need + " or more per side); their verdicts rest on the "
                        + Math.round(100 * rules.level()) + "% CI of the ratio alone.",
                rules.fewSamplesRemedy());
    }

    static List<FamilySummary> families(List<PointComparison> rows) {
        Map<String, List<PointComparison>> groups = new LinkedHashMap<>();
        for (PointComparison r : rows) {
            groups.computeIfAbsent(r.run() + "\u0000" + r.family(), k -> new ArrayList<>()).add(r);
        }
        List<FamilySummary> out = new ArrayList<>();
        for (List<PointComparison> g : groups.values()) {
            Map<Verdict, Integer> counts = new LinkedHashMap<>();
            java.util.Arrays.stream(Verdict.values()).forEach(v -> counts.put(v, 0));
            double logSum = 0;
            int n = 0;
            for (PointComparison r : g) {
                counts.merge(r.verdict(), 1, Integer::sum);
                if (r.ratio() != null && !Verdict.NOT_COMPARABLE.equals(r.verdict())) {
                    logSum += Math.log(r.ratio());
                    n++;
                }
            }
            out.add(new FamilySummary(g.get(0).family(), g.get(0).run(), n, n == 0 ? null : Math.exp(logSum / n),
                    java.util.Collections.unmodifiableMap(counts)));
        }
        return List.copyOf(out);
    }

    /**
     * Headline crossovers (interpreted against native-backed) of any run whose two patterns were
     * measured in at least two of the runs, in every run.
     */
    static List<CrossoverShift> crossovers(List<Run> runs, List<RunRef> refs) {
        List<Analysis> analyses = runs.stream().map(Analyzer::analyze).toList();
        Map<String, String[]> pairs = new LinkedHashMap<>();
        for (Analysis a : analyses) {
            for (Crossover c : a.crossovers()) {
                if (c.headline() && measuredIn(runs, c.workload(), c.smallWinner()) >= 2
                        && measuredIn(runs, c.workload(), c.largeWinner()) >= 2) {
                    String[] pair = {c.workload(), c.smallWinner(), c.largeWinner()};
                    pairs.putIfAbsent(pairKey(c.workload(), c.smallWinner(), c.largeWinner()), pair);
                }
            }
        }
        List<CrossoverShift> out = new ArrayList<>();
        for (String[] pair : pairs.values()) {
            List<CrossoverAt> at = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Crossover c = analyses.get(i).crossovers(pair[0]).stream()
                        .filter(x -> pairKey(x.workload(), x.smallWinner(), x.largeWinner())
                                .equals(pairKey(pair[0], pair[1], pair[2])))
                        .findFirst().orElse(null);
                at.add(c == null ? new CrossoverAt(refs.get(i).letter(), false, null, null, null, null, null, false)
                        : new CrossoverAt(refs.get(i).letter(), true, c.smallWinner(), c.modelN(), c.modelCi(),
                                c.bracketLow(), c.bracketHigh(), c.extrapolated()));
            }
            out.add(new CrossoverShift(pair[0], pair[1], pair[2], List.copyOf(at)));
        }
        out.sort(java.util.Comparator.comparing(CrossoverShift::workload, workloadOrder(runs)));
        return List.copyOf(out);
    }

    /** In how many of the runs the pattern has a measured point of the workload. */
    static long measuredIn(List<Run> runs, String workload, String pattern) {
        return runs.stream().filter(r -> r.points().stream().anyMatch(p -> p.isOk() && p.score() != null
                && p.workload().equals(workload) && p.series().equals(pattern))).count();
    }

    private static java.util.Comparator<String> workloadOrder(List<Run> runs) {
        List<String> order = new ArrayList<>();
        runs.forEach(r -> r.points().forEach(p -> {
            if (!order.contains(p.workload())) {
                order.add(p.workload());
            }
        }));
        return java.util.Comparator.comparingInt(order::indexOf);
    }

    private static String pairKey(String workload, String a, String b) {
        return workload + "/" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
    }

    /**
     * The values a point is tested by: its fork means when it was measured in forks (format 2), so
     * that the test sees the variation between JVMs; a format-1 point's iteration scores otherwise.
     */
    static double[] samples(Point p) {
        if (!p.forks().isEmpty()) {
            return java.util.Arrays.stream(HierarchicalBootstrap.forkMeans(p.forkSamples())).filter(v -> v > 0).toArray();
        }
        if (p.samples() == null) {
            return new double[0];
        }
        return p.samples().stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).filter(v -> v > 0)
                .toArray();
    }

    private static int count(Point p) {
        return samples(p).length;
    }

    private static Double positive(Double v) {
        return v != null && v > 0 ? v : null;
    }
}
