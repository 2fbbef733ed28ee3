package io.gluebench.report;

import io.gluebench.analysis.Crossover;
import io.gluebench.report.Doc.Phrase;
import java.util.ArrayList;
import java.util.List;

/**
 * One crossover as a sentence: which pattern is faster below N*, with the model's interval and the
 * measured bracket, which above; a crossing read from unsettled points or far outside the measured
 * sizes says so.
 */
final class CrossoverSentence {
    private CrossoverSentence() {
    }

    static Phrase of(Crossover c) {
        Phrase.Builder b = Phrase.builder().strong(c.workload()).text(": ").code(c.smallWinner()).text(" is faster ");
        String measured = c.bracketLow() != null && c.bracketHigh() != null
                ? "measured between " + Format.size(c.bracketLow()) + " and " + Format.size(c.bracketHigh()) : null;
        if (c.modelN() != null) {
            b.text("below ").strong("N≈" + Format.approx(c.modelN()));
            List<String> paren = new ArrayList<>();
            if (c.modelCi() != null) {
                paren.add(Format.percent(c.modelCi().level()) + " CI " + Format.approx(c.modelCi().lo())
                        + "–" + Format.approx(c.modelCi().hi()));
            }
            if (measured != null) {
                paren.add(measured);
            }
            if (!paren.isEmpty()) {
                b.text(" (" + String.join("; ", paren) + ")");
            }
        } else if (measured != null) {
            b.text("below N between " + Format.size(c.bracketLow()) + " and " + Format.size(c.bracketHigh())
                    + " (measured; the cost models do not place the crossing)");
        } else {
            b.text("at small N");
        }
        b.text(", ").code(c.largeWinner()).text(" above.");
        if (!c.settled()) {
            b.muted(" Read from points that never reached a steady state (" + String.join("; ", c.unsettled())
                    + "): the crossing may move on a rerun.");
        }
        if (c.extrapolated()) {
            b.muted(" The model crossing lies far outside the measured sizes: an extrapolation.");
        }
        return b.build();
    }
}
