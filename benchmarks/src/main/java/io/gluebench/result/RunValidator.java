package io.gluebench.result;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed run before anything uses it: run folders are copied between machines, so
 * run.json is untrusted input. The first problem found is reported as one line naming the file and
 * the field, e.g. {@code results/x/run.json: points[3].size: -5 is not a size (expected 0..2^31)}.
 *
 * <p>The rules: required fields are present; formatVersion is one this build reads; names (run id,
 * machine id, workloads, patterns, series, placements, transports) are safe file names
 * ({@link Names}); file references are relative paths of safe names inside the run folder; numbers
 * are finite and in range; enum-like fields are from the known set; strings and lists are bounded.
 */
public final class RunValidator {
    /** Longest string field (reasons, descriptions, flags). */
    public static final int MAX_STRING = 100_000;
    /** Longest list (samples, points, startups...). */
    public static final int MAX_LIST = 100_000;
    /** Most values in a free-form tree (settings, a structured answer). */
    public static final int MAX_TREE_VALUES = 100_000;

    public static final Set<String> RUN_STATUSES = Set.of("running", "complete", "interrupted");
    public static final Set<String> POINT_STATUSES = Set.of("ok", "failed", "skipped", "unfinished");
    /** Start-up and callers measurements are never left unfinished: they are absent until measured. */
    public static final Set<String> MEASUREMENT_STATUSES = Set.of("ok", "failed", "skipped");
    public static final Set<String> UNITS = Set.of("ns/op");
    public static final Set<String> FLOOR_SOURCES = Set.of("jmh", "probe");

    private final String file;

    private RunValidator(String file) {
        this.file = file;
    }

    /** Throws a {@link ResultFormatException} naming {@code file} and the field for the first problem. */
    public static void validate(Run run, String file) throws ResultFormatException {
        new RunValidator(file).run(run);
    }

    private ResultFormatException bad(String field, String problem) {
        return new ResultFormatException(Names.oneLine(file + ": " + field + ": " + problem));
    }

    private void run(Run r) throws ResultFormatException {
        if (r == null) {
            throw new ResultFormatException(Names.oneLine(file + ": empty run file"));
        }
        if (r.formatVersion() < 1 || r.formatVersion() > Run.FORMAT_VERSION) {
            throw new ResultFormatException(Names.oneLine(file + ": formatVersion " + r.formatVersion()
                    + " is not supported (this gluebench reads 1 to " + Run.FORMAT_VERSION + ")"));
        }
        name("runId", r.runId(), true, false);
        name("profile", r.profile(), false, false);
        oneOf("status", r.status(), RUN_STATUSES, true);
        text("startedAt", r.startedAt());
        text("finishedAt", r.finishedAt());
        machine("machine", r.machine());
        tree("settings", r.settings());
        list("floors", r.floors());
        for (int i = 0; i < r.floors().size(); i++) {
            floor("floors[" + i + "]", r.floors().get(i));
        }
        list("points", r.points());
        for (int i = 0; i < r.points().size(); i++) {
            point("points[" + i + "]", r.points().get(i));
        }
        list("skipped", r.skipped());
        for (int i = 0; i < r.skipped().size(); i++) {
            SkippedPattern s = present("skipped[" + i + "]", r.skipped().get(i));
            series("skipped[" + i + "].pattern", s.pattern(), true);
            text("skipped[" + i + "].reason", s.reason());
        }
        list("patterns", r.patterns());
        for (int i = 0; i < r.patterns().size(); i++) {
            patternInfo("patterns[" + i + "]", r.patterns().get(i));
        }
        list("workloads", r.workloads());
        for (int i = 0; i < r.workloads().size(); i++) {
            workloadInfo("workloads[" + i + "]", r.workloads().get(i));
        }
        list("startups", r.startups());
        for (int i = 0; i < r.startups().size(); i++) {
            startup("startups[" + i + "]", r.startups().get(i));
        }
        list("scaling", r.scaling());
        for (int i = 0; i < r.scaling().size(); i++) {
            scaling("scaling[" + i + "]", r.scaling().get(i));
        }
    }

