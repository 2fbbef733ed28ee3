package io.gluebench.report;

import static io.gluebench.report.Format.nz;

import io.gluebench.analysis.Analyzer;
import io.gluebench.analysis.StabilityWarning;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Bullets;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Table;
import io.gluebench.report.Doc.Tone;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/** Many wide-interval warnings as one matrix per workload: pattern by N, the interval's relative width. */
final class WideIntervalMatrix {
    private WideIntervalMatrix() {
    }

    static List<Block> blocks(ReportInput in, List<StabilityWarning> ws) {
        Run run = in.run();
        List<String> workloads = in.workloads();
        List<Block> blocks = new ArrayList<>();
        long measured = run.points().stream().filter(p -> p.isOk() && p.score() != null).count();
        blocks.add(new Para(Phrase.of(ws.size() + " of " + measured + " measured scores have a "
                + (run.formatVersion() >= 2 ? "95% interval" : "99.9% confidence interval") + " wider than ±"
                + Format.percent(Analyzer.WIDE_CI) + " of the score; the marked cells below give "
                + "the interval's half-width relative to the score.")));
        LinkedHashSet<String> remedies = new LinkedHashSet<>();
        ws.forEach(w -> remedies.add(nz(w.remedy())));
        blocks.add(new Note(Phrase.builder().strong("What to do: ").text(String.join(" ", remedies)).build(), true));
        for (String w : workloads) {
            List<StabilityWarning> here = ws.stream().filter(x -> w.equals(x.workload())).toList();
            if (here.isEmpty()) {
                continue;
            }
            TreeSet<Integer> sizes = new TreeSet<>();
            run.points().stream().filter(p -> p.workload().equals(w)).forEach(p -> sizes.add(p.size()));
            List<String> header = new ArrayList<>();
            header.add(w + ": pattern \\ N");
            sizes.forEach(n -> header.add(Format.size(n)));
            List<List<Cell>> rows = new ArrayList<>();
            for (String p : in.patterns()) {
                if (here.stream().noneMatch(x -> p.equals(x.pattern()))) {
                    continue;
                }
                List<Cell> row = new ArrayList<>();
                row.add(Cell.code(p));
                for (int n : sizes) {
                    StabilityWarning sw = here.stream().filter(x -> p.equals(x.pattern()) && x.size() != null && x.size() == n)
                            .findFirst().orElse(null);
                    Point pt = run.points().stream().filter(x -> x.workload().equals(w) && x.series().equals(p)
                            && x.size() == n && x.isOk() && x.score() != null && x.scoreError() != null).findFirst().orElse(null);
                    if (sw == null || pt == null || pt.score() <= 0) {
                        row.add(new Cell(Phrase.of(sw == null ? "" : "wide"), true, Tone.NONE, null, sw == null ? null : sw.message()));
                    } else {
                        double rel = pt.scoreError() / pt.score();
                        row.add(new Cell(Phrase.of("±" + Format.percent(rel)), true, Tone.NONE, Math.min(1, rel), sw.message()));
                    }
                }
                rows.add(row);
            }
            blocks.add(new Table(null, header, rows, true, true));
        }
        List<StabilityWarning> elsewhere = ws.stream().filter(x -> x.workload() == null || !workloads.contains(x.workload())).toList();
        if (!elsewhere.isEmpty()) {
            blocks.add(new Bullets(elsewhere.stream()
                    .map(x -> Phrase.builder().strong(WarningsSection.where(x)).text(": " + nz(x.message())).build()).toList()));
        }
        return blocks;
    }
}
