package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A chart's title states the finding of its strip, and never calls a tie a win. */
class FindingTest {
    static Decision.Segment win(String p, double from, double to, boolean modelEdge, Integer... sizes) {
        return new Decision.Segment(from, to, p, List.of(sizes), modelEdge);
    }

    static Decision.Segment tie(double from, double to, Integer... sizes) {
        return new Decision.Segment(from, to, null, List.of(sizes), false, List.of("java", "ffm"));
    }

    @Test
    void oneWinnerEverywhere() {
        assertEquals("dot: java fastest at every size measured",
                Finding.of("dot", List.of(win("java", 1, 1_000_000, false, 1, 100, 10_000, 1_000_000))));
    }

    @Test
    void aHandOverAtAModelCrossover() {
        assertEquals("dot: jep-numpy wins above N≈40, java below", Finding.of("dot", List.of(
                win("java", 1, 40, true, 1, 10), win("jep-numpy", 40, 10_000, false, 100, 10_000))));
        assertEquals("dot: jep-numpy wins above N≈1.2k", Finding.of("dot", List.of(
                win("java", 1, 10, false, 1), win("ffm", 10, 1234, true, 100),
                win("jep-numpy", 1234, 1_000_000, false, 10_000, 1_000_000))), "a middle winner is left to the chart");
    }

    @Test
    void aHandOverBetweenMeasuredSizesNamesTheSizes() {
        assertEquals("dot: jep-numpy fastest at N=1M, the largest size, java below", Finding.of("dot", List.of(
                win("java", 1, 100_000, false, 1, 100, 10_000), win("jep-numpy", 100_000, 1_000_000, false, 1_000_000))));
        assertEquals("dot: jep-numpy fastest from N=10k up, no clear winner below", Finding.of("dot", List.of(
                tie(1, 1000, 1, 100), win("jep-numpy", 1000, 1_000_000, false, 10_000, 1_000_000))));
    }

    @Test
    void aTieAtTheLargeEndIsNoWin() {
        assertEquals("dot: java fastest up to N=100, no clear winner above", Finding.of("dot", List.of(
                win("java", 1, 1000, false, 1, 100), tie(1000, 1_000_000, 10_000, 1_000_000))));
        assertEquals("dot: ffm fastest at N=100, no clear winner above", Finding.of("dot", List.of(
                win("java", 0, 10, false, 0), win("ffm", 10, 1000, false, 100), tie(1000, 1_000_000, 10_000, 1_000_000))));
        assertEquals("echo: worker-python fastest at N=0, no clear winner above", Finding.of("echo", List.of(
                win("worker-python", 0, 1000, false, 0), tie(1000, 1_000_000, 1_000_000))), "one size is no range");
    }

    @Test
    void nothingConclusiveIsSaidPlainly() {
        assertEquals("dot: no clear winner at any size measured", Finding.of("dot", List.of(tie(1, 100, 1, 100))));
        assertEquals("dot: nothing measured", Finding.of("dot", List.of()));
    }

    @Test
    void theAnalysisCarriesTheFindingOfItsStrip() {
        var run = SyntheticRuns.run("m", "r", SyntheticRuns.dotPoints(1, 1, 1), SyntheticRuns.patterns(),
                SyntheticRuns.workloads());
        WorkloadFindings f = Analyzer.analyze(run).findings("dot");
        assertEquals(Finding.of("dot", f.strip()), f.finding());
        assertEquals("dot: java fastest at every size measured", f.finding());
    }
}
