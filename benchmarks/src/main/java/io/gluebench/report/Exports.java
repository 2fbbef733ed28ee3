package io.gluebench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.gluebench.analysis.Comparison;
import io.gluebench.result.Names;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row per point, with its interval, for spreadsheets, notebooks and CI (`--export csv|md|json
 * FILE` on run, report and compare). The columns are documented in docs/results.md; times are in ns,
 * as stored. CSV by Jackson's CSV module (RFC 4180 quoting), JSON as an array of objects.
 */
public final class Exports {
    public static final List<String> FORMATS = List.of("csv", "md", "json");

    /** A run's points. */
    public static final List<String> POINT_COLUMNS = List.of("workload", "pattern", "transport", "placement", "size",
            "status", "score_ns", "ci_low_ns", "ci_high_ns", "forks", "steady_state", "reason", "alloc_bytes_per_call");

    /** A comparison's points, one row per later run. */
    public static final List<String> COMPARISON_COLUMNS = List.of("workload", "pattern", "transport", "placement",
            "size", "run", "baseline_ns", "run_ns", "ratio", "ratio_ci_low", "ratio_ci_high", "p", "verdict", "reason");

    private Exports() {
    }

    /** Null when {@code format} is one of {@link #FORMATS}, else the one-line refusal naming them. */
    public static String refusal(String format) {
        return FORMATS.contains(format) ? null
                : "--export " + format + " is not a format; give csv, md or json, then the file, e.g. --export csv points.csv";
    }

    public static Path write(Run run, String format, Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Point p : run.points()) {
            Map<String, Object> r = where(p.workload(), p.pattern(), p.transport(), p.placement(), p.size());
            r.put("status", p.status());
            r.put("score_ns", p.score());
            r.put("ci_low_ns", p.ciLow() != null ? p.ciLow() : p.score() == null || p.scoreError() == null ? null
                    : p.score() - p.scoreError());
            r.put("ci_high_ns", p.ciHigh() != null ? p.ciHigh() : p.score() == null || p.scoreError() == null ? null
                    : p.score() + p.scoreError());
            r.put("forks", p.forkCount());
            r.put("steady_state", p.steadyState());
            r.put("reason", p.reason());
            r.put("alloc_bytes_per_call", p.allocBytesPerOp());
            rows.add(r);
        }
        return write(rows, POINT_COLUMNS, format, file);
    }

    public static Path write(Comparison c, String format, Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Comparison.PointComparison p : c.points()) {
            Map<String, Object> r = where(p.workload(), p.pattern(), p.transport(), p.placement(), p.size());
            r.put("run", p.run());
            r.put("baseline_ns", p.baselineNs());
            r.put("run_ns", p.otherNs());
            r.put("ratio", p.ratio());
            r.put("ratio_ci_low", p.ci() == null ? null : p.ci().lo());
            r.put("ratio_ci_high", p.ci() == null ? null : p.ci().hi());
            r.put("p", p.p());
            r.put("verdict", p.verdict());
            r.put("reason", p.reason());
            rows.add(r);
        }
        return write(rows, COMPARISON_COLUMNS, format, file);
    }

    /** The columns that say which point a row is. */
    private static Map<String, Object> where(String workload, String pattern, String transport, String placement,
            int size) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workload", workload);
        r.put("pattern", pattern);
        r.put("transport", transport);
        r.put("placement", placement);
        r.put("size", size);
        return r;
    }

    static Path write(List<Map<String, Object>> rows, List<String> columns, String format, Path file) throws IOException {
        Names.refuseLink(file);
        String text = switch (format) {
            case "csv" -> csv(rows, columns);
            case "json" -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows) + "\n";
            case "md" -> markdown(rows, columns);
            default -> throw new IllegalArgumentException(refusal(format));
        };
        return Reports.save(text, file);
    }

    private static String csv(List<Map<String, Object>> rows, List<String> columns) throws IOException {
        var schema = com.fasterxml.jackson.dataformat.csv.CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return new CsvMapper().writer(schema.build().withHeader()).writeValueAsString(rows);
    }

    private static String markdown(List<Map<String, Object>> rows, List<String> columns) {
        StringBuilder b = new StringBuilder("| " + String.join(" | ", columns) + " |\n|");
        columns.forEach(c -> b.append("---|"));
        b.append('\n');
        for (Map<String, Object> r : rows) {
            b.append('|');
            for (String c : columns) {
                Object v = r.get(c);
                b.append(' ').append(v == null ? "" : MarkdownReport.escape(cell(v))).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String cell(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v).replace('\n', ' ');
    }
}
