package io.gluebench.report;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Complexity;
import io.gluebench.analysis.CostModel;
import io.gluebench.analysis.Interval;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.report.Doc.Tone;
import java.util.ArrayList;
import java.util.List;

/** Cost models: each pattern's t(N) = a + b·f(N) with the intervals of a and b, how well it fits, and why not. */
final class ModelsSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Analysis analysis = in.analysis();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Para(Phrase.builder().text("Each pattern's time per call fitted as ").code("t(N) = a + b·f(N)")
                .text(", f from the workload's complexity: ").strong("a").text(" is the fixed cost of one call (the crossing), ")
                .strong("b").text(" the cost per unit of work. Intervals are 95% bootstrap intervals that resample forks, then iterations within a fork. "
                        + "A model that does not fit is not used to place crossovers.").build()));
        if (analysis.models().isEmpty()) {
            blocks.add(new Para(Phrase.of("No pattern was measured at two or more sizes, so there are no cost models.")));
            return new Section("models", "Cost models", blocks);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (CostModel m : analysis.models()) {
            String unit = perUnit(m.complexity());
            Phrase fit = m.fits() ? Phrase.of("fits")
                    : Phrase.builder().strong("does not fit").sub(m.misfit() == null || m.misfit().isBlank() ? "" : m.misfit()).build();
            rows.add(List.of(
                    Cell.text(m.workload()),
                    Cell.code(m.pattern()),
                    Cell.num(Format.nanos(m.fixedNs())),
                    Cell.num(interval(m.fixedCi())),
                    Cell.num(Format.nanos(m.perUnitNs()) + " " + unit),
                    Cell.num(interval(m.perUnitCi())),
                    Cell.num(Format.fixed(m.rSquared(), 4)),
                    Cell.num(Format.percent(m.maxRelResidual())),
                    new Cell(fit, false, m.fits() ? Tone.NONE : Tone.WARN, null, null)));
        }
        blocks.add(new Table(null, List.of("workload", "pattern", "a (fixed)", "a 95% CI", "b (per unit)", "b 95% CI",
                "R²", "max residual", "fit"), rows, true));
        return new Section("models", "Cost models", blocks);
    }

    static String perUnit(Complexity c) {
        return c == Complexity.CONSTANT ? "per call" : "per " + c.label();
    }

    private static String interval(Interval ci) {
        if (ci == null) {
            return "–";
        }
        return Format.nanos(ci.lo()) + " – " + Format.nanos(ci.hi());
    }
}
