package io.gluebench.report;

import static io.gluebench.report.Format.nz;
import static io.gluebench.report.Format.sentence;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Complexity;
import io.gluebench.analysis.CostModel;
import io.gluebench.analysis.Crossover;
import io.gluebench.analysis.Fastest;
import io.gluebench.analysis.FloorComparison;
import io.gluebench.analysis.OverheadShare;
import io.gluebench.analysis.Regions;
import io.gluebench.analysis.StabilityWarning;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Bullets;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Fact;
import io.gluebench.report.Doc.Facts;
import io.gluebench.report.Doc.Figure;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.report.Doc.Tone;
import io.gluebench.result.Floor;
import io.gluebench.result.Machine;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.SkippedPattern;
import io.gluebench.result.WorkloadInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Lays out a run and its analysis as a {@link Doc.Report}: which sections, in which order, with
 * which sentences and tables. Chooses words and formats numbers; every number comes from the run
 * or the analysis.
 */
final class ReportBuilder {
    private static final ReportSection SUMMARY = new SummarySection();
    private static final ReportSection CHARTS = new ChartsSection();
    private static final ReportSection SCORES = new ScoresSection();
    private static final ReportSection MODELS = new ModelsSection();
    private static final ReportSection OVERHEAD = new OverheadSection();
    private static final ReportSection SKIPPED = new SkippedAndFailedSection();
    private static final ReportSection ANTI_PATTERNS = new AntiPatternsSection();
    private static final ReportSection WARNINGS = new WarningsSection();

    private final ReportInput in;
    private final Run run;
    private final Analysis analysis;
    private final List<String> workloads;
    private final List<String> patterns;

    ReportBuilder(Run run, Analysis analysis, List<Path> charts) {
        this.in = ReportInput.of(run, analysis, charts);
        this.run = in.run();
        this.analysis = in.analysis();
        this.workloads = in.workloads();
        this.patterns = in.patterns();
    }

    static Doc.Report build(Run run, Analysis analysis, List<Path> charts) {
        return new ReportBuilder(run, analysis, charts).report();
    }

    Doc.Report report() {
        List<Section> sections = List.of(
                SUMMARY.section(in), CHARTS.section(in), SCORES.section(in), MODELS.section(in), OVERHEAD.section(in),
                SKIPPED.section(in), ANTI_PATTERNS.section(in), startups(), callers(), WARNINGS.section(in), machine(), floors());
        return new Doc.Report("gluebench report", "When to glue, when to compute", RunHeader.facts(run), sections);
    }

    // ---------------------------------------------------------------- machine and floors

    private Section machine() {
        List<Block> blocks = new ArrayList<>();
        Machine m = run.machine();
        if (m == null) {
            blocks.add(new Note(Phrase.of("This run recorded no machine fingerprint; compare it with care."), true));
            return new Section("machine", "Machine", blocks);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("id", Phrase.builder().code(nz(m.id())).build()));
        facts.add(new Fact("hostname", Phrase.of(nz(m.hostname()))));
        facts.add(new Fact("CPU", Phrase.of(nz(m.cpuModel()))));
        facts.add(new Fact("cores", Phrase.of(Integer.toString(m.cores()))));
        facts.add(new Fact("memory", Phrase.of(Format.bytes(m.memoryBytes()) + " (" + Format.size(m.memoryBytes()) + " bytes)")));
        facts.add(new Fact("OS", Phrase.of(nz(m.os()))));
        facts.add(new Fact("kernel", Phrase.of(nz(m.kernel()))));
        facts.add(new Fact("JDK", Phrase.of(nz(m.jdkVendor()) + " " + nz(m.jdkVersion()))));
        facts.add(new Fact("git commit", Phrase.builder().code(nz(m.gitCommit()))
                .text(m.gitDirty() ? " — dirty: the tree had uncommitted changes" : " — clean").build()));
        facts.add(new Fact("started", Phrase.of(nz(m.startedAt()))));
        facts.add(new Fact("load average", Phrase.of(m.loadAverage() < 0 ? "unknown"
                : Format.fixed(m.loadAverage(), 2) + " (1 min, at start)")));
        if (m.busyCoresAtStart() != null) {
            facts.add(new Fact("other work at start", Phrase.of(Format.fixed(m.busyCoresAtStart(), 2)
                    + " of " + m.cores() + " cores busy (the half second before the run, the harness excluded)")));
        }
        if (m.origin() != null) {
            facts.add(new Fact("origin", Phrase.of(m.origin() + "; not measured or verified by gluebench")));
        }
        blocks.add(new Facts(facts));
        if (m.versions() != null && !m.versions().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            m.versions().forEach((k, v) -> rows.add(List.of(Cell.text(nz(k)), Cell.code(nz(v)))));
            blocks.add(new Heading("Runtime versions", "versions"));
            blocks.add(new Table(null, List.of("runtime", "version"), rows, true, true));
        }
        if (run.settings() != null && !run.settings().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", run.settings(), flat);
            flat.forEach((k, v) -> rows.add(List.of(Cell.text(k), v.length() > 40 ? Cell.text(v) : Cell.code(v))));
            blocks.add(new Heading("Profile settings", "settings"));
            blocks.add(new Table(null, List.of("setting", "value"), rows, true, true));
        }
        return new Section("machine", "Machine", blocks);
    }

