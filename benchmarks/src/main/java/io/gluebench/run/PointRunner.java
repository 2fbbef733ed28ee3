package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Verification;
import io.gluebench.suite.PointBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one point as one JMH fork with the pattern's JVM flags, under a watchdog that kills the
 * fork (and its worker processes) when the point overruns its timeout. Returns the point: measured,
 * or failed with the reason (the verification verdict, or the tail of the fork's output).
 */
public final class PointRunner {
    private static final Pattern WARMUP_LINE =
            Pattern.compile("^# Warmup Iteration\\s+\\d+:\\s+([0-9.,]+|≈\\s*[0-9.eE+-]+)\\s+ns/op");

    private final PatternEnv env;
    private final RunStore store;
    private final boolean verbose;

    public PointRunner(PatternEnv env, RunStore store, boolean verbose) {
        this.env = env;
        this.store = store;
        this.verbose = verbose;
    }

    public Point run(Plan.Item item, Profile profile, Path runDir) throws IOException {
        String id = item.workload().name() + "-" + item.series().replace('@', '-') + "-" + item.size();
        Path jmhFile = runDir.resolve("jmh").resolve(id + ".json");
        Path logFile = runDir.resolve("logs").resolve(id + ".log");
        Path statusFile = runDir.resolve("logs").resolve(id + ".verify.json");
        Files.createDirectories(jmhFile.getParent());
        Files.createDirectories(logFile.getParent());
        Files.deleteIfExists(statusFile);

        List<String> jvmArgs = new ArrayList<>(ForkFlags.forPattern(env, item.pattern()));
        jvmArgs.add("-D" + PointBenchmark.STATUS_PROPERTY + "=" + statusFile);
        // A crashing fork (a segfault in JNI or a CPython extension) leaves its report with the point's log.
        Path crashFile = logFile.resolveSibling(id + ".hs_err.log");
        Files.deleteIfExists(crashFile);
        jvmArgs.add("-XX:ErrorFile=" + crashFile);
        if (item.placement() != null) {
            jvmArgs.add("-D" + io.gluebench.pattern.Placement.PROPERTY + "=" + item.placement().id());
        }
        Profile.JmhSettings s = profile.settingsFor(item.pattern().family());
        Point.Warmup given = new Point.Warmup(s.warmupIterations(), s.warmupMillis());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(PointBenchmark.class.getName()) + "\\.call$")
                .param("workload", item.workload().name())
                .param("pattern", item.pattern().name())
                .param("size", Integer.toString(item.size()))
                .forks(1)
                .warmupIterations(s.warmupIterations())
                .warmupTime(TimeValue.milliseconds(s.warmupMillis()))
                .measurementIterations(s.measurementIterations())
                .measurementTime(TimeValue.milliseconds(s.measurementMillis()))
                .timeout(TimeValue.seconds(profile.pointTimeoutSeconds()))
                .jvm(ForkFlags.javaBinary())
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .result(jmhFile.toString())
                .resultFormat(ResultFormatType.JSON);

        long started = System.nanoTime();
        JmhFork.Outcome outcome = JmhFork.run(options.build(), logFile, profile.pointTimeoutSeconds(), verbose);
        io.gluebench.pattern.worker.WorkerPattern.sweepOrphans();
        String failure = outcome.failure();
        double wall = (System.nanoTime() - started) / 1e9;
        Verification verdict = readVerdict(statusFile);
        String rel = runDir.relativize(jmhFile).toString();

        RunResult rr = outcome.first();
        if (rr == null || rr.getPrimaryResult() == null || verdict == null || !verdict.ok()) {
            String reason;
            if (outcome.timedOut()) {
                reason = "timed out after " + profile.pointTimeoutSeconds() + " s; the fork was killed";
            } else if (verdict != null && !verdict.ok()) {
                reason = "not timed: " + verdict.error();
            } else if (Files.exists(crashFile)) {
                reason = "the fork crashed: " + crashSummary(crashFile) + " (the JVM's report: "
                        + runDir.relativize(crashFile) + ")";
            } else {
                String thrown = thrownInFork(logFile);
                reason = "the fork failed" + (failure == null ? "" : " (" + failure.lines().findFirst().orElse("") + ")")
                        + (thrown != null ? ": " + thrown : "; its output ends with:\n" + ForkedVerifier.tail(logFile));
            }
            return new Point(item.workload().name(), item.series(), item.size(), item.pattern().transport(),
                    item.placement() == null ? null : item.placement().id(),
                    Point.FAILED, "ns/op", null, null, List.of(), warmup(logFile), verdict, reason,
                    Files.exists(jmhFile) ? rel : null, jvmArgs, wall, given);
        }
        List<Double> samples = new ArrayList<>();
        for (var br : rr.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                samples.add(ir.getPrimaryResult().getScore());
            }
        }
        var primary = rr.getPrimaryResult();
        double err = primary.getScoreError();
        return new Point(item.workload().name(), item.series(), item.size(), item.pattern().transport(),
                    item.placement() == null ? null : item.placement().id(),
                Point.OK, primary.getScoreUnit(), primary.getScore(), Double.isNaN(err) ? null : err,
                samples, warmup(logFile), verdict, null, rel, jvmArgs, wall, given);
    }

    /** "SIGSEGV (0xb) at pc=..., pid=..., tid=..." and the problematic frame, from a JVM crash report. */
    static String crashSummary(Path hsErr) {
        try (var lines = Files.lines(hsErr, StandardCharsets.ISO_8859_1)) {
            List<String> l = lines.limit(60).toList();
            String signal = l.stream().filter(s -> s.startsWith("#  SIG") || s.startsWith("#  Internal Error"))
                    .map(s -> s.substring(1).trim()).findFirst().orElse("the JVM died");
            int frame = l.indexOf("# Problematic frame:");
            String where = frame >= 0 && frame + 1 < l.size() ? "; " + l.get(frame + 1).substring(1).trim() : "";
            return signal + where;
        } catch (IOException | RuntimeException e) {
            return "the JVM died";
        }
    }

    private Verification readVerdict(Path statusFile) {
        try {
            return Files.exists(statusFile) ? store.mapper().readValue(statusFile.toFile(), Verification.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The exception JMH reported from the fork, message lines only (no stack frames), or null. */
    static String thrownInFork(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("<failure>")) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                return null;
            }
            List<String> message = new ArrayList<>();
            for (int i = start; i < lines.size() && message.size() < 30; i++) {
                String line = lines.get(i);
                if (line.startsWith("\tat ") || line.trim().startsWith("at ") || line.startsWith("Caused by:")) {
                    break;
                }
                if (!line.isBlank()) {
                    message.add(line);
                }
            }
            return message.isEmpty() ? null : String.join("\n", message);
        } catch (IOException e) {
            return null;
        }
    }

    static List<Double> warmup(Path logFile) {
        List<Double> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
                Matcher m = WARMUP_LINE.matcher(line);
                if (m.find()) {
                    try {
                        out.add(Double.parseDouble(m.group(1).replace(",", "").replace("≈", "").trim()));
                    } catch (NumberFormatException ignored) {
                        // Not a plain number; skip it.
                    }
                }
            }
        } catch (IOException ignored) {
            // No log, no curve.
        }
        return out;
    }

    /** Kills the JMH forks of this JVM and everything they started. */
    static void killForks() {
        ProcessHandle.current().children().forEach(child -> {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        });
    }
}