    private void machine(String f, Machine m) throws ResultFormatException {
        present(f, m);
        name(f + ".id", m.id(), true, false);
        for (var e : new String[][] {{"hostname", m.hostname()}, {"cpuModel", m.cpuModel()}, {"os", m.os()},
                {"kernel", m.kernel()}, {"jdkVendor", m.jdkVendor()}, {"jdkVersion", m.jdkVersion()},
                {"gitCommit", m.gitCommit()}, {"startedAt", m.startedAt()}, {"governor", m.governor()},
                {"turbo", m.turbo()}, {"virtualization", m.virtualization()}, {"nativeFlags", m.nativeFlags()},
                {"origin", m.origin()}}) {
            text(f + "." + e[0], e[1]);
        }
        count(f + ".cores", m.cores());
        if (m.memoryBytes() < 0) {
            throw bad(f + ".memoryBytes", m.memoryBytes() + " is not a byte count (expected 0 or more)");
        }
        number(f + ".loadAverage", m.loadAverage(), -1);
        if (m.busyCoresAtStart() != null) {
            number(f + ".busyCoresAtStart", m.busyCoresAtStart(), 0);
        }
        if (m.physicalCores() != null) {
            count(f + ".physicalCores", m.physicalCores());
        }
        if (m.threadsPerCore() != null) {
            count(f + ".threadsPerCore", m.threadsPerCore());
        }
        optionalNumber(f + ".cpuBaseMhz", m.cpuBaseMhz());
        optionalNumber(f + ".cpuMaxMhz", m.cpuMaxMhz());
        list(f + ".caches", m.caches());
        for (int i = 0; i < m.caches().size(); i++) {
            text(f + ".caches[" + i + "]", m.caches().get(i));
        }
        if (m.versions().size() > MAX_LIST) {
            throw bad(f + ".versions", "more than " + MAX_LIST + " entries");
        }
        for (Map.Entry<String, String> e : m.versions().entrySet()) {
            text(f + ".versions (a key)", e.getKey());
            text(f + ".versions." + Names.quote(e.getKey(), 40), e.getValue());
        }
    }

    private void floor(String f, Floor fl) throws ResultFormatException {
        present(f, fl);
        name(f + ".name", fl.name(), true, false);
        name(f + ".mechanism", fl.mechanism(), false, false);
        // A floor that could not be measured is stored as NaN beside a note saying why.
        if (!Double.isNaN(fl.nsPerOp())) {
            number(f + ".nsPerOp", fl.nsPerOp(), 0);
        }
        if (!Double.isNaN(fl.spread())) {
            number(f + ".spread", fl.spread(), 0);
        }
        oneOf(f + ".source", fl.source(), FLOOR_SOURCES, false);
        text(f + ".note", fl.note());
    }

