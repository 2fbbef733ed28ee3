package io.gluebench.report;

import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Allocation per call: for the points measured with JMH's gc profiler (run --prof gc), the Java heap
 * bytes each call allocates beside its time, with the interval over the point's forks.
 */
final class AllocationSection implements ReportSection {
    static final String TITLE = "Allocation per call";

    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        List<Point> measured = run.points().stream().filter(p -> p.isOk() && p.allocBytesPerOp() != null).toList();
        if (measured.isEmpty()) {
            blocks.add(new Note(Phrase.of("This run did not measure allocation: ./gluebench run --prof gc adds, to every "
                    + "point, the Java heap bytes each call allocates."), false));
            return new Section("allocation", TITLE, blocks);
        }
        blocks.add(new Para(Phrase.of("Java heap bytes allocated per call (JMH's gc profiler, gc.alloc.rate.norm: the "
                + "mean of the forks' figures, in brackets the 95% interval over the forks) beside the time per call. "
                + "Memory that CPython, GraalPy's native side or C allocates is not on the Java heap and is not "
                + "counted; another profiler's sampling thread running beside gc is.")));
        List<List<Cell>> rows = new ArrayList<>();
        for (String w : in.workloads()) {
            for (String pattern : in.patterns()) {
                measured.stream().filter(p -> p.workload().equals(w) && p.series().equals(pattern))
                        .sorted(Comparator.comparingInt(Point::size).thenComparing(ScoresSection::column))
                        .forEach(p -> rows.add(List.of(Cell.text(w), Cell.num(Format.size(p.size())),
                                Cell.code(ScoresSection.column(p)), Cell.num(Format.nanos(p.score())),
                                Cell.num(allocation(p)))));
            }
        }
        blocks.add(new Table(null, List.of("workload", "N", "pattern", "time per call", "Java heap per call"), rows, true));
        return new Section("allocation", TITLE, blocks);
    }

    /** "1.5 kB (1.4 kB–1.6 kB)", or with one fork "1.5 kB (one fork)". */
    static String allocation(Point p) {
        String v = Units.bytes(p.allocBytesPerOp());
        if (p.allocCiLow() == null || p.allocCiHigh() == null) {
            return v + " (one fork)";
        }
        return v + " (" + Units.bytes(p.allocCiLow()) + "–" + Units.bytes(p.allocCiHigh()) + ")";
    }
}