    private Section floors() {
        List<Block> blocks = new ArrayList<>();
        if (run.floors().isEmpty()) {
            blocks.add(new Note(Phrase.of("This run measured no floors."), true));
            return new Section("floors", "Floors", blocks);
        }
        blocks.add(new Para(Phrase.of("The raw cost of each mechanism on this machine, measured in the same run: "
                + "a pattern's round trip is read against it.")));
        List<List<Cell>> rows = new ArrayList<>();
        for (Floor f : run.floors()) {
            // A floor that could not be measured is NaN; its note says why.
            rows.add(List.of(Cell.code(f.name()), Cell.text(nz(f.mechanism())),
                    Cell.num(Double.isNaN(f.nsPerOp()) ? "not measured" : Format.nanos(f.nsPerOp())),
                    Cell.num(Double.isNaN(f.spread()) ? "–" : "± " + Format.nanos(f.spread())), Cell.text(nz(f.source())),
                    Cell.text(nz(f.note()))));
        }
        blocks.add(new Table(null, List.of("floor", "mechanism", "time per round trip", "spread", "source", "note"), rows, true));
        List<FloorComparison.Row> cmp = FloorComparison.rows(run);
        if (!cmp.isEmpty()) {
            List<List<Cell>> crow = new ArrayList<>();
            for (FloorComparison.Row r : cmp) {
                crow.add(List.of(Cell.code(r.pattern()), Cell.num(Format.nanos(r.echoZeroNs())),
                        r.floor() == null ? Cell.text("–") : Cell.code(r.floor()),
                        Cell.num(r.floorNs() == null ? "–" : Format.nanos(r.floorNs())),
                        Cell.num(r.ratio() == null ? "–" : timesFloor(r)),
                        Cell.num(r.peerFloorNs() == null ? "–" : Format.nanos(r.peerFloorNs())),
                        Cell.num(r.peerRatio() == null ? "–" : "×" + Format.fixed(r.peerRatio(), 1))));
            }
            blocks.add(new Heading("Patterns against their floor", "floor-comparison"));
            blocks.add(new Para(Phrase.of("Each pattern's no-op round trip (echo at N = 0) beside the floor of its mechanism. "
                    + "For a worker, two floors of its transport and placement: C to C (the transport alone) and a C "
                    + "client to the real CPython worker (the transport plus CPython's request handling); the gap "
                    + "between the second and the pattern is what the JVM side adds. Jep and PEMJA are read against "
                    + "C calling CPython with the GIL taken and released per call, FFM against its critical no-op. "
                    + "In brackets, the ratio's interval, taken wide: the pattern's score ± its error against the "
                    + "floor's spread.")));
            blocks.add(new Table(null, List.of("pattern", "echo N=0", "floor", "floor time", "× floor", "C→CPython",
                    "× C→CPython"), crow, true));
        }
        return new Section("floors", "Floors", blocks);
    }

    /** ×3.1 (2.8–3.5): the ratio to the floor and its interval. */
    private static String timesFloor(FloorComparison.Row r) {
        String times = "×" + Format.fixed(r.ratio(), 1);
        if (r.ratioLow() == null) {
            return times + " (interval unknown)";
        }
        return times + " (" + Format.fixed(r.ratioLow(), 1) + "–"
                + (r.ratioHigh() == null ? "∞" : Format.fixed(r.ratioHigh(), 1)) + ")";
    }

    // ---------------------------------------------------------------- start-up and callers

