package io.gluebench.run;

import io.gluebench.result.RunStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The main class of every fork: a fresh JVM, started by {@link ForkLauncher} with the pattern's
 * flags, that runs the entries of its {@link ForkJob} one after another, each through JMH run in
 * this JVM (JMH's own forking is off: this JVM is the fork). Each entry's outcome is written to its
 * file as soon as it is known, so a crash or a kill loses only the entry in progress. The fork ends
 * itself when the harness that started it is gone.
 *
 * <p>Why one JVM measures several points: a fresh JVM, its interpreter or worker and the Graal
 * compiler's own warm-up cost seconds; paid once per fork rather than once per point, the same
 * time buys forks, which is where the variation is. One fork holds one pattern (one workload too,
 * for the patterns whose call sites would otherwise see several receiver types), so a point's
 * neighbours in a fork run the same code. A start-up or a callers count is a fork of one entry.
 */
public final class ForkMain {
    private ForkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ForkMain JOB.properties (started by the gluebench harness, not by hand)");
            System.exit(2);
        }
        // The harness killed (kill -9): nothing it started outlives it.
        ProcessHandle.current().parent().ifPresent(h -> h.onExit().thenRun(() -> Runtime.getRuntime().halt(4)));
        ForkJob job = ForkJob.read(Path.of(args[0]));
        Set<String> set = new HashSet<>();
        boolean first = true;
        for (ForkJob.Entry e : job.points()) {
            set.forEach(System::clearProperty);
            Map<String, String> properties = new LinkedHashMap<>(e.properties());
            if (first || job.jmh().forked()) {
                properties.putAll(job.firstProperties());     // forked: each entry in a JVM of its own
            }
            first = false;
            properties.forEach(System::setProperty);
            set = properties.keySet();
            long started = System.nanoTime();
            ForkJob.Outcome outcome;
            try (OutputStream log = Files.newOutputStream(Path.of(e.logFile()));
                 PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8)) {
                Collection<RunResult> results;
                try {
                    results = new Runner(options(job.jmh(), e, properties).build(),
                            OutputFormatFactory.createFormatInstance(ps, VerboseMode.NORMAL)).run();
                } catch (RunnerException ex) {
                    results = List.of();
                    ps.println("<failure>");
                    ps.println(ex.getMessage());
                }
                outcome = outcome(results, (System.nanoTime() - started) / 1e9);
            }
            // Written after the entry's measurement: JSON's classes load once the entry has answered.
            new RunStore().writeJson(Path.of(e.outFile()), outcome);
        }
        System.exit(0);
    }

    static ChainedOptionsBuilder options(ForkJob.Jmh j, ForkJob.Entry e, Map<String, String> properties)
            throws java.io.IOException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(j.include())
                .forks(j.forked() ? 1 : 0)
                .threads(j.threads())
                .warmupIterations(j.warmupIterations())
                .warmupTime(TimeValue.milliseconds(j.warmupMillis()))
                .measurementIterations(j.measurementIterations())
                .measurementTime(TimeValue.milliseconds(j.measurementMillis()))
                .shouldFailOnError(true)
                .result(e.jmhFile())
                .resultFormat(ResultFormatType.JSON);
        e.params().forEach(b::param);
        if (j.mode() != null) {
            b.mode(Mode.valueOf(j.mode()));
        }
        if (j.timeUnit() != null) {
            b.timeUnit(TimeUnit.valueOf(j.timeUnit()));
        }
        if (j.batchSize() > 0) {
            b.measurementBatchSize(j.batchSize());
        }
        if (j.timeoutSeconds() != null) {
            b.timeout(TimeValue.seconds(j.timeoutSeconds()));
        }
        if (j.forked()) {
            // JMH's JVM gets this one's flags (its default) and the entry's properties.
            b.jvmArgsAppend(properties.entrySet().stream().map(p -> "-D" + p.getKey() + "=" + p.getValue())
                    .toArray(String[]::new));
        }
        for (String prof : j.profilers()) {
            int colon = prof.indexOf(':');
            String name = colon < 0 ? prof : prof.substring(0, colon);
            String opts = colon < 0 ? "" : prof.substring(colon + 1);
            if (ForkOptions.WRITES_FILES.contains(name) && !(";" + opts).contains(";dir=") && e.profilerDir() != null) {
                Files.createDirectories(Path.of(e.profilerDir()));
                opts = (opts.isEmpty() ? "" : opts + ";") + "dir=" + e.profilerDir();
            }
            b.addProfiler(name, opts);
        }
        return b;
    }

    private static ForkJob.Outcome outcome(Collection<RunResult> results, double wall) {
        RunResult rr = results.isEmpty() ? null : results.iterator().next();
        if (rr == null || rr.getPrimaryResult() == null) {
            return new ForkJob.Outcome("failed", null, List.of(), "JMH returned no result", wall, Map.of());
        }
        List<Double> samples = new ArrayList<>();
        for (var br : rr.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                samples.add(ir.getPrimaryResult().getScore());
            }
        }
        Map<String, Double> secondary = new LinkedHashMap<>();
        rr.getSecondaryResults().forEach((name, r) -> {
            if (Double.isFinite(r.getScore())) {
                secondary.put(name.replaceFirst("^\u00b7", ""), r.getScore());     // older JMH versions: "·gc..."
            }
        });
        return new ForkJob.Outcome("ok", rr.getPrimaryResult().getScoreUnit(), samples, null, wall, secondary);
    }
}
