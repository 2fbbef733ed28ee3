package io.gluebench.report;

import static io.gluebench.report.Format.sentence;

import io.gluebench.chart.StartupCharts;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Figure;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.result.Run;
import io.gluebench.result.Startup;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up and warm-up, measured in fresh JVMs: the time to the first checked answer, since JVM
 * start, the next calls and the steady time per pattern, with their charts.
 */
final class StartupSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        if (run.startups().isEmpty()) {
            blocks.add(new Note(Phrase.of("This run did not measure start-up (the profile has no startup setting,"
                    + " or --no-startup)."), false));
            return new Section("startup", "Start-up and warm-up", blocks);
        }
        Startup any = run.startups().get(0);
        blocks.add(new Para(Phrase.of("Measured apart from the steady state, in fresh JVMs (JMH SingleShotTime, "
                + any.forks() + (any.forks() == 1 ? " fork" : " forks") + " per pattern, " + any.workload() + " at N = "
                + Format.size(any.size()) + "). First answer: open the pattern (load the library, start the interpreter"
                + " or context, spawn the worker), bind the input, make the first call and check it against the Java"
                + " reference. Since JVM start adds the JVM's own boot. Then each of the next calls is timed on its own:"
                + " the warm-up curve. Steady is the point measured after the profile's warm-up, where the run has one.")));
        List<List<Cell>> rows = new ArrayList<>();
        for (Startup s : run.startups()) {
            if (!s.isOk()) {
                rows.add(List.of(Cell.code(s.pattern()), Cell.text(s.status().label()), Cell.text("–"), Cell.text("–"),
                        Cell.text("–"), Cell.text("–"), Cell.text(sentence(s.reason() == null ? "" : s.reason().lines()
                                .findFirst().orElse("")))));
                continue;
            }
            rows.add(List.of(Cell.code(s.pattern()), Cell.num(Format.nanos(s.medianFirstResultMillis() * 1e6)),
                    Cell.num(s.medianSinceJvmStartMillis() == null ? "–" : Format.nanos(s.medianSinceJvmStartMillis() * 1e6)),
                    Cell.num(s.secondCallNanos() == null ? "–" : Format.nanos(s.secondCallNanos())),
                    Cell.num(s.tailNanos() == null ? "–" : Format.nanos(s.tailNanos())),
                    Cell.num(s.steadyNanos() == null ? "–" : Format.nanos(s.steadyNanos())),
                    Cell.text(s.tailNanos() != null && s.steadyNanos() != null && s.tailNanos() > 2 * s.steadyNanos()
                            ? "still warming after " + s.calls() + " calls: ×" + Format.fixed(s.tailNanos() / s.steadyNanos(), 1)
                                    + " the steady time"
                            : "")));
        }
        blocks.add(new Table(null, List.of("pattern", "first answer", "since JVM start", "call 2", "last calls",
                "steady", "note"), rows, true));
        in.chart(StartupCharts.STARTUP).ifPresent(p -> blocks.add(new Figure(p,
                "Time to the first checked answer in a fresh JVM, per pattern.")));
        in.chart(StartupCharts.CURVE).ifPresent(p -> blocks.add(new Figure(p,
                "Time per call for the first calls in a fresh JVM.")));
        return new Section("startup", "Start-up and warm-up", blocks);
    }
}