    private Section startups() {
        List<Block> blocks = new ArrayList<>();
        if (run.startups().isEmpty()) {
            blocks.add(new Note(Phrase.of("This run did not measure start-up (the profile has no startup setting,"
                    + " or --no-startup)."), false));
            return new Section("startup", "Start-up and warm-up", blocks);
        }
        io.gluebench.result.Startup any = run.startups().get(0);
        blocks.add(new Para(Phrase.of("Measured apart from the steady state, in fresh JVMs (JMH SingleShotTime, "
                + any.forks() + (any.forks() == 1 ? " fork" : " forks") + " per pattern, " + any.workload() + " at N = "
                + Format.size(any.size()) + "). First answer: open the pattern (load the library, start the interpreter"
                + " or context, spawn the worker), bind the input, make the first call and check it against the Java"
                + " reference. Since JVM start adds the JVM's own boot. Then each of the next calls is timed on its own:"
                + " the warm-up curve. Steady is the point measured after the profile's warm-up, where the run has one.")));
        List<List<Cell>> rows = new ArrayList<>();
        for (io.gluebench.result.Startup s : run.startups()) {
            if (!s.isOk()) {
                rows.add(List.of(Cell.code(s.pattern()), Cell.text(s.status()), Cell.text("–"), Cell.text("–"),
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
        in.chart(io.gluebench.chart.StartupCharts.STARTUP).ifPresent(p -> blocks.add(new Figure(p,
                "Time to the first checked answer in a fresh JVM, per pattern.")));
        in.chart(io.gluebench.chart.StartupCharts.CURVE).ifPresent(p -> blocks.add(new Figure(p,
                "Time per call for the first calls in a fresh JVM.")));
        return new Section("startup", "Start-up and warm-up", blocks);
    }

    private Section callers() {
        List<Block> blocks = new ArrayList<>();
        if (run.scaling().isEmpty()) {
            blocks.add(new Note(Phrase.of("This run did not measure concurrent callers (the profile has no scaling"
                    + " setting, or --no-scaling)."), false));
            return new Section("callers", "Threads and the GIL", blocks);
        }
        io.gluebench.result.Scaling any = run.scaling().get(0);
        int cores = run.machine() == null ? Integer.MAX_VALUE : run.machine().cores();
        int forks = any.forkSamples() == null || any.forkSamples().isEmpty() ? 1 : any.forkSamples().get(0).size();
        int most = any.threads().get(any.threads().size() - 1);
        blocks.add(new Para(Phrase.of("Throughput with " + any.threads().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" and ")) + " concurrent callers (JMH threads, "
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
        for (io.gluebench.result.Scaling s : run.scaling()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.code(s.pattern()));
            for (int i = 0; i < any.threads().size(); i++) {
                Double v = i < s.opsPerSecond().size() ? s.opsPerSecond().get(i) : null;
                Double e = s.forkSamples() != null && i < s.errors().size() ? s.errors().get(i) : null;
                row.add(v == null ? Cell.text(s.isOk() ? "–" : s.status())
                        : Cell.num(String.format(java.util.Locale.ROOT, "%,.0f calls/s", v)
                                + (e == null ? "" : String.format(java.util.Locale.ROOT, " ± %,.0f", e))));
            }
            String verdict = io.gluebench.analysis.ScalingFactor.verdictOf(s, cores);
            boolean inconclusive = io.gluebench.analysis.ScalingFactor.inconclusive(verdict);
            Tone tone = inconclusive ? Tone.WARN : Tone.NONE;
            row.add(new Cell(Phrase.of(s.factor() == null ? "–" : io.gluebench.chart.StartupCharts.factorText(s)
                    + (inconclusive ? " inconclusive" : "")), true, tone, null, null));
            row.add(new Cell(Phrase.of(s.factor() != null && verdict != null ? sentence(verdict)
                    : sentence(s.reason() == null ? "" : s.reason().lines().findFirst().orElse(""))), false, tone, null,
                    null));
            rows.add(row);
        }
        blocks.add(new Table(null, header, rows, true));
        in.chart(io.gluebench.chart.StartupCharts.CALLERS).ifPresent(p -> blocks.add(new Figure(p,
                "Throughput with more callers over one caller, per pattern.")));
        return new Section("callers", "Threads and the GIL", blocks);
    }

    // ---------------------------------------------------------------- helpers

    /** Nested settings as dotted keys: profile.name, profile.sizes; lists joined with commas. */
    static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof java.util.Collection<?> c) {
            out.put(prefix, String.join(", ", c.stream().map(String::valueOf).toList()));
        } else {
            out.put(prefix, String.valueOf(value));
        }
    }


}
