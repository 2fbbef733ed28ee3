package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.Fastest;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Span;
import io.gluebench.report.Doc.Style;
import io.gluebench.report.Doc.Tone;
import io.gluebench.result.Point;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One cell of the scores table: the fastest in bold, an unsettled point marked, a missing one saying why. */
class ScoresSectionTest {
    private static Point point(String pattern, io.gluebench.result.Status status, Double score, String steadyState, String reason) {
        return new Point("dot", pattern, 10, null, null, status, "ns/op", score, score == null ? null : score / 50,
                List.of(), List.of(), null, reason, null, List.of(), 1, null, List.of(), steadyState, null, null);
    }

    private static final Fastest.Row JAVA_FASTEST = new Fastest.Row("dot", 10, Map.of("java", 50.0, "jni", 80.0), "java");

    @Test
    void theFastestPointIsBoldWithItsIntervalBelow() {
        Cell c = ScoresSection.scoreCell(point("java", Point.OK, 50.0, null, null), JAVA_FASTEST);
        assertEquals(Tone.BEST, c.tone());
        assertEquals(List.of(new Span(Format.nanos(50), Style.STRONG), new Span(" ± 2%", Style.SUB)), c.text().spans());
        assertEquals("fastest at this N", c.title());
    }

    @Test
    void pointsTiedWithTheFastestAreBoldAndSaySo() {
        Fastest.Row tie = new Fastest.Row("dot", 10, Map.of("java", 50.0, "jni", 51.0, "ffm", 80.0), "java",
                List.of("java", "jni"));
        Cell jni = ScoresSection.scoreCell(point("jni", Point.OK, 51.0, null, null), tie);
        assertEquals(Tone.BEST, jni.tone());
        assertEquals(Style.STRONG, jni.text().spans().get(0).style());
        assertTrue(jni.title().startsWith("tied for fastest at this N"), jni.title());
        assertEquals(Tone.NONE, ScoresSection.scoreCell(point("ffm", Point.OK, 80.0, null, null), tie).tone());
    }

    @Test
    void aPointThatNeverSettledIsMarkedAndReadAsARange() {
        Cell c = ScoresSection.scoreCell(point("jni", Point.OK, 80.0, Point.NO_STEADY_STATE, null), JAVA_FASTEST);
        assertEquals(Tone.NONE, c.tone());
        assertEquals(new Span(TextTable.UNSETTLED_MARK + Format.nanos(80), Style.PLAIN), c.text().spans().get(0));
        assertTrue(c.title().endsWith("never reached a steady state in some fork; read it as a range"), c.title());
    }

    @Test
    void aPointWithoutATimeSaysWhy() {
        Cell missing = ScoresSection.scoreCell(null, JAVA_FASTEST);
        assertEquals(List.of("–", "not in this run"), List.of(missing.text().plain(), missing.title()));
        assertEquals(Tone.MISSING, missing.tone());
        Cell failed = ScoresSection.scoreCell(point("jni", Point.FAILED, null, null, "answer differs at index 3"), JAVA_FASTEST);
        assertEquals(List.of("failed", "answer differs at index 3"), List.of(failed.text().plain(), failed.title()));
        assertEquals(Tone.FAILED, failed.tone());
        Cell skipped = ScoresSection.scoreCell(point("jni", Point.SKIPPED, null, null, "no libgluebench"), null);
        assertEquals(Tone.SKIPPED, skipped.tone());
        assertEquals("no libgluebench", skipped.title());
    }

    @Test
    void aWorkerColumnNamesItsTransportAndPlacement() {
        Point worker = new Point("dot", "worker-python", 10, "uds", "same-core", Point.OK, "ns/op", 1.0, null,
                List.of(), List.of(), null, null, null, List.of(), 1);
        assertEquals("worker-python / uds / same-core", ScoresSection.column(worker));
        assertEquals("java", ScoresSection.column(point("java", Point.OK, 1.0, null, null)));
        assertNull(ScoresSection.scoreCell(point("jni", Point.OK, 80.0, null, null), JAVA_FASTEST).title(),
                "a point that is neither fastest nor unsettled, without forks, has no title");
    }
}
