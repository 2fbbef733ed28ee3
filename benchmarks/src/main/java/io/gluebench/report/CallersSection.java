package io.gluebench.report;

import static io.gluebench.report.Format.sentence;

import io.gluebench.analysis.ScalingFactor;
import io.gluebench.chart.StartupCharts;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Figure;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.report.Doc.Tone;
import io.gluebench.result.Run;
import io.gluebench.result.Scaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Threads and the GIL: throughput with one and more concurrent callers per pattern, the scaling
 * factor with its interval and its reading (inconclusive ones said so), with the chart.
 */
final class CallersSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        if (run.scaling().isEmpty()) {
            blocks.add(new Note(Phrase.of("This run did not measure concurrent callers (the profile has no scaling"
                    + " setting, or --no-scaling)."), false));
            return new Section("callers", "Threads and the GIL", blocks);
        }
        Scaling any = run.scaling().get(0);
        int cores = run.machine() == null ? Integer.MAX_VALUE : run.machine().cores();
        int forks = any.forkSamples() == null || any.forkSamples().isEmpty() ? 1 : any.forkSamples().get(0).size();
        int most = any.threads().get(any.threads().size() - 1);
        blocks.add(new Para(Phrase.of("Throughput with " + any.threads().stream().map(String::valueOf)
                .collect(Collectors.joining(" and ")) + " concurrent callers (JMH threads, "
                + (forks == 1 ? "one fork per count" : forks + " forks per count, in a seeded random order") + "), "
                + any.workload() + " at N = " + Format.size(any.size())
                + ". Each caller opens its own pattern:"
                + " its own Jep SharedInterpreter or PEMJA interpreter (all in one CPython, so one GIL), its own worker"
                + " process. On " + (run.machine() == null ? "this machine" : run.machine().cores() + " cores")
                + " a GIL-bound pattern stays near ×1; one process per caller can approach ×" + most + ".")));
        blocks.add(new Para(Phrase.of(any.forkSamples() == null
                ? "This run measured one fork per count, so its factors have no interval; a factor above the"
                        + " number of callers or of cores is read as inconclusive."
                : "The factor's interval is a 95% two-level bootstrap (forks, then the iterations within each);"
                        + " a factor whose interval holds both ×1 and ×" + most + ", is wider than the gap between"
                        + " them, or lies above the number of callers or of cores, is inconclusive.")));
        List<String> header = new ArrayList<>(List.of("pattern"));
        any.threads().forEach(t -> header.add(t + (t == 1 ? " caller" : " callers")));
        header.add("scaling (95% interval)");
        header.add("reading");
        List<List<Cell>> rows = new ArrayList<>();
        for (Scaling s : run.scaling()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.code(s.pattern()));
            for (int i = 0; i < any.threads().size(); i++) {
                Double v = i < s.opsPerSecond().size() ? s.opsPerSecond().get(i) : null;
                Double e = s.forkSamples() != null && i < s.errors().size() ? s.errors().get(i) : null;
                row.add(v == null ? Cell.text(s.isOk() ? "–" : s.status().label())
                        : Cell.num(String.format(Locale.ROOT, "%,.0f calls/s", v)
                                + (e == null ? "" : String.format(Locale.ROOT, " ± %,.0f", e))));
            }
            String verdict = ScalingFactor.verdictOf(s, cores);
            boolean inconclusive = ScalingFactor.inconclusive(verdict);
            Tone tone = inconclusive ? Tone.WARN : Tone.NONE;
            row.add(new Cell(Phrase.of(s.factor() == null ? "–" : StartupCharts.factorText(s)
                    + (inconclusive ? " inconclusive" : "")), true, tone, null, null));
            row.add(new Cell(Phrase.of(s.factor() != null && verdict != null ? sentence(verdict)
                    : sentence(s.reason() == null ? "" : s.reason().lines().findFirst().orElse(""))), false, tone, null,
                    null));
            rows.add(row);
        }
        blocks.add(new Table(null, header, rows, true));
        in.chart(StartupCharts.CALLERS).ifPresent(p -> blocks.add(new Figure(p,
                "Throughput with more callers over one caller, per pattern.")));
        return new Section("callers", "Threads and the GIL", blocks);
    }
}
