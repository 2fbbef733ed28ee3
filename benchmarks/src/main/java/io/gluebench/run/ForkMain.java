package io.gluebench.run;

import io.gluebench.result.RunStore;
import io.gluebench.suite.PointBenchmark;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The main class of one fork: a fresh JVM, started by {@link ForkLauncher} with the pattern's
 * flags, that measures the points of its {@link ForkJob} one after another, each through JMH run
 * in this JVM (JMH's own forking is off: this JVM is the fork). Each point's outcome is written
 * to its file as soon as it is known, so a crash or a kill loses only the point in progress.
 *
 * <p>Why one JVM measures several points: a fresh JVM, its interpreter or worker and the Graal
 * compiler's own warm-up cost seconds; paid once per fork rather than once per point, the same
 * time buys forks, which is where the variation is. One fork holds one pattern (one workload too,
 * for the patterns whose call sites would otherwise see several receiver types), so a point's
 * neighbours in a fork run the same code.
 */
public final class ForkMain {
    private ForkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ForkMain JOB.json (started by the gluebench harness, not by hand)");
            System.exit(2);
        }
        RunStore store = new RunStore();
        ForkJob job = store.mapper().readValue(Path.of(args[0]).toFile(), ForkJob.class);
        boolean first = true;
        for (ForkJob.Entry e : job.points()) {
            String warmup = first && job.firstWarmup() != null ? job.firstWarmup() : job.warmup();
            first = false;
            if (warmup != null) {
                System.setProperty(PointBenchmark.WARMUP_PROPERTY, warmup);
            } else {
                System.clearProperty(PointBenchmark.WARMUP_PROPERTY);
            }
            long started = System.nanoTime();
            System.setProperty(PointBenchmark.STATUS_PROPERTY, e.statusFile());
            System.setProperty(PointBenchmark.WARMUP_FILE_PROPERTY, e.warmupFile());
            ForkJob.Outcome outcome;
            try (OutputStream log = Files.newOutputStream(Path.of(e.logFile()));
                 PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8)) {
                var options = new OptionsBuilder()
                        .include("^" + Pattern.quote(PointBenchmark.class.getName()) + "\\.call$")
                        .param("workload", e.workload())
                        .param("pattern", e.pattern())
                        .param("size", Integer.toString(e.size()))
                        .forks(0)
                        .warmupIterations(job.warmupIterations())
                        .warmupTime(TimeValue.milliseconds(job.warmupMillis()))
                        .measurementIterations(job.measurementIterations())
                        .measurementTime(TimeValue.milliseconds(job.measurementMillis()))
                        .shouldFailOnError(true)
                        .result(e.jmhFile())
                        .resultFormat(ResultFormatType.JSON)
                        .build();
                Collection<RunResult> results;
                try {
                    results = new Runner(options, OutputFormatFactory.createFormatInstance(ps, VerboseMode.NORMAL)).run();
                } catch (RunnerException ex) {
                    results = List.of();
                    ps.println("<failure>");
                    ps.println(ex.getMessage());
                }
                outcome = outcome(results, (System.nanoTime() - started) / 1e9);
            }
            store.writeJson(Path.of(e.outFile()), outcome);
        }
        System.exit(0);
    }

    private static ForkJob.Outcome outcome(Collection<RunResult> results, double wall) {
        RunResult rr = results.isEmpty() ? null : results.iterator().next();
        if (rr == null || rr.getPrimaryResult() == null) {
            return new ForkJob.Outcome("failed", null, List.of(), "JMH returned no result", wall);
        }
        List<Double> samples = new ArrayList<>();
        for (var br : rr.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                samples.add(ir.getPrimaryResult().getScore());
            }
        }
        return new ForkJob.Outcome("ok", rr.getPrimaryResult().getScoreUnit(), samples, null, wall);
    }
}
