package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.StabilityWarning;
import io.gluebench.analysis.SyntheticRuns;
import io.gluebench.report.Doc.Bullets;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the warnings of one kind are set: a few as sentences, many as a table, many wide intervals as a matrix. */
class WarningsSectionTest {
    /** dot at N = 1, 10, 1,000, 10,000 for java, jep-python and jep-numpy; every score's error is 1% of it. */
    private static final Run RUN = SyntheticRuns.run("m1", "r1", SyntheticRuns.dotPoints(1, 1, 1),
            SyntheticRuns.patterns(), SyntheticRuns.workloads());
    private static final int[] SIZES = {1, 10, 1000, 10000};

    private static Section section(List<StabilityWarning> ws) {
        Analysis a = new Analysis(List.of(), List.of(), List.of(), List.of(), ws);
        return new WarningsSection().section(ReportInput.of(RUN, a, List.of()));
    }

    private static StabilityWarning warning(String kind, String pattern, int size, String remedy) {
        return new StabilityWarning(kind, "dot", pattern, size, kind + " for " + pattern, remedy);
    }

    /** One warning of this kind on java at each measured N, the i-th with remedies.get(i % remedies.size()). */
    private static List<StabilityWarning> atEverySize(String kind, List<String> remedies) {
        List<StabilityWarning> out = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            out.add(warning(kind, "java", SIZES[i], remedies.get(i % remedies.size())));
        }
        return out;
    }

    private static List<Class<?>> kinds(Section s) {
        return s.blocks().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void aRunWithoutWarningsSaysSoInOneNote() {
        Section s = section(List.of());
        assertEquals(List.of(Note.class), kinds(s));
        assertEquals("No stability warnings: every score's interval is narrow and every model fits.",
                ((Note) s.blocks().get(0)).text().plain());
    }

    @Test
    void aFewWarningsOfAKindAreSentencesEachWithWhatToDo() {
        Section s = section(List.of(warning("misfit", "java", 10, "Measure more sizes"),
                warning("misfit", "jep-numpy", 1000, "Measure more sizes.")));
        assertEquals(List.of(Heading.class, Bullets.class), kinds(s));
        assertEquals("Models that do not fit (2)", ((Heading) s.blocks().get(0)).text());
        List<String> items = ((Bullets) s.blocks().get(1)).items().stream().map(Doc.Phrase::plain).toList();
        assertEquals(List.of("dot / java / N=10: misfit for java. What to do: Measure more sizes.",
                "dot / jep-numpy / N=1,000: misfit for jep-numpy. What to do: Measure more sizes."), items);
    }

    @Test
    void manyWarningsSharingOneRemedySayItOnceAboveTheirTable() {
        Section s = section(atEverySize("few-samples", List.of("Raise the measurement iterations.")));
        assertEquals(List.of(Heading.class, Note.class, Table.class), kinds(s));
        Note note = (Note) s.blocks().get(1);
        assertTrue(note.warn());
        assertEquals("What to do: Raise the measurement iterations.", note.text().plain());
        Table t = (Table) s.blocks().get(2);
        assertEquals(List.of("workload", "pattern", "N", "message"), t.header());
        assertEquals(SIZES.length, t.rows().size());
        assertEquals("1,000", t.rows().get(2).get(2).text().plain());
    }

    @Test
    void manyWarningsWithTheirOwnRemediesGiveEachRowItsOwn() {
        Section s = section(atEverySize("high-load", List.of("Close the browser.", "Pin the run to idle cores.")));
        assertEquals(List.of(Heading.class, Table.class), kinds(s));
        Table t = (Table) s.blocks().get(1);
        assertEquals(List.of("workload", "pattern", "N", "message", "what to do"), t.header());
        assertEquals("Pin the run to idle cores.", t.rows().get(1).get(4).text().plain());
    }

    @Test
    void manyWideIntervalsAreAMatrixOfPatternByNWithTheRelativeWidth() {
        List<StabilityWarning> ws = new ArrayList<>(atEverySize("wide-ci", List.of("Rerun on a quiet machine.")));
        ws.add(new StabilityWarning("wide-ci", "sort", "java", 10, "wide for sort", "Use more forks."));
        Section s = section(ws);
        assertEquals(List.of(Heading.class, Para.class, Note.class, Table.class, Bullets.class), kinds(s));
        assertEquals("Wide confidence intervals (5)", ((Heading) s.blocks().get(0)).text());
        assertTrue(((Para) s.blocks().get(1)).text().plain().startsWith("5 of 12 measured scores have a 95% interval"),
                ((Para) s.blocks().get(1)).text().plain());
        assertEquals("What to do: Rerun on a quiet machine. Use more forks.", ((Note) s.blocks().get(2)).text().plain());
        Table t = (Table) s.blocks().get(3);
        assertTrue(t.matrix());
        assertEquals(List.of("dot: pattern \\ N", "1", "10", "1,000", "10,000"), t.header());
        assertEquals(1, t.rows().size(), "only the patterns with a warning");
        List<Cell> java = t.rows().get(0);
        assertEquals("java", java.get(0).text().plain());
        for (Cell c : java.subList(1, java.size())) {
            assertEquals("±1%", c.text().plain());
            assertEquals(0.01, c.heat(), 1e-9);
        }
        assertEquals(List.of("sort / java / N=10: wide for sort"),
                ((Bullets) s.blocks().get(4)).items().stream().map(Doc.Phrase::plain).toList(),
                "a warning for a workload without points is listed under the matrix");
    }
}
