package io.gluebench.cli;

import io.gluebench.analysis.Growth;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.run.Plan;
import io.gluebench.run.Soak;
import io.gluebench.run.UsageException;
import io.gluebench.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** Hours of calls in one fork, watching the memory of the fork and its workers: does anything leak? */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Call each point back to back in one long-lived fork for MINUTES while the resident memory of the "
                + "fork and of each worker is sampled; print each process's growth per hour with its 95%% interval. "
                + "Writes soak.json and soak.csv to results/<machine>/<time>-soak/. Not timed; not part of a run.",
        defaultValueProvider = SoakCommand.DefaultPatterns.class)
public final class SoakCommand implements Callable<Integer> {
    /** The patterns soaked when no --pattern is given: those the catalogue declares {@code soakDefault}, in its order. */
    static final List<String> DEFAULT_PATTERNS = Patterns.ALL.stream().filter(PatternSpec::soakDefault)
            .map(PatternSpec::name).toList();

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "30", description = "How long (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--pattern", split = ",", paramLabel = "P",
            description = "Patterns (default: the in-process CPython and worker patterns, ${DEFAULT-VALUE}).")
    List<String> patterns;

    @Option(names = "--workload", split = ",", paramLabel = "W", description = "Workloads (default: dot,records).")
    List<String> workloads = new ArrayList<>(List.of("dot", "records"));

    @Option(names = "--size", paramLabel = "N", converter = SizeConverter.class, defaultValue = "1000",
            description = "The size N of every point (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--sample-seconds", paramLabel = "S", defaultValue = "10",
            description = "Seconds between memory samples (default ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--results", paramLabel = "DIR", description = "Results root (default: results/ in the project).")
    Path results;

    @Override
    public Integer call() throws Exception {
        if (minutes < 0.25 || minutes > 24 * 60) {
            throw new UsageException("--minutes " + minutes + " is out of range: give 0.25 to 1440");
        }
        if (sampleSeconds < 1 || sampleSeconds > 600) {
            throw new UsageException("--sample-seconds " + sampleSeconds + " is out of range: give 1 to 600");
        }
        PatternEnv env = PatternEnv.fromSystem();
        List<Soak.Item> items = new ArrayList<>();
        for (String w : workloads) {
            Workload workload = Plan.workload(w);
            Plan.checkSize(workload, size);
            for (String p : patterns) {
                items.add(new Soak.Item(Plan.pattern(p), workload, size));
            }
        }
        int seconds = (int) Math.round(minutes * 60);
        String command = "./gluebench soak --minutes " + fmt(minutes) + " --pattern " + String.join(",", patterns)
                + " --workload " + String.join(",", workloads) + " --size " + size + " --sample-seconds " + sampleSeconds;
        System.out.printf(Locale.ROOT, "soak: %d points in one fork for %s min, memory sampled every %d s%n", items.size(),
                fmt(minutes), sampleSeconds);
        Soak.Done done = new Soak(env, System.out).run(items, seconds, sampleSeconds,
                results == null ? env.resultsDir() : results.toAbsolutePath(), command);
        Soak.Report r = done.report();
        print(r);
        System.out.println(done.dir());
        return r.failures().isEmpty() ? Main.OK : Main.FAILED;
    }

    /** Gives --pattern its default, {@link #DEFAULT_PATTERNS}, which the catalogue declares (an annotation cannot). */
    static final class DefaultPatterns implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o && o.longestName().equals("--pattern") ? String.join(",", DEFAULT_PATTERNS)
                    : null;
        }
    }

    static void print(Soak.Report r) {
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s  %s%n", "process", "first", "peak", "last",
                "growth after the first " + Math.round(Growth.WARMUP_SHARE * 100) + "% (95% interval)");
        for (Soak.Result x : r.results()) {
            System.out.printf(Locale.ROOT, "%-40s %6.0f MiB %5.0f MiB %5.0f MiB  %s: %s%n", x.name(), x.firstMib(),
                    x.peakMib(), x.lastMib(), x.growth().verdict(), x.growth().text());
        }
        long total = r.calls().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%,d calls in %.0f min over %d points%n", total, r.seconds() / 60, r.points().size());
        for (String f : r.failures()) {
            System.out.println("failed: " + f);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
