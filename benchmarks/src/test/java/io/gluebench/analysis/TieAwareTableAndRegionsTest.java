package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scores table's "fastest" and the ranges where the interpreted side wins claim no more than the
 * intervals show: where the runner-up's interval overlaps the fastest's, the row is a tie and no side
 * wins that size.
 */
class TieAwareTableAndRegionsTest {
    @Test
    void aRowWhoseBestTwoOverlapListsTheTie() {
        // At N = 100 jep-python is 2% below jep-numpy inside ±5% intervals; at 1M numpy is far ahead.
        Run r = DecisionTieTest.run(0.05, Map.of(
                "jep-python", new double[] {10, 1000, 100_000, 10_000_000},
                "jep-numpy", new double[] {5000, 1020, 98_000, 1_000_000}));
        Map<Integer, Fastest.Row> rows = new java.util.HashMap<>();
        Fastest.rows(r).forEach(row -> rows.put(row.size(), row));
        assertEquals(List.of(), rows.get(1).tied(), "apart: one fastest, no tie");
        assertEquals(List.of("jep-python", "jep-numpy"), rows.get(100).tied(), "fastest first");
        assertTrue(rows.get(100).topOrTied("jep-numpy"));
        assertFalse(rows.get(1).topOrTied("jep-numpy"));
        assertEquals("jep-python", rows.get(1).label());
        assertEquals("tie: jep-python/jep-numpy", rows.get(100).label(), "a table names the tie, not a winner");
    }

    @Test
    void theInterpretedSideWinsOnlyWhereTheIntervalsAreApart() {
        // jep-python below jep-numpy at every size but 1M, apart only at N = 1 (±5%, 2% and 2.5% below
        // at 100 and 10k): the range is N = 1 alone, up to the geometric mean of 1 and 100.
        Run r = DecisionTieTest.run(0.05, Map.of(
                "jep-python", new double[] {10, 1000, 97_500, 10_000_000},
                "jep-numpy", new double[] {5000, 1020, 100_000, 1_000_000}));
        List<Regions.Range> wins = Regions.interpretedWins(r, "dot");
        assertEquals(1, wins.size(), wins.toString());
        assertEquals(1, wins.get(0).fromN(), 1e-9);
        assertEquals(10, wins.get(0).toN(), 1e-9);

        // The same times with ±0.5% intervals: apart at 1, 100 and 10k, so the range reaches past 10k.
        Run narrow = DecisionTieTest.run(0.005, Map.of(
                "jep-python", new double[] {10, 1000, 97_500, 10_000_000},
                "jep-numpy", new double[] {5000, 1020, 100_000, 1_000_000}));
        List<Regions.Range> apart = Regions.interpretedWins(narrow, "dot");
        assertEquals(1, apart.size(), apart.toString());
        assertTrue(apart.get(0).toN() > 10_000, apart.toString());
    }
}
