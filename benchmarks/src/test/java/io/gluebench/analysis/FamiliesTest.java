package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A family's fastest member, read from the stored pattern info, never from a pattern's name. */
class FamiliesTest {
    static Run run(List<PatternInfo> infos, List<Point> points) {
        return SyntheticRuns.run("m", "r", points, infos, SyntheticRuns.workloads());
    }

    @Test
    void theMemberFastestAtMostSizesLeads() {
        List<PatternInfo> infos = List.of(
                SyntheticRuns.pattern("java", "jvm", io.gluebench.result.Kind.BASELINE, null),
                SyntheticRuns.pattern("jep-python", "jep", io.gluebench.result.Kind.INTERPRETED, null),
                SyntheticRuns.pattern("jep-numpy", "jep", io.gluebench.result.Kind.NATIVE, null),
                SyntheticRuns.pattern("worker-python", "worker", io.gluebench.result.Kind.INTERPRETED, null));
        // jep-python is faster at N = 1 only; jep-numpy at 10, 1000 and 10000.
        Run r = run(infos, SyntheticRuns.dotPoints(1, 1, 1).stream()
                .map(p -> p.series().equals("jep-numpy") && p.size() == 10
                        ? SyntheticRuns.ok("dot", "jep-numpy", 10, 150) : p).toList());
        r = run(infos, concat(r.points(), List.of(SyntheticRuns.ok("dot", "worker-python", 10, 1e6))));
        assertEquals(Map.of("jvm", "java", "jep", "jep-numpy", "worker", "worker-python"), Families.leads(r, "dot"));
        assertEquals(List.of("jvm", "jep", "worker"), List.copyOf(Families.leads(r, "dot").keySet()), "in pattern order");
        WorkloadFindings f = Analyzer.analyze(r).findings("dot");
        assertEquals(Families.leads(r, "dot"), f.familyLeads());
        assertEquals(false, f.leadsItsFamily("jep-python"));
    }

    @Test
    void theFamilyIsTheStoredOneNotTheName() {
        // Named like a jep pattern, stored as a worker: it leads the workers, and jep-numpy still leads jep.
        List<PatternInfo> infos = List.of(
                SyntheticRuns.pattern("jep-python", "jep", io.gluebench.result.Kind.INTERPRETED, null),
                SyntheticRuns.pattern("jep-numpy", "jep", io.gluebench.result.Kind.NATIVE, null),
                SyntheticRuns.pattern("jep-lookalike", "worker", io.gluebench.result.Kind.NATIVE, null));
        Run r = run(infos, List.of(SyntheticRuns.ok("dot", "jep-python", 10, 200), SyntheticRuns.ok("dot", "jep-numpy", 10, 100),
                SyntheticRuns.ok("dot", "jep-lookalike", 10, 50), SyntheticRuns.ok("dot", "mystery", 10, 10)));
        assertEquals(Map.of("jep", "jep-numpy", "worker", "jep-lookalike", "mystery", "mystery"), Families.leads(r, "dot"));
        assertEquals("mystery", Families.family(r, "mystery"), "a pattern without info is a family of its own");
    }

    @Test
    void aRunOfOneFamilyIsGroupedByPatternWithItsPlacementsAsMembers() {
        List<PatternInfo> infos = List.of(
                SyntheticRuns.pattern("worker-python", "worker", io.gluebench.result.Kind.INTERPRETED, null),
                SyntheticRuns.pattern("worker-numpy", "worker", io.gluebench.result.Kind.NATIVE, null));
        Run r = run(infos, List.of(placed("worker-python", null, 300), placed("worker-python", "same-core", 100),
                placed("worker-numpy", null, 200), placed("worker-numpy", "split-cores", 400)));
        assertEquals(Map.of("worker-python", "worker-python@same-core", "worker-numpy", "worker-numpy"),
                Families.leads(r, "dot"));
    }

    private static Point placed(String pattern, String placement, double ns) {
        Point p = SyntheticRuns.ok("dot", pattern, 10, ns);
        return new Point(p.workload(), pattern, p.size(), "pipe", placement, p.status(), p.unit(), p.score(),
                p.scoreError(), p.samples(), p.warmup(), p.verification(), p.reason(), p.jmhFile(), p.jvmArgs(),
                p.wallSeconds());
    }

    private static List<Point> concat(List<Point> a, List<Point> b) {
        List<Point> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
