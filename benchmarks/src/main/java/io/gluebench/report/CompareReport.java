package io.gluebench.report;

import io.gluebench.result.Verdict;
import io.gluebench.analysis.Comparison;
import io.gluebench.analysis.Comparison.CrossoverAt;
import io.gluebench.analysis.Comparison.CrossoverShift;
import io.gluebench.analysis.Comparison.FamilySummary;
import io.gluebench.analysis.Comparison.PointComparison;
import io.gluebench.analysis.Comparison.RunRef;
import io.gluebench.analysis.StabilityWarning;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Tone;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link Comparison}: a text table for the terminal and one self-contained HTML file. Computes nothing. */
public final class CompareReport {
    private CompareReport() {
    }

    // ---- text ----

    public static String text(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("Comparing ").append(c.runs().size()).append(" runs against run A (the baseline):\n");
        for (RunRef r : c.runs()) {
            sb.append("  ").append(r.letter()).append("  ").append(r.label()).append("  ").append(describe(r)).append('\n');
        }
        sb.append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("workload", "pattern", "N", "run", "time A", "time", "ratio", ci(c), "p", "verdict", "basis"));
        for (PointComparison p : c.points()) {
            rows.add(pointCells(p));
        }
        sb.append(TextTable.render(rows));
        sb.append(String.format(Locale.ROOT, "%nratio: time in the run / time in A (below 1: faster). faster/slower: "
                + "Mann-Whitney U p < %s and the %s outside ±%s; otherwise same.%n", num(c.rules().alpha()),
                ci(c), percent(c.rules().band())));
        if (!c.warnings().isEmpty()) {
            sb.append("\nwarnings:\n");
            for (StabilityWarning w : c.warnings()) {
                sb.append("  - ").append(w.message()).append(' ').append(w.remedy()).append('\n');
            }
        }
        sb.append("\nsummary by pattern family (geometric mean of the ratios of the comparable points):\n");
        sb.append(TextTable.render(familyRows(c)));
        if (!c.crossovers().isEmpty()) {
            sb.append("\ncrossovers (CPython running the Python vs numpy/C from CPython or the JVM): N* where the cost models cross, ")
                    .append("95% bootstrap CI; or the measured sizes it lies between\n");
            sb.append(TextTable.render(crossoverRows(c)));
        }
        return sb.toString();
    }

    private static String ci(Comparison c) {
        return Math.round(100 * c.rules().level()) + "% CI";
    }

    static String describe(RunRef r) {
        List<String> parts = new ArrayList<>();
        if (r.letter().equals("A")) {
            parts.add("baseline");
        }
        if (r.cpuModel() != null) {
            parts.add(r.cpuModel() + (r.cores() == null ? "" : ", " + r.cores() + " cores"));
        }
        if (r.jdkVersion() != null) {
            parts.add("JDK " + r.jdkVersion());
        }
        if (r.gitCommit() != null) {
            parts.add("commit " + r.gitCommit().substring(0, Math.min(10, r.gitCommit().length()))
                    + (r.gitDirty() ? " (dirty)" : ""));
        }
        if (r.profile() != null) {
            parts.add("profile " + r.profile()
                    + (r.measurementIterations() == null ? "" : " (" + r.measurementIterations() + " iterations)"));
        }
        return String.join(" · ", parts);
    }

    private static List<String> pointCells(PointComparison p) {
        return List.of(p.workload(), series(p), Integer.toString(p.size()), p.run(), nanos(p.baselineNs()),
                nanos(p.otherNs()), p.ratio() == null ? "-" : ratio(p.ratio()),
                p.ci() == null ? "-" : ratio(p.ci().lo()) + "–" + ratio(p.ci().hi()),
                p.p() == null ? "-" : pValue(p.p()), p.verdict().label(), p.reason() == null ? "" : p.reason());
    }

    private static String series(PointComparison p) {
        return p.series() + (p.transport() == null || p.pattern().endsWith(p.transport()) ? "" : " " + p.transport());
    }

    private static List<List<String>> familyRows(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("family", "run", "points", "geomean ratio"));
        header.addAll(Verdict.labels());
        rows.add(header);
        for (FamilySummary f : c.families()) {
            List<String> row = new ArrayList<>(List.of(f.family(), f.run() + " vs A", Integer.toString(f.compared()),
                    f.geomeanRatio() == null ? "-" : ratio(f.geomeanRatio())));
            java.util.Arrays.stream(Verdict.values()).forEach(v -> row.add(Integer.toString(f.verdicts().getOrDefault(v, 0))));
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> crossoverRows(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("workload", "pair"));
        c.runs().forEach(r -> header.add("N* in " + r.letter()));
        rows.add(header);
        for (CrossoverShift s : c.crossovers()) {
            List<String> row = new ArrayList<>(List.of(s.workload(), s.patternA() + " | " + s.patternB()));
            s.runs().forEach(at -> row.add(crossover(at, s)));
            rows.add(row);
        }
        return rows;
    }

    static String crossover(CrossoverAt at, CrossoverShift s) {
        if (!at.found()) {
            return "none";
        }
        String swapped = at.smallWinner().equals(s.patternA()) ? "" : " (reversed)";
        if (at.modelN() != null) {
            return "≈" + Format.approx(at.modelN())
                    + (at.ci() == null ? "" : " (" + Format.approx(at.ci().lo()) + "–" + Format.approx(at.ci().hi()) + ")")
                    + (at.extrapolated() ? " extrapolated" : "") + swapped;
        }
        if (at.bracketLow() != null) {
            return Format.size(at.bracketLow()) + "–" + Format.size(at.bracketHigh()) + swapped;
        }
        return "outside the sizes" + swapped;
    }

    private static String nanos(Double ns) {
        return ns == null ? "-" : Format.nanos(ns);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }

    private static String pValue(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String percent(double share) {
        return Format.percent(share);
    }

    // ---- html ----

    /** Writes one self-contained HTML file with the tables and the given chart PNGs embedded. */
    public static Path writeHtml(Comparison c, List<Path> charts, Path out) throws IOException {
        return Reports.save(HtmlReport.render(document(c, charts)), out);
    }

    static Doc.Report document(Comparison c, List<Path> charts) {
        List<Doc.Fact> header = new ArrayList<>();
        for (RunRef r : c.runs()) {
            header.add(new Doc.Fact(r.letter().equals("A") ? "A (baseline)" : r.letter(),
                    Phrase.builder().code(r.label()).build()));
        }
        List<Doc.Section> sections = new ArrayList<>();

        List<List<Cell>> runRows = new ArrayList<>();
        for (RunRef r : c.runs()) {
            runRows.add(List.of(Cell.text(r.letter()), Cell.code(r.label()), Cell.text(describe(r))));
        }
        sections.add(new Doc.Section("runs", "Runs", List.of(
                new Doc.Para(Phrase.of("Every run is compared point by point against run A, the baseline.")),
                new Doc.Table(null, List.of("run", "machine-id/run-id", "machine and settings"), runRows, true))));

        List<Doc.Block> verdicts = new ArrayList<>();
        verdicts.add(new Doc.Para(Phrase.builder()
                .text("Ratio: time per call in the run / in A (below 1: faster). ")
                .strong("faster").text(" / ").strong("slower").text(String.format(Locale.ROOT,
                        ": the two-sided Mann-Whitney U test of the iteration samples gives p < %s and the %s of the "
                                + "ratio (log scale, Welch) lies outside ±%s; otherwise ", num(c.rules().alpha()), ci(c),
                        percent(c.rules().band())))
                .strong("same").text(". ").strong("not comparable").text(": failed or skipped, or the runs did not "
                        + "measure the same thing (workload sources, tolerance or pattern configuration differ).")
                .build()));
        List<List<Cell>> rows = new ArrayList<>();
        for (PointComparison p : c.points()) {
            List<String> t = pointCells(p);
            rows.add(List.of(Cell.text(t.get(0)), Cell.code(t.get(1)), Cell.num(t.get(2)), Cell.text(t.get(3)),
                    Cell.num(t.get(4)), Cell.num(t.get(5)), Cell.num(t.get(6)), Cell.num(t.get(7)), Cell.num(t.get(8)),
                    new Cell(Phrase.builder().strong(p.verdict().label()).build(), false, tone(p.verdict()), null, null),
                    Cell.text(t.get(10))));
        }
        verdicts.add(new Doc.Table(null, List.of("workload", "pattern", "N", "run", "time A", "time", "ratio", ci(c), "p",
                "verdict", "basis"), rows, true));
        sections.add(new Doc.Section("verdicts", "Point by point", verdicts));

        if (!c.warnings().isEmpty()) {
            List<Doc.Block> notes = new ArrayList<>();
            for (StabilityWarning w : c.warnings()) {
                notes.add(new Doc.Note(Phrase.builder().text(w.message() + " ").strong(w.remedy()).build(), true));
            }
            sections.add(new Doc.Section("warnings", "Warnings", notes));
        }

        List<List<String>> fam = familyRows(c);
        List<List<Cell>> famRows = new ArrayList<>();
        for (List<String> r : fam.subList(1, fam.size())) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(r.get(0)), Cell.text(r.get(1))));
            r.subList(2, r.size()).forEach(v -> cells.add(Cell.num(v)));
            famRows.add(cells);
        }
        sections.add(new Doc.Section("summary", "Summary by pattern family", List.of(
                new Doc.Para(Phrase.of("Geometric mean of the ratios of the comparable points, and the count of each verdict.")),
                new Doc.Table(null, fam.get(0), famRows, true))));

        if (!c.crossovers().isEmpty()) {
            List<List<String>> xr = crossoverRows(c);
            List<List<Cell>> xrows = new ArrayList<>();
            for (List<String> r : xr.subList(1, xr.size())) {
                List<Cell> cells = new ArrayList<>(List.of(Cell.text(r.get(0)), Cell.code(r.get(1))));
                r.subList(2, r.size()).forEach(v -> cells.add(Cell.text(v)));
                xrows.add(cells);
            }
            sections.add(new Doc.Section("crossovers", "Crossover shifts", List.of(
                    new Doc.Para(Phrase.of("CPython running the Python against numpy or C from CPython, or against the JVM: N* where the cost models cross, "
                            + "with its 95% bootstrap interval, or the measured sizes it lies between; \"reversed\": "
                            + "the pair swaps sides the other way round in that run.")),
                    new Doc.Table(null, xr.get(0), xrows, true))));
        }

        if (!charts.isEmpty()) {
            List<Doc.Block> figs = new ArrayList<>();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < c.runs().size(); i++) {
                lines.append(i == 0 ? "" : ", ").append(io.gluebench.chart.CompareChart.lineName(i)).append(": ")
                        .append(c.runs().get(i).letter());
            }
            for (Path png : charts) {
                figs.add(new Doc.Figure(png, png.getFileName().toString().replaceFirst("\\.png$", "")
                        + ": time per call vs N; colour: pattern, line: run (" + lines + ")"));
            }
            sections.add(new Doc.Section("charts", "Charts", figs));
        }
        return new Doc.Report("gluebench compare", c.runs().size() + " runs against A", header, sections);
    }

    private static Tone tone(Verdict verdict) {
        return switch (verdict) {
            case FASTER -> Tone.BEST;
            case SLOWER -> Tone.FAILED;
            case NOT_COMPARABLE -> Tone.SKIPPED;
            case SAME -> Tone.NONE;
        };
    }
}
