package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gluebench.result.Floor;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryAnalysisTest {
    private static Point ok(String workload, String pattern, int n, double ns) {
        return new Point(workload, pattern, n, null, null, Point.OK, "ns/op", ns, ns * 0.01, List.of(ns), List.of(),
                null, null, null, List.of(), 1);
    }

    private static Run run(List<Point> points, List<Floor> floors) {
        return new Run(Run.FORMAT_VERSION, "r", "quick", "complete", "2026-11-25T00:00:00Z", null, null, Map.of(),
                floors, points, List.of(), List.of(), List.of());
    }

    @Test
    void fastestPerWorkloadAndSizeIgnoresFailedPoints() {
        Point failed = new Point("dot", "jni", 10, null, null, Point.FAILED, "ns/op", null, null, List.of(), List.of(),
                null, "boom", null, List.of(), 1);
        Run r = run(List.of(ok("dot", "java", 10, 50), failed, ok("dot", "jep-numpy", 10, 9000),
                ok("dot", "java", 1_000_000, 900_000), ok("dot", "jep-numpy", 1_000_000, 150_000)), List.of());
        List<Fastest.Row> rows = Fastest.rows(r);
        assertEquals(2, rows.size());
        assertEquals("java", rows.get(0).fastest());
        assertEquals(2, rows.get(0).nanos().size());
        assertEquals("jep-numpy", rows.get(1).fastest());
        assertEquals(List.of("java", "jni", "jep-numpy"), Fastest.patterns(r));
    }

    @Test
    void echoAtZeroIsReadAgainstTheFloorOfItsMechanism() {
        Run r = run(List.of(ok("echo", "jni", 0, 20), ok("echo", "worker-python", 0, 100_000), ok("echo", "jython", 0, 150),
                        ok("echo", "jni", 100, 40)),
                List.of(new Floor("jni_noop", "jni", 5, 0.1, "jmh", ""),
                        new Floor("pipe_pingpong_free", "pipe", 50_000, 1000, "probe", ""),
                        new Floor("pipe_cpython_free", "pipe", 80_000, 1000, "probe", ""),
                        new Floor("pipe_cpython_same-core", "pipe", 10, 1, "probe", "")))
                .withCatalog(List.of(SyntheticRuns.pattern("jni", "jni", io.gluebench.result.Kind.NATIVE, null),
                        SyntheticRuns.pattern("worker-python", "worker", io.gluebench.result.Kind.INTERPRETED, null),
                        SyntheticRuns.pattern("jython", "jython", io.gluebench.result.Kind.INTERPRETED, null)), List.of());
        List<FloorComparison.Row> rows = FloorComparison.rows(r);
        assertEquals(3, rows.size());
        assertEquals(4.0, rows.get(0).ratio(), 1e-12);
        assertNull(rows.get(0).peerRatio(), "an in-process pattern has no CPython peer floor");
        assertEquals("pipe_pingpong_free", rows.get(1).floor());
        assertEquals(2.0, rows.get(1).ratio(), 1e-12);
        assertEquals(80_000, rows.get(1).peerFloorNs(), 1e-9, "its own transport and placement");
        assertEquals(1.25, rows.get(1).peerRatio(), 1e-12);
        assertNull(rows.get(2).ratio(), "jython has no native floor");
    }
}
