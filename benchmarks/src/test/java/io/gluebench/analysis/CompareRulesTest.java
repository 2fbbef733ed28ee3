package io.gluebench.analysis;

import io.gluebench.result.Verdict;
import static io.gluebench.analysis.SyntheticRuns.dotPoints;
import static io.gluebench.analysis.SyntheticRuns.ok;
import static io.gluebench.analysis.SyntheticRuns.pattern;
import static io.gluebench.analysis.SyntheticRuns.patterns;
import static io.gluebench.analysis.SyntheticRuns.run;
import static io.gluebench.analysis.SyntheticRuns.workload;
import static io.gluebench.analysis.SyntheticRuns.workloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.Comparison.PointComparison;
import io.gluebench.analysis.Comparison.Rules;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rule, each refusal rule and the warnings, on hand-made runs. */
class CompareRulesTest {
    private static final Rules RULES = Rules.defaults("Rerun with --profile standard.");

    private static Interval ci(double lo, double hi) {
        return new Interval(lo, hi, 0.95);
    }

    @Test
    void fasterAndSlowerNeedSignificanceAndAnIntervalOutsideTheBand() {
        assertEquals(Verdict.FASTER, Comparer.verdict(ci(0.90, 0.97), 0.008, true, RULES));
        assertEquals(Verdict.SLOWER, Comparer.verdict(ci(1.03, 1.10), 0.008, true, RULES));
        // Not significant: same, however far the interval.
        assertEquals(Verdict.SAME, Comparer.verdict(ci(0.50, 0.60), 0.06, true, RULES));
        // Significant but inside the practical band (1/1.02 = 0.9804 .. 1.02): same.
        assertEquals(Verdict.SAME, Comparer.verdict(ci(0.985, 0.995), 0.001, true, RULES));
        assertEquals(Verdict.SAME, Comparer.verdict(ci(1.005, 1.019), 0.001, true, RULES));
        // The interval touching the band is not enough.
        assertEquals(Verdict.SAME, Comparer.verdict(ci(0.90, 0.99), 0.001, true, RULES));
    }

    @Test
    void whenTheTestCannotDecideTheIntervalAloneDoes() {
        assertEquals(Verdict.FASTER, Comparer.verdict(ci(0.40, 0.60), 0.1, false, RULES));
        assertEquals(Verdict.SLOWER, Comparer.verdict(ci(1.5, 2.5), 0.1, false, RULES));
        assertEquals(Verdict.SAME, Comparer.verdict(ci(0.8, 1.3), 0.1, false, RULES));
    }

