package io.gluebench.report;

import static io.gluebench.report.Format.nz;

import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.SkippedPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Skipped and failed: every pattern or point skipped, with the reason, and every point whose answer
 * did not match the Java reference (or that failed otherwise), with the reason.
 */
final class SkippedAndFailedSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        List<List<Cell>> skipped = new ArrayList<>();
        for (SkippedPattern s : run.skipped()) {
            skipped.add(List.of(Cell.code(s.pattern()), Cell.text("all"), Cell.text(nz(s.reason()))));
        }
        for (Point p : run.points()) {
            if (Point.SKIPPED.equals(p.status())) {
                skipped.add(List.of(Cell.code(p.series()), Cell.text(p.workload() + " N=" + Format.size(p.size())),
                        Cell.text(nz(p.reason()))));
            }
        }
        blocks.add(new Heading("Skipped", "skipped-points"));
        if (skipped.isEmpty()) {
            blocks.add(new Note(Phrase.of("No pattern was skipped: every pattern in the plan ran on this machine."), false));
        } else {
            blocks.add(new Table(null, List.of("pattern", "where", "reason"), skipped, false));
        }
        List<List<Cell>> failed = new ArrayList<>();
        for (Point p : run.points()) {
            if (Point.FAILED.equals(p.status())) {
                String reason = p.reason();
                if ((reason == null || reason.isBlank()) && p.verification() != null) {
                    reason = p.verification().error();
                }
                failed.add(List.of(Cell.text(p.workload()), Cell.code(p.series()), Cell.num(Format.size(p.size())),
                        Cell.text(nz(reason))));
            }
        }
        blocks.add(new Heading("Failed", "failed"));
        if (failed.isEmpty()) {
            blocks.add(new Note(Phrase.of("No point failed: every measured answer matched the Java reference before it was timed."), false));
        } else {
            blocks.add(new Table(null, List.of("workload", "pattern", "N", "reason"), failed, false));
        }
        return new Section("skipped", "Skipped and failed", blocks);
    }
}
