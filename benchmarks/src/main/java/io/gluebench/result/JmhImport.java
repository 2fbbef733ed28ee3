package io.gluebench.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns plain JMH JSON (the array {@code -rf json} writes) into a run, so results measured
 * elsewhere are charted, reported and compared like gluebench's own. The file is untrusted input:
 * it is read under the same bounds as run.json and every problem is one line naming the file and
 * the field, e.g. {@code x.json: [2].primaryMetric.score: "fast" is not a number}.
 *
 * <p>Each entry becomes one point: workload, pattern and size from the params {@code workload},
 * {@code pattern} and {@code size} when present (gluebench's PointBenchmark uses these names), else
 * workload = the benchmark class's simple name, pattern = the method name (plus the values of any
 * other params, so that entries stay apart), size = 0. Scores become ns/op from ns, us, ms, s or
 * min per op. Throughput entries (ops per time) are refused: the mean of a throughput does not
 * invert to the mean time per call, nor does its error, so they are listed in the run's skipped
 * points with that reason, and a file holding nothing else is refused. The samples are JMH's
 * rawData, flattened over forks (empty for SampleTime, which stores a histogram).
 *
 * <p>The imported run's machine says where it came from ({@link Machine#origin}) and knows only what
 * the file tells (the JDK and JMH versions); the rest is null, cores 0, the load average -1
 * (unknown). Nothing was verified by gluebench: the points carry no verification.
 */
public final class JmhImport {
    public static final String SUFFIX = "-imported";
    public static final String PROFILE = "imported";
    private static final Set<String> TIME_MODES = Set.of("avgt", "sample", "ss");
    private static final Set<String> GLUEBENCH_PARAMS = Set.of("workload", "pattern", "size");
    private static final Map<String, Double> TO_NANOS = Map.of(
            "ns/op", 1.0, "us/op", 1e3, "µs/op", 1e3, "ms/op", 1e6, "s/op", 1e9, "min/op", 60e9);

    private final Path file;
    private final String fileName;

    private JmhImport(Path file) {
        this.file = file;
        this.fileName = file.getFileName() == null ? "jmh.json" : file.getFileName().toString();
    }

    /** What an import wrote: the run folder and the run read back from it. */
    public record Imported(Path runDir, Run run) {
    }

    /**
     * Imports {@code jmhJson} into {@code resultsRoot/<machine-id>/<run-id>-imported/}; the machine id
     * is {@code machineName} (already checked by the caller) or "imported-" and 6 hex digits of the
     * file's SHA-256. Never overwrites a run folder.
     */
    public static Imported importFile(Path jmhJson, String machineName, Path resultsRoot, Instant now)
            throws ResultFormatException, IOException {
        JmhImport in = new JmhImport(jmhJson);
        RunStore.checkReadable(jmhJson, "JMH JSON file");
        byte[] bytes = Files.readAllBytes(jmhJson);
        String machineId = machineName != null ? machineName : "imported-" + sha256(bytes).substring(0, 6);
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(now) + SUFFIX;
        String copyName = Names.sanitise(in.fileName.replaceFirst("(?i)\\.json$", ""), "jmh") + ".json";
        Run run = in.convert(bytes, machineId, runId, "jmh/" + copyName);
        RunValidator.validate(run, jmhJson.toString());

        Path machineDir = resultsRoot.resolve(machineId);
        Files.createDirectories(machineDir);
        Path runDir = machineDir.resolve(runId);
        try {
            Files.createDirectory(runDir);
        } catch (FileAlreadyExistsException e) {
            throw new ResultFormatException(runDir + ": already exists; an import never overwrites a run folder (try again in a second)");
        }
        Files.createDirectory(runDir.resolve("jmh"));
        Files.write(runDir.resolve("jmh").resolve(copyName), bytes);
        RunStore store = new RunStore();
        store.write(runDir, run);
        return new Imported(runDir, store.read(runDir));
    }

    /** The run an import would write, from the file's bytes; nothing is written. */
    public static Run convert(Path jmhJson, byte[] bytes, String machineId, String runId, String jmhFile)
            throws ResultFormatException {
        return new JmhImport(jmhJson).convert(bytes, machineId, runId, jmhFile);
    }

