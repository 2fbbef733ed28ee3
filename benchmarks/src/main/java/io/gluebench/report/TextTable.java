package io.gluebench.report;

import io.gluebench.result.Units;
import io.gluebench.analysis.Fastest;
import io.gluebench.chart.StartupCharts;
import io.gluebench.result.Floor;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text tables for the terminal and summary.txt. Renders analysis data; computes nothing. */
public final class TextTable {
    private static final java.util.regex.Pattern NUMERIC =
            java.util.regex.Pattern.compile("x?[-+]?[0-9][0-9.,eE+-]*( (ns|µs|ms|s))?(/s)?( ± .*)?");
    private TextTable() {
    }

    /** The widest summary line that stays one table: wider, it is printed per workload, patterns down the side. */
    public static final int MAX_WIDTH = 140;

    /**
     * The time-per-call table: one row per (workload, N) and one column per pattern while that fits
     * {@link #MAX_WIDTH} columns; otherwise one block per workload with a row per pattern and a column
     * per N, so that 30 patterns never break into wrapped rows.
     */
    public static String summary(Run run) {
        String wide = wideSummary(run);
        if (wide.lines().mapToInt(String::length).max().orElse(0) <= width()) {
            return wide;
        }
        return tallSummary(run);
    }

    private static String tallSummary(Run run) {
        List<String> patterns = Fastest.patterns(run);
        StringBuilder out = new StringBuilder();
        java.util.Map<String, List<Fastest.Row>> byWorkload = new java.util.LinkedHashMap<>();
        for (Fastest.Row r : Fastest.rows(run)) {
            byWorkload.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
        }
        boolean anyUnsettled = false;
        for (var e : byWorkload.entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of(e.getKey() + ", N ="));
            List<String> fastest = new ArrayList<>(List.of("fastest"));
            for (Fastest.Row r : e.getValue()) {
                header.add(String.format(Locale.ROOT, "%,d", r.size()));
                fastest.add(r.label());
            }
            rows.add(header);
            for (String p : patterns) {
                List<String> row = new ArrayList<>(List.of(p));
                boolean any = false;
                for (Fastest.Row r : e.getValue()) {
                    String cell = cell(run, r, p);
                    anyUnsettled |= cell.startsWith(UNSETTLED_MARK);
                    any |= !"-".equals(cell);
                    row.add(cell);
                }
                if (any) {
                    rows.add(row);
                }
            }
            rows.add(fastest);
            out.append(render(rows)).append('\n');
        }
        return out + legend(run, anyUnsettled);
    }

    /** A pattern's time at one (workload, N), marked when it never settled, or the point's status. */
    private static String cell(Run run, Fastest.Row r, String pattern) {
        Double ns = r.nanos().get(pattern);
        if (ns == null) {
            return status(run, r.workload(), r.size(), pattern);
        }
        return (settled(run, r.workload(), r.size(), pattern) ? "" : UNSETTLED_MARK) + Units.nanos(ns);
    }

    private static String legend(Run run, boolean anyUnsettled) {
        return run.formatVersion() >= 2 || anyUnsettled ? "mean of the forks' means; " + UNSETTLED_MARK
                + " never reached a steady state in some fork (read it as a range)\n" : "";
    }

    private static String wideSummary(Run run) {
        List<String> patterns = Fastest.patterns(run);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("workload", "N", "fastest"));
        header.addAll(patterns);
        rows.add(header);
        boolean anyUnsettled = false;
        for (Fastest.Row r : Fastest.rows(run)) {
            List<String> row = new ArrayList<>(List.of(r.workload(), Integer.toString(r.size()),
                    r.label()));
            for (String p : patterns) {
                String cell = cell(run, r, p);
                anyUnsettled |= cell.startsWith(UNSETTLED_MARK);
                row.add(cell);
            }
            rows.add(row);
        }
        return render(rows, Integer.MAX_VALUE) + legend(run, anyUnsettled);
    }

    /** Marks a time whose point never reached a steady state. */
    public static final String UNSETTLED_MARK = "~";

    private static boolean settled(Run run, String workload, int size, String pattern) {
        return run.points().stream()
                .filter(p -> p.workload().equals(workload) && p.size() == size && p.series().equals(pattern))
                .allMatch(Point::steady);
    }

    private static String status(Run run, String workload, int size, String pattern) {
        return run.points().stream()
                .filter(p -> p.workload().equals(workload) && p.size() == size && p.series().equals(pattern))
                .map(p -> p.status().label()).findFirst().orElse("-");
    }

    public static String floors(Run run) {
        if (run.floors().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("floor", "time per round trip", "spread", "source"));
        for (Floor f : run.floors()) {
            rows.add(List.of(f.name(), Double.isNaN(f.nsPerOp()) ? "not measured" : Units.nanos(f.nsPerOp()),
                    Double.isNaN(f.spread()) ? "-" : Units.nanos(f.spread()), f.source()));
        }
        return render(rows);
    }

    public static String floorComparison(Run run) {
        List<io.gluebench.analysis.FloorComparison.Row> rows = io.gluebench.analysis.FloorComparison.rows(run);
        if (rows.isEmpty() || run.floors().isEmpty()) {
            return "";
        }
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("pattern", "echo N=0", "floor", "floor time", "x floor", "C->CPython", "x C->CPython"));
        for (var r : rows) {
            out.add(List.of(r.pattern(), Units.nanos(r.echoZeroNs()),
                    r.floor() == null ? "-" : r.floor(),
                    r.floorNs() == null ? "-" : Units.nanos(r.floorNs()),
                    r.ratio() == null ? "-" : timesFloor(r),
                    r.peerFloorNs() == null ? "-" : Units.nanos(r.peerFloorNs()),
                    r.peerRatio() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.peerRatio())));
        }
        return render(out);
    }

    /** 3.1 (2.8-3.5): the ratio to the floor and its interval. */
    private static String timesFloor(io.gluebench.analysis.FloorComparison.Row r) {
        String times = String.format(Locale.ROOT, "%.1f", r.ratio());
        if (r.ratioLow() == null) {
            return times + " (interval unknown)";
        }
        return times + String.format(Locale.ROOT, " (%.1f-%s)", r.ratioLow(),
                r.ratioHigh() == null ? "inf" : String.format(Locale.ROOT, "%.1f", r.ratioHigh()));
    }

    /** Start-up and warm-up per pattern; empty if the run has none. */
    public static String startups(Run run) {
        if (run.startups().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("start-up", "workload", "first answer", "since JVM start", "call 2", "last calls", "steady"));
        for (io.gluebench.result.Startup s : run.startups()) {
            if (!s.isOk()) {
                rows.add(List.of(s.pattern(), s.workload() + " N=" + s.size(), s.status().label(), "-", "-", "-", "-"));
                continue;
            }
            rows.add(List.of(s.pattern(), s.workload() + " N=" + s.size(), millis(s.medianFirstResultMillis()),
                    millis(s.medianSinceJvmStartMillis()), nanos(s.secondCallNanos()), nanos(s.tailNanos()),
                    nanos(s.steadyNanos())));
        }
        return render(rows);
    }

    /**
     * Throughput with 1 and more callers per pattern (± the 95% interval's half-width where the run
     * measured forks), the factor with its interval and its reading; empty if the run has none.
     */
    public static String scaling(Run run) {
        if (run.scaling().isEmpty()) {
            return "";
        }
        int cores = run.machine() == null ? Integer.MAX_VALUE : run.machine().cores();
        List<Integer> threads = run.scaling().get(0).threads();
        List<String> header = new ArrayList<>(List.of("callers", "workload"));
        threads.forEach(t -> header.add(t + (t == 1 ? " caller" : " callers")));
        header.add("scaling");
        header.add("reading");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (io.gluebench.result.Scaling s : run.scaling()) {
            List<String> row = new ArrayList<>(List.of(s.pattern(), s.workload() + " N=" + s.size()));
            for (int i = 0; i < threads.size(); i++) {
                Double v = i < s.opsPerSecond().size() ? s.opsPerSecond().get(i) : null;
                Double e = s.forkSamples() != null && i < s.errors().size() ? s.errors().get(i) : null;
                row.add(v == null ? (s.isOk() ? "-" : s.status().label()) : String.format(Locale.ROOT, "%,.0f/s", v)
                        + (e == null ? "" : String.format(Locale.ROOT, " ± %,.0f", e)));
            }
            var reading = io.gluebench.analysis.ScalingFactor.read(s, cores);
            row.add(s.factor() == null ? "-" : StartupCharts.factorText(s));
            row.add(s.factor() == null ? (s.isOk() ? "-" : s.status().label()) : reading == null ? "-" : reading.brief());
            rows.add(row);
        }
        return render(rows);
    }

    /**
     * One pattern's callers measurement in a line: "×1.94 (1.80–2.05) with 2 callers: parallel: ...",
     * or its status and the first line of its reason.
     */
    public static String callersLine(io.gluebench.result.Scaling s, int cores) {
        return io.gluebench.analysis.ScalingFactor.line(s, cores);
    }

    private static String millis(Double ms) {
        if (ms == null) {
            return "-";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private static String nanos(Double ns) {
        return ns == null ? "-" : Units.nanos(ns);
    }

    public static String render(List<List<String>> rows) {
        return render(rows, width());
    }

    /**
     * The columns this output may use: the terminal's (the launcher exports COLUMNS when it writes
     * to one), else {@link #MAX_WIDTH}.
     */
    public static int width() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return c >= 60 && c <= 1000 ? c : MAX_WIDTH;
        } catch (NumberFormatException e) {
            return MAX_WIDTH;
        }
    }

    /**
     * The rows as aligned columns within {@code maxWidth}: a last column that would overflow (a
     * description) is wrapped at spaces, its continuation lines indented under it; no row is broken
     * anywhere else.
     */
    public static String render(List<List<String>> rows, int maxWidth) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] w = new int[cols];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        int before = 0;
        for (int i = 0; i < cols - 1; i++) {
            before += w[i] + 2;
        }
        if (cols > 1 && before + Math.min(w[cols - 1], 30) > maxWidth) {
            return records(rows, maxWidth);
        }
        int last = cols == 0 ? 0 : Math.max(w[cols - 1] <= 30 ? w[cols - 1] : 30, Math.min(w[cols - 1], maxWidth - before));
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            List<String> r = rows.get(ri);
            StringBuilder line = new StringBuilder();
            List<String> more = List.of();
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                if (i == cols - 1 && cell.length() > last) {
                    List<String> parts = wrap(cell, last);
                    cell = parts.get(0);
                    more = parts.subList(1, parts.size());
                }
                boolean right = ri > 0 && NUMERIC.matcher(cell).matches();
                String fmt = "%" + (right ? "" : "-") + w[i] + "s";
                line.append(String.format(Locale.ROOT, fmt, cell));
                if (i < r.size() - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            for (String m : more) {
                sb.append(" ".repeat(before)).append(m).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * A table too wide for the terminal even with its last column wrapped, transposed: one block per
     * row, headed by its first cell, each other cell on its own line as "header: value", wrapped.
     */
    static String records(List<List<String>> rows, int maxWidth) {
        List<String> header = rows.get(0);
        int label = header.stream().skip(1).mapToInt(String::length).max().orElse(0) + 2;
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows.subList(1, rows.size())) {
            sb.append(r.get(0)).append('\n');
            for (int i = 1; i < r.size(); i++) {
                String name = i < header.size() ? header.get(i) : "";
                List<String> parts = wrap(r.get(i), Math.max(20, maxWidth - 2 - label));
                sb.append(String.format(Locale.ROOT, "  %-" + label + "s%s", name + ":", parts.get(0)).stripTrailing())
                        .append('\n');
                for (String m : parts.subList(1, parts.size())) {
                    sb.append(" ".repeat(2 + label)).append(m).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** text in lines of at most width characters, broken at spaces (a longer word stands alone). */
    static List<String> wrap(String text, int width) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        out.add(line.toString());
        return out;
    }
}
