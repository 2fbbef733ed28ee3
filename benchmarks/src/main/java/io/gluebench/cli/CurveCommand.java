package io.gluebench.cli;

import io.gluebench.result.Units;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.run.ForkFlags;
import io.gluebench.run.UsageException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The plain-loop warm-up curve of one point in a fresh fork: the yardstick a run's warm-up is
 * judged against (is the JMH number within x% of where a long-lived process ends up?).
 */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = "Time one point in a fresh JVM, call after call, for SECONDS, and print the mean time per call of "
                + "each second and the steady level (the mean of the last third): the yardstick for a run's warm-up. "
                + "Each call is timed with the clock read beside it (~20-30 ns here), so use it for calls of a microsecond or more.")
public final class CurveCommand implements Callable<Integer> {
    @Option(names = "--pattern", required = true, paramLabel = "P", description = "The pattern, e.g. graalpy.")
    String pattern;

    @Option(names = "--workload", required = true, paramLabel = "W", description = "The workload, e.g. nbody.")
    String workload;

    @Option(names = "--size", required = true, paramLabel = "N", converter = SizeConverter.class,
            description = "The size N.")
    Integer size;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "How long (default ${DEFAULT-VALUE}).")
    int seconds;

    @Override
    public Integer call() throws Exception {
        var spec = io.gluebench.run.Plan.pattern(pattern);
        var w = io.gluebench.run.Plan.workload(workload);
        io.gluebench.run.Plan.checkSize(w, size);
        if (seconds < 3 || seconds > 3600) {
            throw new UsageException("--seconds " + seconds + " is out of range: give 3 to 3600");
        }
        PatternEnv env = PatternEnv.fromSystem();
        List<String> cmd = new ArrayList<>();
        cmd.add(ForkFlags.javaBinary());
        cmd.addAll(ForkFlags.forPattern(env, spec));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(io.gluebench.suite.LoopMain.class.getName());
        cmd.add(spec.name());
        cmd.add(w.name());
        cmd.add(Integer.toString(size));
        cmd.add(Integer.toString(seconds));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Double> means = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%s %s N=%d, a fresh JVM, one call after another:%n", spec.name(), w.name(), size);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split(" ");
                if (f.length == 4) {
                    double ns = Double.parseDouble(f[2]);
                    means.add(ns);
                    long compiled = Long.parseLong(f[3]);
                    System.out.printf(Locale.ROOT, "  %3s s  %10s calls  %9s per call%s%n", f[0], f[1],
                            Units.nanos(ns),
                            compiled < 0 ? "" : "  " + compiled + " JIT compilation" + (compiled == 1 ? "" : "s"));
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || means.isEmpty()) {
            System.err.println("gluebench: the fork ended with status " + rc + " before it timed anything; "
                    + "./gluebench verify --pattern " + spec.name() + " --workload " + w.name() + " shows why");
            return 1;
        }
        List<Double> tail = means.subList(means.size() - Math.max(1, means.size() / 3), means.size());
        double steady = tail.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double lo = tail.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = tail.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "steady level (the last %d s): %s (%s – %s)%n", tail.size(),
                Units.nanos(steady), Units.nanos(lo),
                Units.nanos(hi));
        return 0;
    }
}