    private Run convert(byte[] bytes, String machineId, String runId, String jmhFile) throws ResultFormatException {
        ObjectMapper mapper = RunStore.readerMapper();
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(RunStore.jsonProblem(file, e, "not JMH JSON"));
        } catch (IOException | RuntimeException e) {
            throw new ResultFormatException(Names.oneLine(file + ": not JMH JSON: " + e.getMessage()));
        }
        if (root == null || !root.isArray()) {
            throw bad("", "not JMH JSON (expected the array of results JMH writes with -rf json)");
        }
        if (root.isEmpty()) {
            throw bad("", "holds no benchmark results");
        }
        if (root.size() > RunValidator.MAX_LIST) {
            throw bad("", root.size() + " results (at most " + RunValidator.MAX_LIST + " are imported)");
        }
        List<Point> points = new ArrayList<>();
        List<Point> refused = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> modes = new LinkedHashSet<>();
        for (int i = 0; i < root.size(); i++) {
            Point p = point("[" + i + "]", root.get(i), jmhFile);
            modes.add(text("[" + i + "].mode", root.get(i).get("mode")));
            if (!keys.add(p.key())) {
                throw bad("[" + i + "]", "a second result for " + p.key() + " (each workload, pattern and size once)");
            }
            (p.isOk() ? points : refused).add(p);
        }
        if (points.isEmpty()) {
            throw bad("[0].mode", "no result in a time mode (avgt, sample or ss) to import: " + refused.get(0).reason());
        }
        points.addAll(refused);
        JsonNode first = root.get(0);
        Map<String, String> versions = new LinkedHashMap<>();
        String jmhVersion = optionalText("[0].jmhVersion", first.get("jmhVersion"));
        if (jmhVersion != null) {
            versions.put("jmh", jmhVersion);
        }
        String jdkVersion = optionalText("[0].jdkVersion", first.get("jdkVersion"));
        if (jdkVersion != null) {
            versions.put("jdk", jdkVersion);
        }
        String origin = "imported from " + Names.quote(fileName, 200);
        Machine machine = new Machine(machineId, null, null, 0, 0, null, null, null, jdkVersion, versions, null, false,
                null, -1, null, null, null, null, null, null, List.of(), null, null, origin, null);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("importedFrom", Names.quote(fileName, 200));
        settings.put("modes", List.copyOf(modes));
        return new Run(Run.FORMAT_VERSION, runId, PROFILE, "complete", null, null, machine, settings, List.of(), points,
                List.of(), List.of(), List.of());
    }

    private Point point(String f, JsonNode e, String jmhFile) throws ResultFormatException {
        if (e == null || !e.isObject()) {
            throw bad(f, "not a benchmark result (expected an object)");
        }
        String benchmark = text(f + ".benchmark", e.get("benchmark"));
        String mode = text(f + ".mode", e.get("mode"));
        JsonNode params = e.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw bad(f + ".params", "not an object of parameter values");
        }
        Map<String, String> ps = new LinkedHashMap<>();
        if (params != null && params.isObject()) {
            for (var it = params.properties().iterator(); it.hasNext();) {
                var p = it.next();
                ps.put(p.getKey(), text(f + ".params." + Names.quote(p.getKey(), 40), p.getValue()));
            }
        }
        int dot = benchmark.lastIndexOf('.');
        String method = dot < 0 ? benchmark : benchmark.substring(dot + 1);
        String cls = dot < 0 ? "" : benchmark.substring(0, dot);
        cls = cls.substring(cls.lastIndexOf('.') + 1);

        String workload = ps.containsKey("workload") ? ps.get("workload") : Names.sanitise(cls, "jmh");
        if (!Names.isName(workload)) {
            throw bad(f + ".params.workload", "'" + Names.quote(workload, 80) + "' is not a name (expected " + Names.rule(false) + ")");
        }
        String pattern;
        if (ps.containsKey("pattern")) {
            pattern = ps.get("pattern");
            if (!Names.isName(pattern)) {
                throw bad(f + ".params.pattern", "'" + Names.quote(pattern, 80) + "' is not a name (expected " + Names.rule(false) + ")");
            }
        } else {
            StringBuilder b = new StringBuilder(method);
            ps.forEach((k, v) -> {
                if (!GLUEBENCH_PARAMS.contains(k)) {
                    b.append('-').append(v);
                }
            });
            pattern = Names.sanitise(b.toString(), "benchmark");
        }
        int size = 0;
        if (ps.containsKey("size")) {
            try {
                size = Integer.parseInt(ps.get("size").strip());
            } catch (NumberFormatException x) {
                size = -1;
            }
            if (size < 0) {
                throw bad(f + ".params.size", "'" + Names.quote(ps.get("size"), 40) + "' is not a size (expected 0..2^31)");
            }
        }

        JsonNode pm = e.get("primaryMetric");
        if (pm == null || !pm.isObject()) {
            throw bad(f + ".primaryMetric", "missing");
        }
        String unit = text(f + ".primaryMetric.scoreUnit", pm.get("scoreUnit"));
        if (!TIME_MODES.contains(mode) && !mode.equals("thrpt")) {
            throw bad(f + ".mode", "'" + Names.quote(mode, 20) + "' is not a JMH mode (expected avgt, sample, ss or thrpt)");
        }
        if (mode.equals("thrpt")) {
            String why = "JMH mode " + Names.quote(mode, 20) + " (" + Names.quote(unit, 20) + ") not imported: the mean of a"
                    + " throughput does not invert to the mean time per call; run JMH with -bm avgt";
            return new Point(workload, pattern, size, null, null, Point.SKIPPED, null, null, null, List.of(), List.of(),
                    null, why, jmhFile, List.of(), 0);
        }
        Double toNanos = TO_NANOS.get(unit);
        if (toNanos == null) {
            throw bad(f + ".primaryMetric.scoreUnit", "'" + Names.quote(unit, 20) + "' is not a time per operation (expected one of "
                    + String.join(", ", TO_NANOS.keySet().stream().sorted().toList()) + ")");
        }
        double score = number(f + ".primaryMetric.score", pm.get("score"), false) * toNanos;
        Double error = null;
        JsonNode err = pm.get("scoreError");
        if (err != null && !err.isNull() && !(err.isTextual() && err.asText().equals("NaN"))) {
            error = number(f + ".primaryMetric.scoreError", err, false) * toNanos;
        }
        List<Double> samples = new ArrayList<>();
        JsonNode raw = pm.get("rawData");
        if (raw != null && !raw.isNull()) {
            if (!raw.isArray()) {
                throw bad(f + ".primaryMetric.rawData", "not an array of forks");
            }
            for (int k = 0; k < raw.size(); k++) {
                JsonNode fork = raw.get(k);
                if (!fork.isArray()) {
                    throw bad(f + ".primaryMetric.rawData[" + k + "]", "not an array of iteration scores");
                }
                for (int j = 0; j < fork.size(); j++) {
                    if (samples.size() >= RunValidator.MAX_LIST) {
                        throw bad(f + ".primaryMetric.rawData", "more than " + RunValidator.MAX_LIST + " samples");
                    }
                    samples.add(number(f + ".primaryMetric.rawData[" + k + "][" + j + "]", fork.get(j), false) * toNanos);
                }
            }
        }
        for (Double x : samples) {
            if (!Double.isFinite(x)) {
                throw bad(f + ".primaryMetric.rawData", "a sample overflows when converted to ns/op");
            }
        }
        if (!Double.isFinite(score) || (error != null && !Double.isFinite(error))) {
            throw bad(f + ".primaryMetric.score", "overflows when converted to ns/op");
        }
        List<String> jvmArgs = new ArrayList<>();
        JsonNode args = e.get("jvmArgs");
        if (args != null && args.isArray()) {
            for (int k = 0; k < args.size() && k < 1000; k++) {
                jvmArgs.add(text(f + ".jvmArgs[" + k + "]", args.get(k)));
            }
        }
        return new Point(workload, pattern, size, null, null, Point.OK, "ns/op", score, error, samples, List.of(), null,
                null, jmhFile, jvmArgs, 0, warmup(f, e));
    }

    /** The warm-up given, from warmupIterations and a warmupTime like "10 s" or "300 ms"; null if not told. */
    private Point.Warmup warmup(String f, JsonNode e) throws ResultFormatException {
        JsonNode it = e.get("warmupIterations");
        JsonNode time = e.get("warmupTime");
        if (it == null || !it.canConvertToInt() || time == null || !time.isTextual()) {
            return null;
        }
        String[] t = time.asText().strip().split("\\s+");
        if (t.length != 2 || it.asInt() < 0) {
            return null;
        }
        double ms;
        try {
            ms = Double.parseDouble(t[0]) * switch (t[1]) {
                case "ns" -> 1e-6;
                case "us", "µs" -> 1e-3;
                case "ms" -> 1;
                case "s" -> 1e3;
                case "min" -> 60e3;
                default -> Double.NaN;
            };
        } catch (NumberFormatException x) {
            return null;
        }
        return Double.isFinite(ms) && ms >= 0 && ms <= Integer.MAX_VALUE ? new Point.Warmup(it.asInt(), (int) Math.round(ms)) : null;
    }

    private ResultFormatException bad(String field, String problem) {
        return new ResultFormatException(Names.oneLine(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem));
    }

    private String text(String f, JsonNode n) throws ResultFormatException {
        if (n == null || n.isNull()) {
            throw bad(f, "missing");
        }
        if (!n.isValueNode() || n.isBinary()) {
            throw bad(f, "not a text value");
        }
        String s = n.asText();
        if (s.length() > RunValidator.MAX_STRING) {
            throw bad(f, "a string of " + s.length() + " characters (expected at most " + RunValidator.MAX_STRING + ")");
        }
        return s;
    }

    private String optionalText(String f, JsonNode n) throws ResultFormatException {
        return n == null || n.isNull() ? null : text(f, n);
    }

    private double number(String f, JsonNode n, boolean allowNegative) throws ResultFormatException {
        if (n == null || n.isNull()) {
            throw bad(f, "missing");
        }
        if (!n.isNumber()) {
            throw bad(f, "'" + Names.quote(n.isValueNode() ? n.asText() : n.getNodeType().toString(), 40) + "' is not a number");
        }
        double x = n.doubleValue();
        if (!Double.isFinite(x) || (!allowNegative && x < 0)) {
            throw bad(f, x + " is out of range (expected a finite number, 0 or more)");
        }
        return x;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
