package io.gluebench.report;

import static io.gluebench.report.Format.nz;

import io.gluebench.analysis.Fastest;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.report.Doc.Tone;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Scores: per workload, the time per call of every pattern (and transport and placement) at every N
 * with its interval; the fastest at each N in bold, a point that never settled marked.
 */
final class ScoresSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Para(Phrase.of((run.formatVersion() >= 2
                ? "Mean of the forks' mean times per call with the half-width of its 95% interval (forks resampled, then "
                        + "iterations within a fork), relative to the mean; " + TextTable.UNSETTLED_MARK
                        + " marks a point that never reached a steady state in some fork. "
                : "Mean time per call with the half-width of JMH's 99.9% confidence interval of one fork, relative to the "
                        + "mean. ") + "The fastest pattern at each N is set in bold; where others' intervals overlap the "
                        + "fastest's, they are all set in bold, as a tie.")));
        for (String w : in.workloads()) {
            List<Point> pts = run.points().stream().filter(p -> p.workload().equals(w)).toList();
            List<String> cols = new ArrayList<>();
            for (String p : in.patterns()) {
                for (Point pt : pts) {
                    if (pt.series().equals(p) && !cols.contains(column(pt))) {
                        cols.add(column(pt));
                    }
                }
            }
            TreeSet<Integer> sizes = new TreeSet<>();
            pts.forEach(p -> sizes.add(p.size()));
            List<String> header = new ArrayList<>();
            header.add("N");
            header.addAll(cols);
            List<List<Cell>> rows = new ArrayList<>();
            for (int n : sizes) {
                Fastest.Row fr = in.analysis().fastest().stream().filter(r -> r.workload().equals(w) && r.size() == n)
                        .findFirst().orElse(null);
                List<Cell> row = new ArrayList<>();
                row.add(Cell.num(Format.size(n)));
                for (String col : cols) {
                    Point pt = pts.stream().filter(p -> p.size() == n && column(p).equals(col)).findFirst().orElse(null);
                    row.add(scoreCell(pt, fr));
                }
                rows.add(row);
            }
            String meaning = run.workload(w).map(WorkloadInfo::sizeMeaning).orElse("size");
            blocks.add(new Heading(w, "scores-" + w));
            blocks.add(new Table(w + " — N is " + meaning, header, rows, true));
        }
        return new Section("scores", "Scores", blocks);
    }

    /** A column of the table: the pattern, with its transport and placement where they apply. */
    static String column(Point p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.pattern());
        if (p.transport() != null) {
            parts.add(p.transport());
        }
        if (p.placement() != null) {
            parts.add(p.placement());
        }
        return String.join(" / ", parts);
    }

    /** One point's cell: its time and interval, or why it has none; {@code fr} is the fastest at its N. */
    static Cell scoreCell(Point pt, Fastest.Row fr) {
        if (pt == null) {
            return new Cell(Phrase.of("–"), true, Tone.MISSING, null, "not in this run");
        }
        if (Point.FAILED.equals(pt.status())) {
            return new Cell(Phrase.of("failed"), true, Tone.FAILED, null, nz(pt.reason()));
        }
        if (Point.SKIPPED.equals(pt.status())) {
            return new Cell(Phrase.of("skipped"), true, Tone.SKIPPED, null, nz(pt.reason()));
        }
        if (!pt.isOk() || pt.score() == null) {
            return new Cell(Phrase.of(pt.status() == null ? "" : pt.status().label()), true, Tone.MISSING, null, nz(pt.reason()));
        }
        String text = (pt.steady() ? "" : TextTable.UNSETTLED_MARK) + Format.nanos(pt.score());
        String error = pt.scoreError() != null && pt.score() > 0 ? " ± " + Format.percent(pt.scoreError() / pt.score()) : "";
        boolean best = fr != null && fr.topOrTied(pt.series())
                && Objects.equals(fr.nanos().get(pt.series()), pt.score());
        boolean tie = best && !fr.tied().isEmpty();
        Phrase.Builder p = Phrase.builder();
        if (best) {
            p.strong(text);
        } else {
            p.text(text);
        }
        String forks = pt.forks().isEmpty() ? "" : pt.forkCount() + " fork" + (pt.forkCount() == 1 ? "" : "s")
                + (pt.steadyState() == null ? "" : ", " + pt.steadyState());
        String title = (tie ? "tied for fastest at this N: its 95% interval overlaps the fastest's"
                : best ? "fastest at this N" : "") + (best && !forks.isEmpty() ? "; " : "") + forks
                + (pt.steady() ? "" : ": never reached a steady state in some fork; read it as a range");
        return new Cell(p.sub(error).build(), true, best ? Tone.BEST : Tone.NONE, null, title.isEmpty() ? null : title);
    }
}
