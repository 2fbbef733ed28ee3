package io.gluebench.report;

import static io.gluebench.report.Format.nz;

import io.gluebench.analysis.FloorComparison;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.result.Floor;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * Floors: the raw cost of each mechanism measured in the run, then each pattern's no-op round trip
 * against the floor of its own mechanism, the ratio with its interval.
 */
final class FloorsSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        if (run.floors().isEmpty()) {
            blocks.add(new Note(Phrase.of("This run measured no floors."), true));
            return new Section("floors", "Floors", blocks);
        }
        blocks.add(new Para(Phrase.of("The raw cost of each mechanism on this machine, measured in the same run: "
                + "a pattern's round trip is read against it.")));
        List<List<Cell>> rows = new ArrayList<>();
        for (Floor f : run.floors()) {
            // A floor that could not be measured is NaN; its note says why.
            rows.add(List.of(Cell.code(f.name()), Cell.text(nz(f.mechanism())),
                    Cell.num(Double.isNaN(f.nsPerOp()) ? "not measured" : Format.nanos(f.nsPerOp())),
                    Cell.num(Double.isNaN(f.spread()) ? "–" : "± " + Format.nanos(f.spread())), Cell.text(nz(f.source())),
                    Cell.text(nz(f.note()))));
        }
        blocks.add(new Table(null, List.of("floor", "mechanism", "time per round trip", "spread", "source", "note"), rows, true));
        List<FloorComparison.Row> cmp = FloorComparison.rows(run);
        if (!cmp.isEmpty()) {
            List<List<Cell>> crow = new ArrayList<>();
            for (FloorComparison.Row r : cmp) {
                crow.add(List.of(Cell.code(r.pattern()), Cell.num(Format.nanos(r.echoZeroNs())),
                        r.floor() == null ? Cell.text("–") : Cell.code(r.floor()),
                        Cell.num(r.floorNs() == null ? "–" : Format.nanos(r.floorNs())),
                        Cell.num(r.ratio() == null ? "–" : timesFloor(r)),
                        Cell.num(r.peerFloorNs() == null ? "–" : Format.nanos(r.peerFloorNs())),
                        Cell.num(r.peerRatio() == null ? "–" : "×" + Format.fixed(r.peerRatio(), 1))));
            }
            blocks.add(new Heading("Patterns against their floor", "floor-comparison"));
            blocks.add(new Para(Phrase.of("Each pattern's no-op round trip (echo at N = 0) beside the floor of its mechanism. "
                    + "For a worker, two floors of its transport and placement: C to C (the transport alone) and a C "
                    + "client to the real CPython worker (the transport plus CPython's request handling); the gap "
                    + "between the second and the pattern is what the JVM side adds. Jep and PEMJA are read against "
                    + "C calling CPython with the GIL taken and released per call, FFM against its critical no-op. "
                    + "In brackets, the ratio's interval, taken wide: the pattern's score ± its error against the "
                    + "floor's spread.")));
            blocks.add(new Table(null, List.of("pattern", "echo N=0", "floor", "floor time", "× floor", "C→CPython",
                    "× C→CPython"), crow, true));
        }
        return new Section("floors", "Floors", blocks);
    }

    /** ×3.1 (2.8–3.5): the ratio to the floor and its interval. */
    private static String timesFloor(FloorComparison.Row r) {
        String times = "×" + Format.fixed(r.ratio(), 1);
        if (r.ratioLow() == null) {
            return times + " (interval unknown)";
        }
        return times + " (" + Format.fixed(r.ratioLow(), 1) + "–"
                + (r.ratioHigh() == null ? "∞" : Format.fixed(r.ratioHigh(), 1)) + ")";
    }
}
