package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gluebench.result.Floor;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each family read against the floor of its own mechanism, with the ratio's interval. */
class FloorComparisonTest {
    /** The floors of one run: in-process ones, a worker's, and the non-critical FFM no-op that ffm must not use. */
    static final List<Floor> FLOORS = List.of(
            new Floor("java_noop", "java", 0.5, 0.01, "jmh", ""),
            new Floor("jni_noop", "jni", 5, 0.1, "jmh", ""),
            new Floor("ffm_noop", "ffm", 8, 0.2, "jmh", ""),
            new Floor("ffm_noop_critical", "ffm", 4, 0.5, "jmh", ""),
            new Floor("cpython_call", "cpython", 40, 4, "probe", ""),
            new Floor("cpython_call_gil", "cpython", 18, 2, "probe", ""),
            new Floor("pipe_pingpong_free", "pipe", 50_000, 1000, "probe", ""));

    static Point echo(String pattern, double ns, Double error) {
        return new Point("echo", pattern, 0, null, null, Point.OK, "ns/op", ns, error, List.of(ns), List.of(), null, null,
                null, List.of(), 1);
    }

    static Run run(List<Point> points, List<Floor> floors, List<PatternInfo> patterns) {
        return new Run(Run.FORMAT_VERSION, "r", "quick", "complete", "2026-11-25T00:00:00Z", "2026-11-25T00:10:00Z",
                SyntheticRuns.machine("m"), Map.of(), floors, points, List.of(), patterns, List.of());
    }

    static Map<String, FloorComparison.Row> byPattern(Run r) {
        return FloorComparison.rows(r).stream().collect(Collectors.toMap(FloorComparison.Row::pattern, Function.identity()));
    }

    @Test
    void jepAndPemjaAreReadAgainstCpythonCallAndFfmAgainstItsCriticalNoop() {
        Run r = run(List.of(echo("jep-python", 800, 8.0), echo("pemja-python", 1200, 12.0), echo("ffm", 6, 0.1),
                        echo("jni", 10, 0.1)),
                FLOORS, List.of(SyntheticRuns.pattern("jep-python", "jep", io.gluebench.result.Kind.INTERPRETED, null),
                        SyntheticRuns.pattern("pemja-python", "pemja", io.gluebench.result.Kind.INTERPRETED, null),
                        SyntheticRuns.pattern("ffm", "ffm", io.gluebench.result.Kind.NATIVE, null),
                        SyntheticRuns.pattern("jni", "jni", io.gluebench.result.Kind.NATIVE, null)));
        Map<String, FloorComparison.Row> rows = byPattern(r);
        assertEquals("cpython_call", rows.get("jep-python").floor(), "not the bare JNI call");
        assertEquals(20.0, rows.get("jep-python").ratio(), 1e-12);
        assertEquals("cpython_call", rows.get("pemja-python").floor());
        assertEquals(30.0, rows.get("pemja-python").ratio(), 1e-12);
        assertEquals("ffm_noop_critical", rows.get("ffm").floor(), "not the non-critical no-op");
        assertEquals(1.5, rows.get("ffm").ratio(), 1e-12);
        assertEquals("jni_noop", rows.get("jni").floor());
    }

    @Test
    void theFamilyComesFromTheRunsPatternInfoNeverFromTheName() {
        List<Point> points = List.of(echo("spawn-per-call", 70_000_000, 1e6), echo("jep-numpy", 2000, 20.0));
        // spawn-per-call is a worker: read against the pipe's floor, not a "spawn" family with none.
        Run stored = run(points, FLOORS, List.of(SyntheticRuns.pattern("spawn-per-call", "worker", io.gluebench.result.Kind.INTERPRETED, null),
                SyntheticRuns.pattern("jep-numpy", "jep", io.gluebench.result.Kind.NATIVE, null)));
        assertEquals("pipe_pingpong_free", byPattern(stored).get("spawn-per-call").floor());
        assertEquals(1400.0, byPattern(stored).get("spawn-per-call").ratio(), 1e-9);
        assertEquals("cpython_call", byPattern(stored).get("jep-numpy").floor());
        assertEquals(io.gluebench.result.Family.WORKER, FloorComparison.family(stored, "spawn-per-call"));

        // A run that stored no pattern info (and that the catalogue could not complete): no family,
        // so no floor, rather than one guessed from the name's first word.
        Run old = run(points, FLOORS, List.of());
        assertEquals(io.gluebench.result.Family.OTHER, FloorComparison.family(old, "jep-numpy"));
        assertNull(byPattern(old).get("spawn-per-call").floor());
        assertNull(byPattern(old).get("jep-numpy").floor());
    }

