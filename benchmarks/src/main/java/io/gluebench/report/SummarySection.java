package io.gluebench.report;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Crossover;
import io.gluebench.analysis.Fastest;
import io.gluebench.analysis.Regions;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Bullets;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.Side;
import io.gluebench.result.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Summary: per workload, the decision at its middle size, where the interpreted and the
 * native-backed patterns change places, and the fastest pattern at each measured N.
 */
final class SummarySection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        Analysis analysis = in.analysis();
        List<Block> blocks = new ArrayList<>();
        if (in.workloads().isEmpty()) {
            blocks.add(new Para(Phrase.of("This run holds no points.")));
        }
        for (String w : in.workloads()) {
            blocks.add(new Heading(w, "summary-" + w));
            run.workload(w).map(WorkloadInfo::summary).filter(s -> !s.isBlank())
                    .ifPresent(s -> blocks.add(new Para(Phrase.builder().muted(s).build())));
            blocks.addAll(Decision.blocks(in, w));
            List<Phrase> lines = new ArrayList<>();
            for (Crossover c : analysis.crossovers(w)) {
                if (c.headline()) {
                    lines.add(CrossoverSentence.of(c));
                }
            }
            List<Regions.Range> wins = analysis.findings(w).interpretedWins();
            for (Regions.Range r : wins) {
                lines.add(interpretedWins(run, w, r));
            }
            if (wins.isEmpty() && hasSide(run, w, Side.INTERPRETED) && hasSide(run, w, Side.NATIVE_BACKED)) {
                lines.add(Phrase.builder().strong(w).text(": CPython running the Python never beats the fastest "
                        + "native-backed pattern at the measured sizes.").build());
            } else if (hasSide(run, w, Side.INTERPRETED) && !hasSide(run, w, Side.NATIVE_BACKED)) {
                lines.add(Phrase.builder().strong(w).text(": no Python-side native pattern was measured (no numpy variant, "
                        + "or none selected), so the interpreted patterns have nothing to change places with.").build());
            }
            List<Crossover> other = analysis.crossovers(w).stream().filter(c -> !c.headline()).toList();
            if (lines.isEmpty()) {
                lines.add(Phrase.of(w + ": no interpreted pattern changes places with a native-backed one in the measured range."));
            }
            blocks.add(new Bullets(lines));
            if (!other.isEmpty()) {
                blocks.add(new Para(Phrase.builder().muted("Other pairs that change places:").build()));
                blocks.add(new Bullets(other.stream().map(CrossoverSentence::of).toList()));
            }
            Phrase fastest = fastestLine(analysis, w);
            if (fastest != null) {
                blocks.add(new Para(fastest));
            }
        }
        return new Section("summary", "Summary", blocks);
    }

    private static Phrase interpretedWins(Run run, String w, Regions.Range r) {
        Phrase.Builder b = Phrase.builder().strong(w).text(": CPython running the Python wins ");
        if (r.fromN() <= 1 && isFirstSize(run, w, r.fromN())) {
            b.text("up to N≈" + Format.approx(r.toN()));
        } else {
            b.text("from N≈" + Format.approx(r.fromN()) + " to N≈" + Format.approx(r.toN()));
        }
        return b.text(": ").code(r.interpreted()).text(" beats the fastest native-backed pattern, ")
                .code(r.nativeBacked()).text(".").build();
    }

    /** Whether a pattern of this side (see {@link Regions#side}) has a measured point for the workload. */
    private static boolean hasSide(Run run, String w, Side side) {
        return run.points().stream().anyMatch(p -> p.workload().equals(w) && p.isOk()
                && Regions.side(run, p.series()) == side);
    }

    private static boolean isFirstSize(Run run, String w, double n) {
        return run.points().stream().filter(p -> p.workload().equals(w)).mapToInt(Point::size).min().orElse(0) >= n - 1e-9;
    }

    private static Phrase fastestLine(Analysis analysis, String w) {
        List<Fastest.Row> rows = analysis.fastest().stream().filter(r -> r.workload().equals(w) && r.fastest() != null).toList();
        if (rows.isEmpty()) {
            return null;
        }
        Phrase.Builder b = Phrase.builder().muted("Fastest measured: ");
        for (int i = 0; i < rows.size(); i++) {
            Fastest.Row r = rows.get(i);
            b.code(r.fastest()).text((r.tied().size() > 1 ? " (tied with " + String.join(", ",
                    r.tied().subList(1, r.tied().size())) + ")" : "") + " at N=" + Format.size(r.size())
                    + (i + 1 < rows.size() ? ", " : "."));
        }
        return b.build();
    }
}
