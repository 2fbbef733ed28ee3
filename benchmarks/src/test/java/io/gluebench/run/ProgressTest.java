package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Fork;
import io.gluebench.result.Point;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line and the ETA count every phase: points, start-ups and callers. */
class ProgressTest {
    @Test
    void startUpsAndCallersAreStepsOfTheSameLineAndTheEtaCountsThemFromTheStart() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), 0, 0, false);
        p.extend(5, 50);        // later phases: 1 start-up of 1 fork, 1 callers pattern of 4 forks
        p.extend(2, 20);        // the points
        assertEquals(70, p.secondsLeft(), 1e-9, "before any step, the plan's estimate of every phase");
        Point ok = new Point("dot", "java", 1000, null, null, Point.OK, "ns/op", 900.0, 10.0, List.of(900.0),
                List.of(), null, null, null, List.of(), 1.0, null,
                List.of(new Fork(0, 0, List.of(900.0), List.of(), 0.1, "flat", 0, 1.0, null)), "flat", 890.0, 910.0);
        p.finished("dot n=1000 java", 0, ok, 10);
        p.say("start-up and warm-up: 1 pattern");
        p.advance(1, 10);
        p.line("  start-up java   80 ms to the first checked answer");
        p.advance(1, 10);
        p.drop(3, 30);      // the pattern failed in its first fork: its other forks do not run
        p.line("  callers  java   failed");
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].startsWith("[   1/7] dot n=1000 java"), lines[0]);
        assertEquals("start-up and warm-up: 1 pattern", lines[1], "a heading carries no position");
        assertTrue(lines[2].startsWith("[   2/7]   start-up java") && lines[2].contains("ETA "), lines[2]);
        assertTrue(lines[3].startsWith("[   3/4]   callers  java"), "the dropped forks leave the count: " + lines[3]);
    }
}
