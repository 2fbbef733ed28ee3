package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bold text in report.md keeps its edge spaces outside the markers, where CommonMark renders it. */
class MarkdownStrongTest {
    @Test
    void edgeSpacesGoOutsideTheMarkers() {
        assertEquals("**What to do:** ", MarkdownReport.strong("What to do: "));
        assertEquals(" **x**", MarkdownReport.strong(" x"));
        assertEquals("**a b**", MarkdownReport.strong("a b"));
        assertEquals(" ", MarkdownReport.strong(" "));
    }
}
