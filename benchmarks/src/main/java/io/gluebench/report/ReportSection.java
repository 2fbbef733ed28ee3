package io.gluebench.report;

/**
 * One section of a run's report: its id, title and blocks, laid out from the run and its analysis.
 * A section chooses words and formats numbers; every number comes from the run or the analysis.
 * {@link ReportBuilder#SECTIONS} lists them in the order they are shown.
 */
interface ReportSection {
    Doc.Section section(ReportInput in);
}
