package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.Analyzer;
import io.gluebench.result.Floor;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The floor comparison as printed: the ratio with its interval, the floor's name; a floor not measured says so. */
class FloorTextTest {
    private static Run run() {
        Point jep = new Point("echo", "jep-python", 0, null, null, Point.OK, "ns/op", 100.0, 10.0, List.of(100.0),
                List.of(), null, null, null, List.of(), 1);
        return new Run(Run.FORMAT_VERSION, "r", "quick", "complete", "2026-11-25T00:00:00Z", "2026-11-25T00:10:00Z", null,
                Map.of(), List.of(new Floor("cpython_call", "cpython", 20, 4, "probe", "C calls CPython"),
                        new Floor("cpython_call_gil", "cpython", Double.NaN, Double.NaN, "probe", "skipped: no probe")),
                List.of(jep), List.of(), List.of(new PatternInfo("jep-python", io.gluebench.result.Family.of("jep"), io.gluebench.result.Kind.INTERPRETED, false, "", "")),
                List.of());
    }

    @Test
    void theTerminalTableGivesTheRatioWithItsInterval() {
        String text = TextTable.floorComparison(run());
        assertTrue(text.contains("cpython_call") && text.contains("5.0 (4.1-6.1)"), text);
        String floors = TextTable.floors(run());
        assertTrue(floors.contains("not measured") && !floors.contains("NaN"), floors);
    }

    @Test
    void theReportGivesTheRatioWithItsInterval() throws Exception {
        Run run = run();
        String md = MarkdownReport.render(ReportBuilder.build(run, Analyzer.analyze(run), List.of()));
        assertTrue(md.contains("×5.0 (4.1–6.1)") && md.contains("cpython_call"), md);
        assertTrue(md.contains("not measured") && md.contains("skipped: no probe") && !md.contains("NaN"), md);
    }
}
