package io.gluebench.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.Point;
import io.gluebench.result.RunStore;
import io.gluebench.result.Startup;
import io.gluebench.result.Verification;
import io.gluebench.suite.StartupBenchmark;
import io.gluebench.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;

/**
 * Measures one pattern's start-up and warm-up ({@link StartupBenchmark}): {@code forks} fresh
 * JVMs ({@link ForkLauncher}), each timing its first checked answer and then single calls. The
 * answer of every fork is checked; a fork whose answer disagrees makes the whole measurement
 * failed, never timed.
 */
public final class StartupRunner {
    /** The JMH benchmark a start-up's forks run. */
    static final String BENCHMARK = "^" + Pattern.quote(StartupBenchmark.class.getName()) + "\\.call$";

    private final RunStore store;
    private final ForkLauncher launcher;

    StartupRunner(RunStore store, ForkLauncher launcher) {
        this.store = store;
        this.launcher = launcher;
    }

    /**
     * The pattern's start-up in {@code s.forks()} forks, one after another; the first fork that fails
     * (or answers wrong) fails the measurement, and the forks after it are not run.
     */
    public Startup run(PatternSpec spec, Workload workload, Profile.StartupSettings s, int timeoutSeconds, Path runDir)
            throws IOException {
        String id = "startup-" + workload.name() + "-" + spec.name() + "-" + s.size();
        ForkJob.Jmh jmh = new ForkJob.Jmh(BENCHMARK, Mode.SingleShotTime.name(), null, 1, 0, 0, s.calls(), 0, 1,
                timeoutSeconds);
        List<List<Double>> perFork = new ArrayList<>();
        List<Double> sinceStart = new ArrayList<>();
        String firstFile = null;
        for (int f = 1; f <= s.forks(); f++) {
            ForkJob.Entry e = launcher.entry(runDir, id + "-f" + f, "start-up of " + spec.name(),
                    Map.of("workload", workload.name(), "pattern", spec.name(), "size", Integer.toString(s.size())),
                    Map.of());
            ForkLauncher.Result r = launcher.run(runDir, new ForkLauncher.Fork("fork-" + id + "-f" + f, spec, null, jmh, List.of(e),
                    Map.of(), timeoutSeconds)).get(0);
            Path jmhFile = Path.of(e.jmhFile());
            if (firstFile == null && Files.exists(jmhFile)) {
                firstFile = runDir.relativize(jmhFile).toString();
            }
            JsonNode status = readStatus(Path.of(e.statusFile()));
            Verification verdict = status == null || !status.hasNonNull("verification") ? null
                    : store.mapper().convertValue(status.get("verification"), Verification.class);
            if (status != null && status.hasNonNull("sinceJvmStartMillis")) {
                sinceStart.add(status.get("sinceJvmStartMillis").asDouble());
            }
            String reason = r.reason(verdict, runDir);
            if (reason == null && verdict == null) {
                reason = "the fork failed: the benchmark wrote no verdict; its output ends with:\n"
                        + ForkedVerifier.tail(r.log());
            }
            if (reason != null) {
                if (s.forks() > 1 && !reason.startsWith("not timed")) {
                    reason = "fork " + f + " of " + s.forks() + ": " + reason;
                }
                return new Startup(spec.name(), workload.name(), s.size(), Point.FAILED, s.forks(), s.calls(), List.of(),
                        sinceStart, List.of(), null, reason, firstFile);
            }
            perFork.add(r.outcome().samples());
        }
        return summarise(spec.name(), workload.name(), s, perFork, sinceStart, firstFile);
    }

    /** The one line the start-up benchmark wrote (the time since the JVM's start and the verdict), or null. */
    private JsonNode readStatus(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                return store.mapper().readTree(line);
            }
        }
        return null;
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
