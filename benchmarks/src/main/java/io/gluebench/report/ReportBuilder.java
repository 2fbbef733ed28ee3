package io.gluebench.report;

import io.gluebench.analysis.Analysis;
import io.gluebench.result.Run;
import java.nio.file.Path;
import java.util.List;

/**
 * Lays out a run and its analysis as a {@link Doc.Report}: the header facts ({@link RunHeader}),
 * then one {@link ReportSection} per section, in the order of {@link #SECTIONS}. The words and
 * tables of a section live in its class; a new section is a new class and one entry here.
 */
final class ReportBuilder {
    static final String TITLE = "gluebench report";
    static final String SUBTITLE = "When to glue, when to compute";

    /** The sections in the order they are shown. */
    static final List<ReportSection> SECTIONS = List.of(
            new SummarySection(),
            new ChartsSection(),
            new ScoresSection(),
            new AllocationSection(),
            new ModelsSection(),
            new OverheadSection(),
            new SkippedAndFailedSection(),
            new AntiPatternsSection(),
            new StartupSection(),
            new CallersSection(),
            new WarningsSection(),
            new MachineSection(),
            new FloorsSection());

    private ReportBuilder() {
    }

    static Doc.Report build(Run run, Analysis analysis, List<Path> charts) {
        ReportInput in = ReportInput.of(run, analysis, charts);
        return new Doc.Report(TITLE, SUBTITLE, RunHeader.facts(run), SECTIONS.stream().map(s -> s.section(in)).toList());
    }
}
