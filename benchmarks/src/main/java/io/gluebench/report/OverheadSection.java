package io.gluebench.report;

import io.gluebench.analysis.OverheadShare;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.report.Doc.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Overhead share: per workload, a matrix of pattern by N giving the fixed cost's share a / t(N), shaded. */
final class OverheadSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Para(Phrase.builder().text("The share of each measured call that is fixed cost, ").code("a / t(N)")
                .text(": near 100% the call is all crossing, near 0% it is all compute.").build()));
        if (in.analysis().overhead().isEmpty()) {
            blocks.add(new Para(Phrase.of("No cost models, so no overhead shares.")));
        }
        for (String w : in.workloads()) {
            List<OverheadShare> os = in.analysis().overhead().stream().filter(o -> o.workload().equals(w)).toList();
            if (os.isEmpty()) {
                continue;
            }
            TreeSet<Integer> sizes = new TreeSet<>();
            os.forEach(o -> sizes.add(o.size()));
            List<String> pats = new ArrayList<>();
            for (String p : in.patterns()) {
                if (os.stream().anyMatch(o -> o.pattern().equals(p))) {
                    pats.add(p);
                }
            }
            os.stream().map(OverheadShare::pattern).filter(p -> !pats.contains(p)).distinct().forEach(pats::add);
            List<String> header = new ArrayList<>();
            header.add("pattern \\ N");
            sizes.forEach(n -> header.add(Format.size(n)));
            List<List<Cell>> rows = new ArrayList<>();
            for (String p : pats) {
                List<Cell> row = new ArrayList<>();
                row.add(Cell.code(p));
                for (int n : sizes) {
                    OverheadShare o = os.stream().filter(x -> x.pattern().equals(p) && x.size() == n).findFirst().orElse(null);
                    row.add(o == null ? new Cell(Phrase.of("–"), true, Tone.MISSING, null, null)
                            : new Cell(Phrase.of(Format.percent(o.share())), true, Tone.NONE, o.share(),
                                    "a = " + Format.nanos(o.fixedNs()) + " of " + Format.nanos(o.measuredNs())));
                }
                rows.add(row);
            }
            blocks.add(new Heading(w, "overhead-" + w));
            blocks.add(new Table(null, header, rows, true, true));
        }
        return new Section("overhead", "Overhead share", blocks);
    }
}