    private void point(String f, Point p) throws ResultFormatException {
        present(f, p);
        name(f + ".workload", p.workload(), true, false);
        series(f + ".pattern", p.pattern(), true);
        count(f + ".size", p.size());
        name(f + ".transport", p.transport(), false, false);
        name(f + ".placement", p.placement(), false, false);
        oneOf(f + ".status", p.status() == null ? null : p.status().label(), POINT_STATUSES, true);
        oneOf(f + ".unit", p.unit(), UNITS, false);
        optionalNumber(f + ".score", p.score());
        optionalNumber(f + ".scoreError", p.scoreError());
        if (p.isOk() && p.score() == null) {
            throw bad(f + ".score", "missing (a point with status ok has a score)");
        }
        numbers(f + ".samples", p.samples());
        numbers(f + ".warmup", p.warmup());
        if (p.verification() != null) {
            Verification v = p.verification();
            name(f + ".verification.workload", v.workload(), false, false);
            series(f + ".verification.pattern", v.pattern(), false);
            count(f + ".verification.size", v.size());
            text(f + ".verification.value", v.value());
            text(f + ".verification.reference", v.reference());
            text(f + ".verification.engine", v.engine());
            text(f + ".verification.error", v.error());
            tree(f + ".verification.structured", v.structured());
        }
        text(f + ".reason", p.reason());
        fileRef(f + ".jmhFile", p.jmhFile());
        if (p.jvmArgs() != null) {
            list(f + ".jvmArgs", p.jvmArgs());
            for (int i = 0; i < p.jvmArgs().size(); i++) {
                present(f + ".jvmArgs[" + i + "]", p.jvmArgs().get(i));
                text(f + ".jvmArgs[" + i + "]", p.jvmArgs().get(i));
            }
        }
        number(f + ".wallSeconds", p.wallSeconds(), 0);
        if (p.warmupGiven() != null) {
            count(f + ".warmupGiven.iterations", p.warmupGiven().iterations());
            count(f + ".warmupGiven.millisEach", p.warmupGiven().millisEach());
        }
        oneOf(f + ".steadyState", p.steadyState(), STEADY_STATES, false);
        optionalNumber(f + ".ciLow", p.ciLow());
        optionalNumber(f + ".ciHigh", p.ciHigh());
        optionalNumber(f + ".allocBytesPerOp", p.allocBytesPerOp());
        optionalNumber(f + ".allocCiLow", p.allocCiLow());
        optionalNumber(f + ".allocCiHigh", p.allocCiHigh());
        list(f + ".forks", p.forks());
        for (int i = 0; i < p.forks().size(); i++) {
            Fork k = present(f + ".forks[" + i + "]", p.forks().get(i));
            String g = f + ".forks[" + i + "]";
            count(g + ".index", k.index());
            count(g + ".order", k.order());
            numbers(g + ".samples", k.samples());
            numbers(g + ".warmup", k.warmup());
            number(g + ".warmupSeconds", k.warmupSeconds(), 0);
            oneOf(g + ".steadyState", k.steadyState(), STEADY_STATES, false);
            if (k.steadyFrom() < -1) {
                throw bad(g + ".steadyFrom", k.steadyFrom() + " is not an index (expected -1 or more)");
            }
            number(g + ".wallSeconds", k.wallSeconds(), 0);
            fileRef(g + ".jmhFile", k.jmhFile());
            if (k.compilations() != null && k.compilations() < 0) {
                throw bad(g + ".compilations", k.compilations() + " is not a count (expected 0 or more, or absent)");
            }
            optionalNumber(g + ".allocBytesPerOp", k.allocBytesPerOp());
        }
    }

    static final Set<String> STEADY_STATES = Set.of("flat", "warm-up", "slowdown", Point.NO_STEADY_STATE,
            Point.INCONSISTENT);

    private void patternInfo(String f, PatternInfo p) throws ResultFormatException {
        present(f, p);
        name(f + ".name", p.name(), true, false);
        name(f + ".family", p.family() == null ? null : p.family().label(), false, false);
        text(f + ".kind", p.kind() == null ? null : p.kind().label());
        text(f + ".measures", p.measures());
        text(f + ".whyItHurts", p.whyItHurts());
        text(f + ".config", p.config());
        name(f + ".zeroCopyTwin", p.zeroCopyTwin(), false, false);
    }

    private void workloadInfo(String f, WorkloadInfo w) throws ResultFormatException {
        present(f, w);
        name(f + ".name", w.name(), true, false);
        text(f + ".sizeMeaning", w.sizeMeaning());
        text(f + ".complexity", w.complexity());
        text(f + ".summary", w.summary());
        optionalNumber(f + ".tolerance", w.tolerance());
        text(f + ".sourceHash", w.sourceHash());
    }