    @Test
    void aRunWithoutTheCpythonFloorGivesJepNoRatioRatherThanTheJniOne() {
        Run r = run(List.of(echo("jep-python", 800, 8.0)),
                List.of(new Floor("jni_noop", "jni", 5, 0.1, "jmh", ""),
                        new Floor("cpython_call", "cpython", Double.NaN, Double.NaN, "probe", "skipped: no probe")),
                List.of(SyntheticRuns.pattern("jep-python", "jep", io.gluebench.result.Kind.INTERPRETED, null)));
        FloorComparison.Row row = byPattern(r).get("jep-python");
        assertNull(row.floor());
        assertNull(row.ratio());
        assertNull(row.ratioLow());
        assertNull(row.ratioHigh());
    }

    @Test
    void theRatiosIntervalIsThePointsIntervalOverTheFloorsSpread() {
        Run r = run(List.of(echo("jep-python", 100, 10.0), echo("ffm", 6, 0.3), echo("pemja-python", 100, null),
                        echo("jni", 10, 20.0)),
                List.of(new Floor("cpython_call", "cpython", 20, 4, "probe", ""),
                        new Floor("ffm_noop_critical", "ffm", 4, 0.5, "jmh", ""),
                        new Floor("jni_noop", "jni", 2, 6, "probe", "")),
                List.of(SyntheticRuns.pattern("jep-python", "jep", io.gluebench.result.Kind.INTERPRETED, null),
                        SyntheticRuns.pattern("pemja-python", "pemja", io.gluebench.result.Kind.INTERPRETED, null),
                        SyntheticRuns.pattern("ffm", "ffm", io.gluebench.result.Kind.NATIVE, null),
                        SyntheticRuns.pattern("jni", "jni", io.gluebench.result.Kind.NATIVE, null)));
        Map<String, FloorComparison.Row> rows = byPattern(r);
        // A probe's spread is p90 - p10: the floor spans 20 ∓ 2.
        FloorComparison.Row jep = rows.get("jep-python");
        assertEquals(5.0, jep.ratio(), 1e-12);
        assertEquals(90.0 / 22.0, jep.ratioLow(), 1e-12);
        assertEquals(110.0 / 18.0, jep.ratioHigh(), 1e-12);
        // JMH's spread is already a half-width: the floor spans 4 ∓ 0.5.
        FloorComparison.Row ffm = rows.get("ffm");
        assertEquals(5.7 / 4.5, ffm.ratioLow(), 1e-12);
        assertEquals(6.3 / 3.5, ffm.ratioHigh(), 1e-12);
        // No error on the point: the interval is unknown, not zero-wide.
        assertEquals(5.0, rows.get("pemja-python").ratio(), 1e-12);
        assertNull(rows.get("pemja-python").ratioLow());
        assertNull(rows.get("pemja-python").ratioHigh());
        // A floor whose low end is not above zero bounds the ratio from below only; the point's low end stops at 0.
        FloorComparison.Row jni = rows.get("jni");
        assertEquals(0.0, jni.ratioLow(), 1e-12);
        assertNull(jni.ratioHigh());
    }

    @Test
    void existingConstructorsStillBuildRowsWithoutAnInterval() {
        var seven = new FloorComparison.Row("worker-python", 100, "pipe_pingpong_free", 50.0, 2.0, 80.0, 1.25);
        assertEquals(80.0, seven.peerFloorNs());
        assertNull(seven.ratioLow());
        var five = new FloorComparison.Row("jni", 20, "jni_noop", 5.0, 4.0);
        assertNull(five.ratioHigh());
        assertNull(five.peerRatio());
    }
}
