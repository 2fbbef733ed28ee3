package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AdvisorTest {
    private static Run crossingAt495() {
        List<Point> points = new ArrayList<>(CostModelTest.line("w", "py", 1_000, 100, 0.01, 2));
        points.addAll(CostModelTest.line("w", "np", 50_000, 1, 0.01, 3));
        return CostModelTest.run(points);
    }

    @Test
    void ranksByPredictedTimeOnEachSideOfTheCrossover() {
        Run run = crossingAt495();
        Analysis a = Analyzer.analyze(run);
        Advisor.Advice small = Advisor.advise(run, a, "w", 50, 1000.0);
        assertEquals("py", small.ranking().get(0).pattern());
        assertEquals(6_000, small.ranking().get(0).predictedNs(), 300);
        assertEquals(0.006, small.ranking().get(0).coreShare(), 0.0005, "1000 calls/s x 6 us = 0.6% of a core");
        assertTrue(small.reasoning().contains("stay in the interpreter"), small.reasoning());
        Advisor.Advice large = Advisor.advise(run, a, "w", 5_000, null);
        assertEquals("np", large.ranking().get(0).pattern());
        assertTrue(large.reasoning().contains("cross into native code"), large.reasoning());
        assertNotNull(large.nearestCrossover());
        assertEquals(494.9, large.nearestCrossover().crossoverN(), 25);
        assertTrue(large.nearestCrossover().side().startsWith("above"));
        assertFalse(large.ranking().get(0).extrapolated());
    }

    @Test
    void namesNoWinnerWhereTheBandsOverlap() {
        Run run = crossingAt495();
        Advisor.Advice at = Advisor.advise(run, Analyzer.analyze(run), "w", 495, null);
        assertTrue(Advisor.overlap(at.ranking().get(0), at.ranking().get(1)), at.ranking().toString());
        assertTrue(at.reasoning().contains("are within the noise of each other") && at.reasoning().contains("either"),
                at.reasoning());
        assertFalse(at.reasoning().contains("is fastest ("), at.reasoning());
        Advisor.Advice far = Advisor.advise(run, Analyzer.analyze(run), "w", 50, null);
        assertFalse(far.reasoning().contains("within the noise"), far.reasoning());
    }

    @Test
    void saysSoWhenItExtrapolates() {
        Run run = crossingAt495();
        Advisor.Advice far = Advisor.advise(run, Analyzer.analyze(run), "w", 1_000_000, null);
        assertTrue(far.ranking().stream().allMatch(Advisor.Rank::extrapolated));
        assertTrue(far.notes().stream().anyMatch(n -> n.contains("extrapolation")), far.notes().toString());
        Advisor.Advice near = Advisor.advise(run, Analyzer.analyze(run), "w", 400_000, null);
        assertTrue(near.ranking().stream().noneMatch(Advisor.Rank::extrapolated), "within 4x of 100000");
    }

    @Test
    void theJsonIsStable() throws Exception {
        Run run = crossingAt495();
        Advisor.Advice a = Advisor.advise(run, Analyzer.analyze(run), "w", 300, 50.0);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(a));
        assertEquals(Set.of("formatVersion", "runId", "workload", "size", "callsPerSecond", "callers", "questions",
                "recommendation", "ranking", "nearestCrossover", "reasoning", "notes"), names(json));
        assertEquals(2, json.get("formatVersion").asInt());
        assertEquals(4, json.get("questions").size());
        assertEquals(Set.of("question", "verdict", "text"), names(json.get("questions").get(0)));
        assertEquals(Set.of("action", "pattern", "because"), names(json.get("recommendation")));
        assertEquals(Set.of("pattern", "kind", "predictedNs", "low", "high", "basis", "coreShare", "extrapolated",
                "modelFits"), names(json.get("ranking").get(0)));
        assertEquals(Set.of("smallWinner", "largeWinner", "crossoverN", "ci", "ratio", "side"),
                names(json.get("nearestCrossover")));
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
