package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A crossover read from a point that never reached a steady state says so, and advise notes it. */
class UnsettledCrossoverTest {
    static Point unsettled(Point p) {
        return new Point(p.workload(), p.series(), p.size(), p.transport(), p.placement(), p.status(), p.unit(),
                p.score(), p.scoreError(), p.samples(), p.warmup(), p.verification(), p.reason(), p.jmhFile(),
                p.jvmArgs(), p.wallSeconds(), null, List.of(), Point.NO_STEADY_STATE, null, null);
    }

    @Test
    void theCrossingNamesThePointThatDidNotSettle() {
        List<Point> points = new ArrayList<>(SyntheticRuns.dotPoints(1, 1, 1));
        Analysis settled = Analyzer.analyze(SyntheticRuns.run("m", "r1", points, SyntheticRuns.patterns(),
                SyntheticRuns.workloads()));
        Crossover before = settled.crossovers("dot").stream()
                .filter(c -> c.smallWinner().equals("jep-python") && c.largeWinner().equals("jep-numpy")).findFirst()
                .orElseThrow();
        assertTrue(before.settled());

        int i = 0;
        for (; i < points.size(); i++) {
            if (points.get(i).series().equals("jep-numpy") && points.get(i).size() == 1000) {
                break;
            }
        }
        points.set(i, unsettled(points.get(i)));
        var run = SyntheticRuns.run("m", "r2", points, SyntheticRuns.patterns(), SyntheticRuns.workloads());
        Analysis a = Analyzer.analyze(run);
        Crossover c = a.crossovers("dot").stream()
                .filter(x -> x.smallWinner().equals("jep-python") && x.largeWinner().equals("jep-numpy")).findFirst()
                .orElseThrow();
        assertFalse(c.settled());
        assertEquals(List.of("jep-numpy N=1000: no steady state"), c.unsettled());

        Advisor.Advice advice = Advisor.advise(run, a, "dot", 1000, null);
        assertTrue(advice.notes().stream().anyMatch(n -> n.contains("jep-numpy at N=1000 never reached a steady state")),
                advice.notes().toString());
    }
}
