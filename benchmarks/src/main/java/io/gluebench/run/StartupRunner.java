package io.gluebench.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Startup;
import io.gluebench.suite.StartupBenchmark;
import io.gluebench.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Measures one pattern's start-up and warm-up ({@link StartupBenchmark}): {@code forks} fresh
 * JVMs, each timing its first checked answer and then single calls. The answer of every fork is
 * checked; a fork whose answer disagrees makes the whole measurement failed, never timed.
 */
public final class StartupRunner {
    private final PatternEnv env;
    private final RunStore store;
    private final boolean verbose;

    public StartupRunner(PatternEnv env, RunStore store, boolean verbose) {
        this.env = env;
        this.store = store;
        this.verbose = verbose;
    }

    public Startup run(PatternSpec spec, Workload workload, Profile.StartupSettings s, int timeoutSeconds, Path runDir)
            throws IOException {
        String id = "startup-" + workload.name() + "-" + spec.name() + "-" + s.size();
        Path jmhFile = runDir.resolve("jmh").resolve(id + ".json");
        Path logFile = runDir.resolve("logs").resolve(id + ".log");
        Path statusFile = runDir.resolve("logs").resolve(id + ".status.jsonl");
        Files.createDirectories(jmhFile.getParent());
        Files.createDirectories(logFile.getParent());
        Files.deleteIfExists(statusFile);

        List<String> jvmArgs = new ArrayList<>(ForkFlags.forPattern(env, spec));
        jvmArgs.add("-D" + StartupBenchmark.STATUS_PROPERTY + "=" + statusFile);
        jvmArgs.add(io.gluebench.pattern.Scratch.jvmArgument(runDir));
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(StartupBenchmark.class.getName()) + "\\.call$")
                .param("workload", workload.name())
                .param("pattern", spec.name())
                .param("size", Integer.toString(s.size()))
                .mode(Mode.SingleShotTime)
                .forks(s.forks())
                .warmupIterations(0)
                .measurementIterations(s.calls())
                .measurementBatchSize(1)
                .timeout(TimeValue.seconds(timeoutSeconds))
                .jvm(ForkFlags.javaBinary())
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .result(jmhFile.toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        JmhFork.Outcome outcome;
        try {
            outcome = JmhFork.run(options, logFile, timeoutSeconds * s.forks(), verbose);
        } finally {
            io.gluebench.pattern.Scratch.clean(runDir);
        }
        if (!outcome.timedOut()) {
            JmhLockTaken.check(logFile, outcome.failure(), "start-up of " + spec.name());
        }
        String rel = Files.exists(jmhFile) ? runDir.relativize(jmhFile).toString() : null;

        List<Double> sinceStart = new ArrayList<>();
        String disagreement = null;
        int verdicts = 0;
        if (Files.exists(statusFile)) {
            for (String line : Files.readAllLines(statusFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = store.mapper().readTree(line);
                verdicts++;
                JsonNode v = n.path("verification");
                if (!v.path("ok").asBoolean(false)) {
                    disagreement = v.path("error").asText("the answer disagrees with the Java reference");
                }
                if (n.hasNonNull("sinceJvmStartMillis")) {
                    sinceStart.add(n.get("sinceJvmStartMillis").asDouble());
                }
            }
        }
        RunResult rr = outcome.first();
        if (disagreement != null || rr == null || verdicts < s.forks()) {
            String reason;
            if (disagreement != null) {
                reason = "not timed: " + disagreement;
            } else if (outcome.timedOut()) {
                reason = "timed out after " + timeoutSeconds * s.forks() + " s; the forks were killed";
            } else {
                String thrown = PointRunner.thrownInFork(logFile);
                reason = "the fork failed" + (thrown != null ? ": " + thrown
                        : "; its output ends with:\n" + ForkedVerifier.tail(logFile));
            }
            return new Startup(spec.name(), workload.name(), s.size(), Point.FAILED, s.forks(), s.calls(), List.of(),
                    sinceStart, List.of(), null, reason, rel);
        }
        List<List<Double>> perFork = new ArrayList<>();
        for (BenchmarkResult br : rr.getBenchmarkResults()) {
            List<Double> calls = new ArrayList<>();
            for (IterationResult ir : br.getIterationResults()) {
                calls.add(ir.getPrimaryResult().getScore());
            }
            perFork.add(calls);
        }
        return summarise(spec.name(), workload.name(), s, perFork, sinceStart, rel);
    }

    /**
     * Turns per-fork call times (ns, call 1 first) into a start-up record: call 1 of each fork is its
     * time to the first checked answer; calls 2..K, the median over forks at each index, are the curve.
     */
    static Startup summarise(String pattern, String workload, Profile.StartupSettings s, List<List<Double>> perFork,
            List<Double> sinceStart, String jmhFile) {
        List<Double> first = new ArrayList<>();
        int longest = 0;
        for (List<Double> f : perFork) {
            if (!f.isEmpty()) {
                first.add(f.get(0) / 1e6);
                longest = Math.max(longest, f.size());
            }
        }
        List<Double> curve = new ArrayList<>();
        for (int i = 1; i < longest; i++) {
            List<Double> at = new ArrayList<>();
            for (List<Double> f : perFork) {
                if (i < f.size()) {
                    at.add(f.get(i));
                }
            }
            curve.add(Startup.median(at));
        }
        return new Startup(pattern, workload, s.size(), Point.OK, perFork.size(), s.calls(), first, sinceStart, curve,
                null, null, jmhFile);
    }
}
