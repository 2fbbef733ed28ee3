package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Scaling;
import io.gluebench.result.Verification;
import io.gluebench.suite.PointBenchmark;
import io.gluebench.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Throughput of one pattern with 1, 2, ... concurrent callers: {@link PointBenchmark} in JMH's
 * Throughput mode with that many JMH threads, one fork per count. The state has Scope.Thread, so
 * every caller opens its own pattern (its own Jep or PEMJA interpreter, its own worker process) and
 * checks its own answer before it is timed.
 */
public final class ScalingRunner {
    private final PatternEnv env;
    private final RunStore store;
    private final boolean verbose;

    public ScalingRunner(PatternEnv env, RunStore store, boolean verbose) {
        this.env = env;
        this.store = store;
        this.verbose = verbose;
    }

    public Scaling run(PatternSpec spec, Workload workload, Profile.ScalingSettings s, int timeoutSeconds, Path runDir)
            throws IOException {
        List<Double> ops = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<String> files = new ArrayList<>();
        String reason = null;
        for (int threads : s.threads()) {
            String id = "scaling-" + workload.name() + "-" + spec.name() + "-" + s.size() + "-t" + threads;
            Path jmhFile = runDir.resolve("jmh").resolve(id + ".json");
            Path logFile = runDir.resolve("logs").resolve(id + ".log");
            Path statusFile = runDir.resolve("logs").resolve(id + ".verify.json");
            Files.createDirectories(jmhFile.getParent());
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(statusFile);
            List<String> jvmArgs = new ArrayList<>(ForkFlags.forPattern(env, spec));
            jvmArgs.add("-D" + PointBenchmark.STATUS_PROPERTY + "=" + statusFile);
            Profile.JmhSettings j = s.jmh();
            var options = new OptionsBuilder()
                    .include("^" + Pattern.quote(PointBenchmark.class.getName()) + "\\.call$")
                    .param("workload", workload.name())
                    .param("pattern", spec.name())
                    .param("size", Integer.toString(s.size()))
                    .mode(Mode.Throughput)
                    .timeUnit(TimeUnit.SECONDS)
                    .threads(threads)
                    .forks(1)
                    .warmupIterations(j.warmupIterations())
                    .warmupTime(TimeValue.milliseconds(j.warmupMillis()))
                    .measurementIterations(j.measurementIterations())
                    .measurementTime(TimeValue.milliseconds(j.measurementMillis()))
                    .timeout(TimeValue.seconds(timeoutSeconds))
                    .jvm(ForkFlags.javaBinary())
                    .jvmArgs(jvmArgs.toArray(String[]::new))
                    .shouldFailOnError(true)
                    .result(jmhFile.toString())
                    .resultFormat(ResultFormatType.JSON)
                    .build();
            JmhFork.Outcome outcome = JmhFork.run(options, logFile, timeoutSeconds, verbose);
            if (Files.exists(jmhFile)) {
                files.add(runDir.relativize(jmhFile).toString());
            }
            Verification verdict = Files.exists(statusFile)
                    ? store.mapper().readValue(statusFile.toFile(), Verification.class) : null;
            RunResult rr = outcome.first();
            if (verdict != null && !verdict.ok()) {
                reason = "not timed: " + verdict.error();
            } else if (rr == null || rr.getPrimaryResult() == null) {
                String thrown = PointRunner.thrownInFork(logFile);
                reason = threads + " callers: " + (outcome.timedOut() ? "timed out after " + timeoutSeconds + " s"
                        : "the fork failed" + (thrown != null ? ": " + thrown : "; its output ends with:\n"
                                + ForkedVerifier.tail(logFile)));
            }
            if (reason != null) {
                ops.add(null);
                errors.add(null);
                break;
            }
            ops.add(rr.getPrimaryResult().getScore());
            double err = rr.getPrimaryResult().getScoreError();
            errors.add(Double.isNaN(err) ? null : err);
        }
        while (ops.size() < s.threads().size()) {
            ops.add(null);
            errors.add(null);
        }
        Double factor = factor(ops);
        return new Scaling(spec.name(), workload.name(), s.size(), reason == null ? Point.OK : Point.FAILED, s.threads(),
                ops, errors, factor, reason, files);
    }

    /** Throughput at the largest measured count over throughput with one caller; null without both. */
    static Double factor(List<Double> ops) {
        if (ops.isEmpty() || ops.get(0) == null || ops.get(0) <= 0) {
            return null;
        }
        for (int i = ops.size() - 1; i > 0; i--) {
            if (ops.get(i) != null) {
                return ops.get(i) / ops.get(0);
            }
        }
        return null;
    }
}
