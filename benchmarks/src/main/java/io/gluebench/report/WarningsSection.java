package io.gluebench.report;

import static io.gluebench.report.Format.nz;
import static io.gluebench.report.Format.sentence;

import io.gluebench.analysis.StabilityWarning;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Bullets;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Stability warnings, grouped by kind: a few as sentences with what to do; many as one table (one
 * remedy said once); many wide intervals as a matrix per workload ({@link WideIntervalMatrix}).
 */
final class WarningsSection implements ReportSection {
    /** Warnings of one kind beyond this count are shown as a table, not as sentences. */
    static final int GROUP_AT = 4;

    @Override
    public Section section(ReportInput in) {
        List<Block> blocks = new ArrayList<>();
        if (in.analysis().warnings().isEmpty()) {
            blocks.add(new Note(Phrase.of("No stability warnings: every score's interval is narrow and every model fits."), false));
            return new Section("warnings", "Stability warnings", blocks);
        }
        Map<String, List<StabilityWarning>> byKind = new LinkedHashMap<>();
        in.analysis().warnings().forEach(w -> byKind.computeIfAbsent(nz(w.kind()), k -> new ArrayList<>()).add(w));
        for (var e : byKind.entrySet()) {
            List<StabilityWarning> ws = e.getValue();
            blocks.add(new Heading(kindTitle(e.getKey()) + " (" + ws.size() + ")", "warnings-" + e.getKey()));
            if (ws.size() >= GROUP_AT && "wide-ci".equals(e.getKey())) {
                blocks.addAll(WideIntervalMatrix.blocks(in, ws));
            } else if (ws.size() < GROUP_AT) {
                List<Phrase> items = new ArrayList<>();
                for (StabilityWarning w : ws) {
                    items.add(Phrase.builder().strong(where(w)).text(where(w).isEmpty() ? "" : ": ")
                            .text(sentence(w.message())).sub(" What to do: " + sentence(w.remedy())).build());
                }
                blocks.add(new Bullets(items));
            } else {
                grouped(blocks, ws);
            }
        }
        return new Section("warnings", "Stability warnings", blocks);
    }

    /** Many warnings of one kind as a table; a remedy they all share is said once, above it. */
    private static void grouped(List<Block> blocks, List<StabilityWarning> ws) {
        LinkedHashSet<String> remedies = new LinkedHashSet<>();
        ws.forEach(w -> remedies.add(nz(w.remedy())));
        boolean oneRemedy = remedies.size() == 1;
        if (oneRemedy) {
            blocks.add(new Note(Phrase.builder().strong("What to do: ").text(remedies.iterator().next()).build(), true));
        }
        List<String> header = new ArrayList<>(List.of("workload", "pattern", "N", "message"));
        if (!oneRemedy) {
            header.add("what to do");
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (StabilityWarning w : ws) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(nz(w.workload())),
                    w.pattern() == null ? Cell.text("") : Cell.code(w.pattern()),
                    Cell.num(w.size() == null ? "" : Format.size(w.size())), Cell.text(nz(w.message()))));
            if (!oneRemedy) {
                row.add(Cell.text(nz(w.remedy())));
            }
            rows.add(row);
        }
        blocks.add(new Table(null, header, rows, true));
    }

    private static String kindTitle(String kind) {
        return switch (kind) {
            case "wide-ci" -> "Wide confidence intervals";
            case "few-samples" -> "Few samples";
            case "high-load" -> "High load";
            case "misfit" -> "Models that do not fit";
            case "not-settled" -> "Not settled after warm-up";
            default -> kind.isEmpty() ? "Other" : kind;
        };
    }

    /** Where a warning applies: workload / pattern / N=size, as far as it says. */
    static String where(StabilityWarning w) {
        List<String> parts = new ArrayList<>();
        if (w.workload() != null) {
            parts.add(w.workload());
        }
        if (w.pattern() != null) {
            parts.add(w.pattern());
        }
        if (w.size() != null) {
            parts.add("N=" + Format.size(w.size()));
        }
        return String.join(" / ", parts);
    }
}
