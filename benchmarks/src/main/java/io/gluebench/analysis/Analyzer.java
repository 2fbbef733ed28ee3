package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Turns a stored run into its {@link Analysis}. Deterministic: the bootstrap uses a fixed seed, so
 * the same run always gives the same intervals.
 */
public final class Analyzer {
    public static final int REPLICATES = 1000;
    public static final long SEED = 20261125L;
    /** A CI wider than this share of the score gets a warning. */
    public static final double WIDE_CI = 0.05;
    public static final int FEW_SAMPLES = 5;

    private Analyzer() {
    }

    public static Analysis analyze(Run run) {
        return analyze(run, null);
    }

    /**
     * The analysis with its speed-up tables against {@code speedupBaseline} (null, or a pattern the run
     * lacks: the first that runs the Python in CPython, see {@link Speedups#baseline}).
     */
    public static Analysis analyze(Run run, String speedupBaseline) {
        Map<String, Map<String, List<Point>>> byWorkload = new LinkedHashMap<>();
        for (Point p : run.points()) {
            if (p.isOk() && p.score() != null && p.score() > 0) {
                byWorkload.computeIfAbsent(p.workload(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
            }
        }
        List<CostModel> models = new ArrayList<>();
        Map<String, CostModelFit.Result> fits = new LinkedHashMap<>();
        Well19937c rng = new Well19937c(SEED);
        List<StabilityWarning> picked = new ArrayList<>();
        for (var w : byWorkload.entrySet()) {
            var info = run.workload(w.getKey());
            Complexity c;
            if (info.isPresent() && info.get().complexity() == null) {
                // A user's file that declares no COMPLEXITY: the f(N) that fits its patterns best.
                c = CostModelFit.pick(w.getValue().values().stream().map(CostModelFit::observations).toList());
                picked.add(new StabilityWarning("complexity-picked", w.getKey(), null, null,
                        "the file declares no COMPLEXITY: the cost model uses t(N) = a + b·" + c.label()
                                + ", the best fit of " + CostModelFit.PICKABLE.stream().map(Complexity::label)
                                .collect(java.util.stream.Collectors.joining(", ")) + " to the measured points",
                        "declare COMPLEXITY in the file when you know it"));
            } else {
                c = Complexity.parse(info.map(i -> i.complexity()).orElse("N"));
            }
            for (var p : w.getValue().entrySet()) {
                List<CostModelFit.Observation> obs = CostModelFit.observations(p.getValue());
                if (obs.size() < 2) {
                    continue;
                }
                CostModelFit.Result r = CostModelFit.fit(w.getKey(), p.getKey(), c, obs, REPLICATES, rng);
                models.add(r.model());
                fits.put(w.getKey() + "/" + p.getKey(), r);
            }
        }

        List<Crossover> crossovers = new ArrayList<>();
        for (var w : byWorkload.entrySet()) {
            List<String> patterns = List.copyOf(w.getValue().keySet());
            for (int i = 0; i < patterns.size(); i++) {
                for (int j = i + 1; j < patterns.size(); j++) {
                    Crossover x = crossover(run, w.getKey(), patterns.get(i), patterns.get(j),
                            w.getValue().get(patterns.get(i)), w.getValue().get(patterns.get(j)), fits);
                    if (x != null) {
                        crossovers.add(x);
                    }
                }
            }
        }
        crossovers.sort(Comparator.comparing((Crossover c) -> !c.headline()).thenComparing(Crossover::workload));

        List<OverheadShare> overhead = new ArrayList<>();
        for (var w : byWorkload.entrySet()) {
            for (var p : w.getValue().entrySet()) {
                CostModelFit.Result r = fits.get(w.getKey() + "/" + p.getKey());
                if (r == null) {
                    continue;
                }
                for (Point pt : p.getValue()) {
                    double a = r.model().fixedNs();
                    overhead.add(new OverheadShare(w.getKey(), p.getKey(), pt.size(), pt.score(), a,
                            Math.max(0, Math.min(1, a / pt.score()))));
                }
            }
        }
        overhead.sort(Comparator.comparing(OverheadShare::workload).thenComparing(OverheadShare::pattern)
                .thenComparingInt(OverheadShare::size));
        Analysis statistics = new Analysis(List.copyOf(models), List.copyOf(crossovers), List.copyOf(overhead),
                Fastest.rows(run), concat(picked, warnings(run, models)));
        String baseline = Speedups.baseline(run, speedupBaseline);
        List<WorkloadFindings> findings = new ArrayList<>();
        for (String w : byWorkload.keySet()) {
            findings.add(WorkloadFindings.of(run, statistics, w, baseline));
        }
        return new Analysis(statistics.models(), statistics.crossovers(), statistics.overhead(), statistics.fastest(),
                statistics.warnings(), findings);
    }

    static Crossover crossover(Run run, String workload, String p, String q, List<Point> pp, List<Point> qp,
                               Map<String, CostModelFit.Result> fits) {
        TreeMap<Integer, Point> tp = new TreeMap<>();
        TreeMap<Integer, Point> tq = new TreeMap<>();
        pp.forEach(x -> tp.put(x.size(), x));
        qp.forEach(x -> tq.put(x.size(), x));
        // Only sizes where the two are apart beyond their 95% intervals say who wins: where the bands overlap,
        // either may come out ahead in the next run, and a "crossover" read from such a tie moves at random.
        List<Integer> apart = tp.keySet().stream().filter(tq::containsKey)
                .filter(n -> separated(tp.get(n), tq.get(n))).sorted().toList();
        if (apart.size() < 2) {
            return null;
        }
        int first = apart.get(0);
        int last = apart.get(apart.size() - 1);
        boolean pFirst = tp.get(first).score() < tq.get(first).score();
        boolean pLast = tp.get(last).score() < tq.get(last).score();
        if (pFirst == pLast) {
            return null;
        }
        String small = pFirst ? p : q;
        String large = pFirst ? q : p;
        TreeMap<Integer, Point> ts = pFirst ? tp : tq;
        TreeMap<Integer, Point> tl = pFirst ? tq : tp;
        Integer low = null;
        Integer high = null;
        for (int k = 0; k + 1 < apart.size(); k++) {
            int n0 = apart.get(k);
            int n1 = apart.get(k + 1);
            if (ts.get(n0).score() < tl.get(n0).score() && ts.get(n1).score() >= tl.get(n1).score()) {
                low = n0;
                high = n1;
                break;
            }
        }

        Double modelN = null;
        Interval ci = null;
        boolean extrapolated = false;
        CostModelFit.Result fs = fits.get(workload + "/" + small);
        CostModelFit.Result fl = fits.get(workload + "/" + large);
        if (fs != null && fl != null && fs.model().fits() && fl.model().fits()) {
            Complexity c = fs.model().complexity();
            Double f = crossing(fs.model().fixedNs(), fs.model().perUnitNs(), fl.model().fixedNs(), fl.model().perUnitNs());
            if (f != null) {
                modelN = invert(c, f);
                List<Double> reps = new ArrayList<>();
                for (int r = 0; r < fs.aReplicates().length; r++) {
                    Double fr = crossing(fs.aReplicates()[r], fs.bReplicates()[r], fl.aReplicates()[r], fl.bReplicates()[r]);
                    if (fr != null) {
                        reps.add(invert(c, fr));
                    }
                }
                if (reps.size() >= 0.5 * fs.aReplicates().length) {
                    Percentile pc = new Percentile();
                    pc.setData(reps.stream().mapToDouble(Double::doubleValue).toArray());
                    double tail = (1 - CostModelFit.LEVEL) / 2 * 100;
                    ci = new Interval(pc.evaluate(tail), pc.evaluate(100 - tail), CostModelFit.LEVEL);
                }
                int minSize = Math.min(fs.model().minSize(), fl.model().minSize());
                int maxSize = Math.max(fs.model().maxSize(), fl.model().maxSize());
                extrapolated = modelN > 4.0 * maxSize || (minSize > 0 && modelN < minSize / 4.0);
            }
        }
        if (modelN != null && low != null && (modelN < low || modelN > high)) {
            // The straight-line models cross elsewhere than the measurements do: trust the measurements.
            modelN = null;
            ci = null;
            extrapolated = false;
        }
        // The decisions a user makes: CPython running the Python against the same work handed to numpy or C
        // from CPython, or moved to the JVM (java, jni, ffm). Jython and GraalPy pairs are alternatives.
        boolean headline = decision(run, small, large) || decision(run, large, small);
        List<String> unsettled = run.points().stream()
                .filter(pt -> pt.isOk() && pt.workload().equals(workload) && !pt.steady()
                        && (pt.series().equals(small) || pt.series().equals(large)))
                .sorted(java.util.Comparator.comparing(Point::series).thenComparingInt(Point::size))
                .map(pt -> pt.series() + " N=" + pt.size() + ": " + pt.steadyState()).toList();
        return new Crossover(workload, small, large, low, high, modelN, ci, headline, extrapolated, unsettled);
    }

    /** Whether two points' 95% intervals do not overlap (a point without one counts as its score alone). */
    static boolean separated(Point a, Point b) {
        double[] x = band(a);
        double[] y = band(b);
        return x[1] < y[0] || y[1] < x[0];
    }

    static double[] band(Point p) {
        if (p.ciLow() != null && p.ciHigh() != null) {
            return new double[] {p.ciLow(), p.ciHigh()};
        }
        double e = p.scoreError() == null || p.scoreError().isNaN() ? 0 : p.scoreError();
        return new double[] {p.score() - e, p.score() + e};
    }

    /** Whether {@code python} is CPython running the Python and {@code other} a way to compute it instead. */
    static boolean decision(Run run, String python, String other) {
        if (Regions.side(run, python) != io.gluebench.result.Side.INTERPRETED) {
            return false;
        }
        io.gluebench.result.Family family = run.pattern(other).map(PatternInfo::family)
                .orElse(io.gluebench.result.Family.OTHER);
        return Regions.side(run, other) == io.gluebench.result.Side.NATIVE_BACKED
                || (Decision.NO_PYTHON_FAMILIES.contains(family) && !run.pattern(other).map(PatternInfo::antiPattern).orElse(false));
    }

    /** f* where a1 + b1 f = a2 + b2 f with a1 < a2 and b1 > b2, else null. */
    static Double crossing(double a1, double b1, double a2, double b2) {
        if (a1 >= a2 || b1 <= b2) {
            return null;
        }
        return (a2 - a1) / (b1 - b2);
    }

    /** N with f(N) = value, by bisection (f is increasing for N >= 1). */
    static double invert(Complexity c, double value) {
        if (c == Complexity.LINEAR) {
            return value;
        }
        double lo = 0;
        double hi = 1;
        while (c.apply(hi) < value && hi < 1e18) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (c.apply(mid) < value) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static List<StabilityWarning> concat(List<StabilityWarning> a, List<StabilityWarning> b) {
        List<StabilityWarning> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The run setting that says which run this one was measured beside (--allow-concurrent). */
    public static final String CONCURRENT_SETTING = "measuredBeside";

    static List<StabilityWarning> warnings(Run run, List<CostModel> models) {
        List<StabilityWarning> out = new ArrayList<>();
        var m = run.machine();
        if (m != null && m.busyAtStart()) {
            String busy = m.busyText();
            out.add(new StabilityWarning("high-load", null, null, null,
                    "When the run started, " + busy + ".",
                    "Stop other work and run again, or compare only ratios measured in this run."));
        }
        Object beside = run.settings() == null ? null : run.settings().get(CONCURRENT_SETTING);
        if (beside != null) {
            out.add(new StabilityWarning("concurrent", null, null, null,
                    "This run was measured while another gluebench run was measuring (" + beside
                            + "), started with --allow-concurrent: each skewed the other's times.",
                    "Run it again alone before comparing it with other runs."));
        }
        for (Point p : run.points()) {
            if (!p.isOk() || p.score() == null) {
                continue;
            }
            boolean forked = !p.forks().isEmpty();
            if (p.scoreError() != null && p.scoreError() > WIDE_CI * p.score()) {
                out.add(new StabilityWarning("wide-ci", p.workload(), p.series(), p.size(),
                        forked ? String.format(Locale.ROOT, "The 95%% interval over %d forks is ±%.0f%% of the score.",
                                p.forkCount(), 100 * p.scoreError() / p.score())
                                : String.format(Locale.ROOT, "The 99.9%% CI is ±%.0f%% of the score.",
                                        100 * p.scoreError() / p.score()),
                        forked ? "Run more forks (profile standard), on a quiet machine."
                                : "Measure longer (profile standard, or more iterations), on a quiet machine."));
            }
            if (!p.steady()) {
                out.add(new StabilityWarning("not-settled", p.workload(), p.series(), p.size(),
                        "The time per call did not settle: " + p.steadyState() + " (" + p.forks().stream()
                                .map(f -> f.steadyState()).collect(java.util.stream.Collectors.joining(", "))
                                + " across its forks).",
                        "Give it a longer warm-up cap (warmupCapMillis in the profile), or read it as a range, not a number."));
            }
            if (forked && p.forkCount() < 2) {
                out.add(new StabilityWarning("few-samples", p.workload(), p.series(), p.size(),
                        "Only one fork backs this score: its interval cannot show the variation between JVMs.",
                        "Use a profile with three or more forks (quick or standard)."));
            } else if (!forked && p.samples() != null && p.samples().size() < FEW_SAMPLES) {
                out.add(new StabilityWarning("few-samples", p.workload(), p.series(), p.size(),
                        "Only " + p.samples().size() + " measurement iterations back this score.",
                        "Use a profile with " + FEW_SAMPLES + " or more measurement iterations (quick or standard)."));
            }
        }
        for (CostModel cm : models) {
            if (!cm.fits()) {
                out.add(new StabilityWarning("misfit", cm.workload(), cm.pattern(), null, cm.misfit(),
                        "Add sizes around the bend (--size), and read that pattern's measured points, not its model."));
            }
        }
        return out;
    }
}