    private void startup(String f, Startup s) throws ResultFormatException {
        present(f, s);
        series(f + ".pattern", s.pattern(), true);
        name(f + ".workload", s.workload(), true, false);
        count(f + ".size", s.size());
        oneOf(f + ".status", s.status() == null ? null : s.status().label(), MEASUREMENT_STATUSES, true);
        count(f + ".forks", s.forks());
        count(f + ".calls", s.calls());
        numbers(f + ".firstResultMillis", s.firstResultMillis());
        numbers(f + ".sinceJvmStartMillis", s.sinceJvmStartMillis());
        numbers(f + ".curve", s.curve());
        if (s.isOk() && s.firstResultMillis().isEmpty()) {
            throw bad(f + ".firstResultMillis", "empty (a start-up with status ok has at least one time)");
        }
        optionalNumber(f + ".steadyNanos", s.steadyNanos());
        text(f + ".reason", s.reason());
        fileRef(f + ".jmhFile", s.jmhFile());
    }

    private void scaling(String f, Scaling s) throws ResultFormatException {
        present(f, s);
        series(f + ".pattern", s.pattern(), true);
        name(f + ".workload", s.workload(), true, false);
        count(f + ".size", s.size());
        oneOf(f + ".status", s.status() == null ? null : s.status().label(), MEASUREMENT_STATUSES, true);
        list(f + ".threads", s.threads());
        for (int i = 0; i < s.threads().size(); i++) {
            Integer t = present(f + ".threads[" + i + "]", s.threads().get(i));
            if (t < 1 || t > 1_000_000) {
                throw bad(f + ".threads[" + i + "]", t + " is not a caller count (expected 1..1000000)");
            }
        }
        list(f + ".opsPerSecond", s.opsPerSecond());
        for (int i = 0; i < s.opsPerSecond().size(); i++) {
            optionalNumber(f + ".opsPerSecond[" + i + "]", s.opsPerSecond().get(i));
        }
        list(f + ".errors", s.errors());
        for (int i = 0; i < s.errors().size(); i++) {
            optionalNumber(f + ".errors[" + i + "]", s.errors().get(i));
        }
        if (s.opsPerSecond().size() > s.threads().size()) {
            throw bad(f + ".opsPerSecond", s.opsPerSecond().size() + " values for " + s.threads().size() + " caller counts");
        }
        optionalNumber(f + ".factor", s.factor());
        // Absent in runs written before the forks (one fork per count, no interval).
        if (s.forkSamples() != null) {
            list(f + ".forkSamples", s.forkSamples());
            if (s.forkSamples().size() > s.threads().size()) {
                throw bad(f + ".forkSamples", s.forkSamples().size() + " counts for " + s.threads().size()
                        + " caller counts");
            }
            for (int i = 0; i < s.forkSamples().size(); i++) {
                List<List<Double>> forks = present(f + ".forkSamples[" + i + "]", s.forkSamples().get(i));
                list(f + ".forkSamples[" + i + "]", forks);
                for (int k = 0; k < forks.size(); k++) {
                    String g = f + ".forkSamples[" + i + "][" + k + "]";
                    numbers(g, present(g, forks.get(k)));
                }
            }
        }
        optionalNumber(f + ".factorLow", s.factorLow());
        optionalNumber(f + ".factorHigh", s.factorHigh());
        if ((s.factorLow() == null) != (s.factorHigh() == null)) {
            throw bad(f + (s.factorLow() == null ? ".factorLow" : ".factorHigh"),
                    "missing (an interval has both ends, or neither)");
        }
        if (s.factorLow() != null && s.factorLow() > s.factorHigh()) {
            throw bad(f + ".factorLow", s.factorLow() + " is above factorHigh " + s.factorHigh());
        }
        text(f + ".verdict", s.verdict());
        text(f + ".reason", s.reason());
        list(f + ".jmhFiles", s.jmhFiles());
        for (int i = 0; i < s.jmhFiles().size(); i++) {
            fileRef(f + ".jmhFiles[" + i + "]", s.jmhFiles().get(i));
        }
    }

    // ---------------------------------------------------------------- field kinds

