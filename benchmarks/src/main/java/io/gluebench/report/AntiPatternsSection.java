package io.gluebench.report;

import static io.gluebench.report.Format.nz;

import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Anti-patterns: the labelled wrong ways in the run and why each hurts; then every pattern in the run and what it measures. */
final class AntiPatternsSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        LinkedHashSet<String> present = new LinkedHashSet<>(in.patterns());
        run.skipped().forEach(s -> present.add(s.pattern()));
        List<List<Cell>> rows = new ArrayList<>();
        for (String name : present) {
            PatternInfo info = run.pattern(name).orElse(null);
            if (info != null && info.antiPattern()) {
                boolean skipped = run.skipped().stream().anyMatch(s -> s.pattern().equals(name));
                rows.add(List.of(Cell.code(name), Cell.text(nz(info.whyItHurts())),
                        Cell.text(skipped ? "skipped" : "measured")));
            }
        }
        if (rows.isEmpty()) {
            blocks.add(new Note(Phrase.of("This run has no anti-patterns: every pattern in it is a mechanism's best honest "
                    + "configuration. The standard profile adds the labelled anti-patterns, and --pattern names any of them."), false));
        } else {
            blocks.add(new Para(Phrase.of("Labelled ways people get it wrong, measured beside the right way; "
                    + "charts draw them dashed.")));
            blocks.add(new Table(null, List.of("anti-pattern", "why this hurts", "in this run"), rows, false));
        }
        List<List<Cell>> all = new ArrayList<>();
        for (String name : present) {
            run.pattern(name).ifPresent(i -> all.add(List.of(Cell.code(i.name()), Cell.text(i.kind() == null ? "" : i.kind().label()),
                    Cell.text(i.family() == null ? "" : i.family().label()), Cell.text(nz(i.measures())))));
        }
        if (!all.isEmpty()) {
            blocks.add(new Heading("Patterns in this run", "patterns"));
            blocks.add(new Table(null, List.of("pattern", "kind", "family", "what it measures"), all, true));
        }
        return new Section("anti-patterns", "Anti-patterns", blocks);
    }
}
