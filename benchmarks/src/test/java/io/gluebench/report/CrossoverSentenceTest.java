package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gluebench.analysis.Crossover;
import io.gluebench.analysis.Interval;
import io.gluebench.report.Doc.Span;
import io.gluebench.report.Doc.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A crossover as one sentence: where the models cross with their interval, else the measured bracket, and its caveats. */
class CrossoverSentenceTest {
    @Test
    void aModelCrossingGivesItsIntervalAndTheMeasuredBracket() {
        Crossover c = new Crossover("dot", "jep-python", "jep-numpy", 10, 1000, 100.0, new Interval(80, 120, 0.95),
                true, false);
        assertEquals("dot: jep-python is faster below N≈100 (95% CI 80–120; measured between 10 and 1,000),"
                + " jep-numpy above.", CrossoverSentence.of(c).plain());
    }

    @Test
    void withoutAModelCrossingTheMeasuredBracketIsGiven() {
        Crossover c = new Crossover("dot", "jep-python", "jep-numpy", 10, 1000, null, null, true, false);
        assertEquals("dot: jep-python is faster below N between 10 and 1,000 (measured; the cost models do not place"
                + " the crossing), jep-numpy above.", CrossoverSentence.of(c).plain());
        Crossover neither = new Crossover("dot", "java", "jni", null, null, null, null, false, false);
        assertEquals("dot: java is faster at small N, jni above.", CrossoverSentence.of(neither).plain());
    }

    @Test
    void anUnsettledOrExtrapolatedCrossingSaysSoInMutedText() {
        Crossover c = new Crossover("dot", "jep-python", "jep-numpy", null, null, 2.0e6, null, true, true,
                List.of("jep-numpy N=10"));
        List<Span> spans = CrossoverSentence.of(c).spans();
        assertEquals(List.of(
                new Span(" Read from points that never reached a steady state (jep-numpy N=10): the crossing may move on a rerun.",
                        Style.MUTED),
                new Span(" The model crossing lies far outside the measured sizes: an extrapolation.", Style.MUTED)),
                spans.subList(spans.size() - 2, spans.size()));
        assertEquals(new Span("N≈2,000,000", Style.STRONG), spans.get(5));
    }
}