    private <T> T present(String f, T value) throws ResultFormatException {
        if (value == null) {
            throw bad(f, "missing");
        }
        return value;
    }

    private void name(String f, String s, boolean required, boolean series) throws ResultFormatException {
        if (s == null) {
            if (required) {
                throw bad(f, "missing");
            }
            return;
        }
        if (!(series ? Names.isSeries(s) : Names.isName(s))) {
            throw bad(f, "'" + Names.quote(s, 80) + "' is not a name (expected " + Names.rule(series) + ")");
        }
    }

    private void series(String f, String s, boolean required) throws ResultFormatException {
        name(f, s, required, true);
    }

    private void oneOf(String f, String s, Set<String> known, boolean required) throws ResultFormatException {
        if (s == null) {
            if (required) {
                throw bad(f, "missing");
            }
            return;
        }
        if (!known.contains(s)) {
            throw bad(f, "'" + Names.quote(s, 80) + "' is not one of " + String.join(", ", known.stream().sorted().toList()));
        }
    }

    private void text(String f, String s) throws ResultFormatException {
        if (s != null && s.length() > MAX_STRING) {
            throw bad(f, "a string of " + s.length() + " characters (expected at most " + MAX_STRING + ")");
        }
    }

    private void count(String f, long n) throws ResultFormatException {
        if (n < 0) {
            throw bad(f, n + " is not a " + (f.endsWith("size") ? "size" : "count") + " (expected 0..2^31)");
        }
    }

    private void number(String f, double x, double min) throws ResultFormatException {
        if (!Double.isFinite(x)) {
            throw bad(f, x + " is not a finite number");
        }
        if (x < min) {
            throw bad(f, x + " is out of range (expected " + (min == 0 ? "0" : min) + " or more)");
        }
    }

    private void optionalNumber(String f, Double x) throws ResultFormatException {
        if (x != null) {
            number(f, x, 0);
        }
    }

    private void numbers(String f, List<Double> xs) throws ResultFormatException {
        if (xs == null) {
            return;
        }
        list(f, xs);
        for (int i = 0; i < xs.size(); i++) {
            number(f + "[" + i + "]", present(f + "[" + i + "]", xs.get(i)), 0);
        }
    }

    private void list(String f, List<?> xs) throws ResultFormatException {
        if (xs != null && xs.size() > MAX_LIST) {
            throw bad(f, "a list of " + xs.size() + " entries (expected at most " + MAX_LIST + ")");
        }
    }

    /** A file of the run folder: a relative path of safe names, e.g. jmh/dot-jni-1000.json. */
    private void fileRef(String f, String s) throws ResultFormatException {
        if (s == null) {
            return;
        }
        String[] parts = s.split("/", -1);
        boolean ok = parts.length <= 4 && s.length() <= 4 * Names.MAX_LENGTH;
        for (String part : parts) {
            ok &= Names.isSeries(part);
        }
        if (!ok) {
            throw bad(f, "'" + Names.quote(s, 80) + "' is not a file of the run folder (expected a relative path like"
                    + " jmh/NAME.json, each part " + Names.rule(true) + ")");
        }
    }

    /** A free-form value (settings, a structured answer): bounded strings, finite numbers, bounded size. */
    private void tree(String f, Object root) throws ResultFormatException {
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        int seen = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (++seen > MAX_TREE_VALUES) {
                throw bad(f, "more than " + MAX_TREE_VALUES + " values");
            }
            switch (o) {
                case String s -> text(f, s);
                case Double d when !Double.isFinite(d) -> throw bad(f, d + " is not a finite number");
                case Float d when !Float.isFinite(d) -> throw bad(f, d + " is not a finite number");
                case Map<?, ?> m -> {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (e.getKey() != null) {
                            todo.push(e.getKey());
                        }
                        if (e.getValue() != null) {
                            todo.push(e.getValue());
                        }
                    }
                }
                case List<?> l -> l.stream().filter(x -> x != null).forEach(todo::push);
                default -> {
                }
            }
        }
    }
}