    @Test
    void pointsGetTheirVerdictsAndTheSummaryItsGeometricMean() {
        Run a = run("m1", "r1", dotPoints(1, 1, 1), patterns(), workloads());
        Run b = run("m2", "r2", dotPoints(1, 0.5, 2), patterns(), workloads());
        Comparison c = Comparer.compare(List.of(a, b), RULES);
        assertEquals(12, c.points().size());
        for (PointComparison p : c.points()) {
            Verdict expected = switch (p.pattern()) {
                case "java" -> Verdict.SAME;
                case "jep-python" -> Verdict.FASTER;
                default -> Verdict.SLOWER;
            };
            assertEquals(expected, p.verdict(), p.key());
            assertTrue(p.testCanDecide(), p.key());
            // Identical samples (java) are all tied: the normal approximation; the others are exact.
            assertEquals(!p.pattern().equals("java"), p.test().exactP(), p.key());
        }
        PointComparison py = c.points().stream().filter(p -> p.pattern().equals("jep-python")).findFirst().orElseThrow();
        assertEquals(0.5, py.ratio(), 1e-12);
        assertEquals(2.0 / 252, py.p(), 1e-12);
        assertTrue(py.ci().hi() < 0.51 && py.ci().lo() > 0.49, py.ci().toString());

        var jep = c.families().stream().filter(f -> f.family().equals("jep")).findFirst().orElseThrow();
        assertEquals(8, jep.compared());
        assertEquals(1.0, jep.geomeanRatio(), 1e-12); // sqrt(0.5 * 2)
        assertEquals(4, jep.verdicts().get(Verdict.FASTER));
        assertEquals(4, jep.verdicts().get(Verdict.SLOWER));
        var jvm = c.families().stream().filter(f -> f.family().equals("jvm")).findFirst().orElseThrow();
        assertEquals(1.0, jvm.geomeanRatio(), 1e-12);
        assertEquals(4, jvm.verdicts().get(Verdict.SAME));
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void crossoversOfEveryRunStandSideBySide() {
        Run a = run("m1", "r1", dotPoints(1, 1, 1), patterns(), workloads());
        Run b = run("m2", "r2", dotPoints(1, 1, 2), patterns(), workloads());
        Comparison c = Comparer.compare(List.of(a, b), RULES);
        var shift = c.crossovers().stream().filter(x -> x.patternA().equals("jep-python")
                && x.patternB().equals("jep-numpy")).findFirst().orElseThrow();
        // 100 + 10 N = 1000 + N at N = 100; with jep-numpy doubled, 100 + 10 N = 2000 + 2 N at N = 237.5.
        assertEquals(100, shift.runs().get(0).modelN(), 1);
        assertEquals(237.5, shift.runs().get(1).modelN(), 2);
        assertTrue(shift.runs().get(1).ci() != null);
    }

    @Test
    void aSkippedPointIsNotComparableWithItsReason() {
        List<Point> pb = new ArrayList<>(dotPoints(1, 1, 1));
        pb.removeIf(p -> p.series().equals("jep-numpy") && p.size() == 10);
        pb.add(SyntheticRuns.skipped("dot", "jep-numpy", 10, "numpy is not installed"));
        Comparison c = Comparer.compare(List.of(run("m1", "r1", dotPoints(1, 1, 1), patterns(), workloads()),
                run("m2", "r2", pb, patterns(), workloads())), RULES);
        PointComparison p = only(c, "jep-numpy", 10);
        assertEquals(Verdict.NOT_COMPARABLE, p.verdict());
        assertEquals("skipped in run B: numpy is not installed", p.reason());
        assertNull(p.ratio());
    }

    @Test
    void differentWorkloadSourcesAreRefused() {
        Comparison c = compareWith(patterns(), List.of(workload("dot", 1e-9, "hash-dot-2")));
        assertTrue(c.points().stream().allMatch(p -> p.verdict().equals(Verdict.NOT_COMPARABLE)));
        String reason = c.points().get(0).reason();
        assertTrue(reason.contains("workload dot has other sources in run B") && reason.contains("hash-dot-1")
                && reason.contains("hash-dot-2"), reason);
        assertEquals(1, reason.lines().count());
    }

    @Test
    void aDifferentToleranceIsRefused() {
        Comparison c = compareWith(patterns(), List.of(workload("dot", 1e-6, "hash-dot-1")));
        assertTrue(c.points().stream().allMatch(p -> p.verdict().equals(Verdict.NOT_COMPARABLE)));
        assertTrue(c.points().get(0).reason().contains("verified under another tolerance"), c.points().get(0).reason());
    }

    @Test
    void aDifferentPatternConfigurationIsRefusedForThatPatternOnly() {
        List<PatternInfo> other = new ArrayList<>(patterns());
        other.set(1, pattern("jep-python", "jep", io.gluebench.result.Kind.INTERPRETED, "flags: -Xmx4g -Djep=1"));
        Comparison c = compareWith(other, workloads());
        for (PointComparison p : c.points()) {
            assertEquals(p.pattern().equals("jep-python"), p.verdict().equals(Verdict.NOT_COMPARABLE), p.key());
        }
        String reason = only(c, "jep-python", 10).reason();
        assertTrue(reason.contains("pattern jep-python is configured differently in run B")
                && reason.contains("-Xmx2g") && reason.contains("-Xmx4g"), reason);
    }

    @Test
    void unrecordedFieldsAreWarnedAboutNotRefused() {
        List<PatternInfo> old = patterns().stream().map(p -> p.withConfig(null)).toList();
        Comparison c = compareWith(old, List.of(new WorkloadInfo("dot", "doubles", "N", "")));
        assertTrue(c.points().stream().noneMatch(p -> p.verdict().equals(Verdict.NOT_COMPARABLE)));
        List<String> kinds = c.warnings().stream().map(StabilityWarning::kind).toList();
        assertTrue(kinds.containsAll(List.of("unchecked-source", "unchecked-tolerance", "unchecked-config")), kinds.toString());
        String config = c.warnings().stream().filter(w -> w.kind().equals("unchecked-config")).findFirst().orElseThrow().message();
        assertEquals("Cannot check that patterns java, jep-python, jep-numpy were configured the same way in runs A and B: "
                + "run B does not record the configuration (an older or imported run).", config);
    }

    @Test
    void tooFewSamplesForTheUTestWarnWithTheRemedyAndLetTheIntervalDecide() {
        double[] three = {-0.01, 0.0, 0.01};
        Run a = run("m1", "r1", List.of(ok("dot", "java", 10, 100, three), ok("dot", "jep-python", 10, 100, three)),
                patterns(), workloads());
        Run b = run("m2", "r2", List.of(ok("dot", "java", 10, 50, three), ok("dot", "jep-python", 10, 100, three)),
                patterns(), workloads());
        Comparison c = Comparer.compare(List.of(a, b), RULES);
        assertEquals(Verdict.FASTER, only(c, "java", 10).verdict());
        assertEquals(0.1, only(c, "java", 10).p(), 1e-12);
        assertFalse(only(c, "java", 10).testCanDecide());
        assertEquals(Verdict.SAME, only(c, "jep-python", 10).verdict());
        StabilityWarning w = c.warnings().stream().filter(x -> x.kind().equals("few-samples")).findFirst().orElseThrow();
        assertTrue(w.message().contains("(3 vs 3)") && w.message().contains("needs 4 or more per side"), w.message());
        assertEquals("Rerun with --profile standard.", w.remedy());
    }

    @Test
    void pointsOfOneRunOnlyAreLeftOut() {
        List<Point> pb = new ArrayList<>(dotPoints(1, 1, 1));
        pb.add(ok("dot", "java", 77, 80));
        Comparison c = Comparer.compare(List.of(run("m1", "r1", dotPoints(1, 1, 1), patterns(), workloads()),
                run("m2", "r2", pb, patterns(), workloads())), RULES);
        assertEquals(12, c.points().size());
    }

    private static Comparison compareWith(List<PatternInfo> otherPatterns, List<WorkloadInfo> otherWorkloads) {
        return Comparer.compare(List.of(run("m1", "r1", dotPoints(1, 1, 1), patterns(), workloads()),
                run("m2", "r2", dotPoints(1, 1, 1), otherPatterns, otherWorkloads)), RULES);
    }

    private static PointComparison only(Comparison c, String pattern, int size) {
        return c.points().stream().filter(p -> p.pattern().equals(pattern) && p.size() == size).findFirst().orElseThrow();
    }
}
