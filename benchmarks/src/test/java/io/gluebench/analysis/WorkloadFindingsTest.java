package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the charts draw is decided by the analysis: the speed-up table, the breakdown's size and the per-workload pieces. */
class WorkloadFindingsTest {
    static Run dot(List<Point> points) {
        return SyntheticRuns.run("m", "r", points, SyntheticRuns.patterns(), SyntheticRuns.workloads());
    }

    @Test
    void speedUpsDivideTheBaselineByThePatternAndSayWhyACellIsEmpty() {
        List<Point> points = new ArrayList<>(SyntheticRuns.dotPoints(1, 1, 1));
        points.removeIf(p -> p.series().equals("jep-python") && p.size() == 10);
        points.removeIf(p -> p.series().equals("jep-numpy") && p.size() == 1000);
        points.add(SyntheticRuns.skipped("dot", "jep-numpy", 1000, "no numpy"));
        Analysis a = Analyzer.analyze(dot(points));
        Speedups.Table t = a.findings("dot").speedup();
        assertEquals("jep-python", t.baseline(), "the default baseline");
        assertEquals(List.of("java", "jep-python", "jep-numpy"), t.patterns(), "rows in catalogue order");
        assertEquals(List.of(1, 10, 1000, 10000), t.sizes());
        assertEquals(10100.0 / 1005.0, t.cell("java", 1000).ratio(), 1e-6);
        assertEquals(1.0, t.cell("jep-python", 1).ratio(), 1e-9);
        assertEquals("no baseline", t.cell("java", 10).missing());
        assertEquals(Point.SKIPPED.label(), t.cell("jep-numpy", 1000).missing());
        assertNull(t.cell("jep-numpy", 1000).ratio());

        Speedups.Table j = Analyzer.analyze(dot(points), "java").findings("dot").speedup();
        assertEquals("java", j.baseline());
        assertEquals(1.0, j.cell("java", 10).ratio(), 1e-9);
        assertEquals("jep-python", Speedups.baseline(dot(points), "no-such-pattern"), "else the first interpreted pattern");
    }

    @Test
    void theBreakdownSizeIsTheMedianOfTheSizesMostPatternsMeasured() {
        List<Point> points = new ArrayList<>(SyntheticRuns.dotPoints(1, 1, 1));
        WorkloadFindings f = Analyzer.analyze(dot(points)).findings("dot");
        assertEquals(List.of(1, 10, 1000, 10000), f.sizes());
        assertEquals(1000, f.overheadAt(), "the upper median of four sizes");
        assertEquals(10, f.overheadAt(10), "a measured size the reader names");
        assertEquals(1000, f.overheadAt(7), "a size not measured falls back");
    }

    @Test
    void theFindingsAreThePiecesTheAnalysisFunctionsReturn() {
        Run run = dot(SyntheticRuns.dotPoints(1, 1, 1));
        Analysis a = Analyzer.analyze(run);
        WorkloadFindings f = a.findings("dot");
        assertEquals(Decision.strip(run, a, "dot"), f.strip());
        assertEquals(Decision.pythonStrip(run, a, "dot"), f.pythonStrip());
        assertEquals(Regions.interpretedWins(run, a, "dot"), f.interpretedWins());
        assertEquals(KeyCrossovers.pick(run, a, "dot", KeyCrossovers.PER_CHART), f.marks());
        assertEquals(List.of(), a.findings("nbody").strip(), "a workload without points has empty findings");
    }
}
