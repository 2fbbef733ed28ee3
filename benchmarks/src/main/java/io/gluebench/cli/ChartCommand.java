package io.gluebench.cli;

import io.gluebench.analysis.Fastest;
import io.gluebench.publish.Publisher;
import io.gluebench.chart.ChartOptions;
import io.gluebench.result.Names;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.Catalog;
import io.gluebench.run.Suggest;
import io.gluebench.run.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true, description = {
        "Redraw the charts of a stored run folder; nothing is measured.",
        "With --pattern: a slide per workload, the time-per-call chart of those patterns alone, into --out DIR"
                + " as slide-<workload>.png and .svg, or into the run's charts/ folder as <workload>@<p1>_<p2>_....png"
                + " (never over the run's own charts)."})
public final class ChartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder holding run.json, or latest (the newest run under results/).")
    Path runDir;

    @Option(names = "--baseline", paramLabel = "P",
            description = "Pattern the speed-up heatmap is relative to (default: the run's first pattern that runs"
                    + " the Python in CPython, jep-python in a full run).")
    String baseline;

    @Option(names = "--overhead-at", paramLabel = "N", converter = SizeConverter.class,
            description = "Size of the overhead breakdown (default: a middle size most patterns have).")
    Integer overheadAt;

    @Option(names = "--pattern", split = ",", paramLabel = "P",
            description = "Draw a slide of these patterns only (the run's stored points, analysed as if they were all it measured).")
    List<String> patterns;

    @Option(names = "--workload", split = ",", paramLabel = "W",
            description = "With --pattern: the workloads to draw a slide of (default: every workload the patterns measured).")
    List<String> workloads;

    @Option(names = "--highlight", paramLabel = "P",
            description = "With --pattern: draw this one of them bold and thick, the others normal.")
    String highlight;

    @Option(names = "--title", paramLabel = "TEXT",
            description = "With --pattern: the slide's title (default: the finding, e.g. \"dot: jep-numpy wins above N≈40\").")
    String title;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write into DIR instead of the run's charts/ folder (slides as slide-<workload>.png and .svg).")
    Path out;

    @Override
    public Integer call() throws Exception {
        runDir = RunDirs.resolve(runDir);
        Run run = Catalog.complete(new RunStore().read(runDir));
        Main.warnFormat(run);
        List<String> measured = Fastest.catalogueOrder(run);
        if (baseline != null && !measured.contains(baseline)) {
            throw new UsageException("--baseline " + baseline + " is not in this run; it has: " + String.join(", ", measured));
        }
        if (patterns == null && (highlight != null || title != null || workloads != null)) {
            throw new UsageException((highlight != null ? "--highlight" : title != null ? "--title" : "--workload")
                    + " draws a slide: name its patterns with --pattern a,b,c");
        }
        Path charts = (runDir.toFile().isDirectory() ? runDir : runDir.getParent()).resolve("charts");
        ChartOptions options = new ChartOptions(baseline, overheadAt,
                highlight, title);
        List<Path> written;
        if (patterns != null) {
            List<String> chosen = chosen(patterns, measured);
            List<String> drawn = slideWorkloads(run, chosen);
            Path dir = out == null ? charts : out;
            Function<String, String> name = out == null || sameFolder(out, charts) ? w -> subsetName(w, chosen) : w -> "slide-" + w;
            written = Publisher.slides(run, chosen, drawn, options, dir, name);
        } else if (out != null) {
            written = Publisher.chartsInto(run, out, options);
        } else {
            written = Publisher.charts(run, charts.getParent(), options).charts();
        }
        written.forEach(p -> System.out.println(p));
        if (written.isEmpty()) {
            System.out.println("no measured points in " + runDir + (patterns == null ? "" : " for " + String.join(", ", patterns))
                    + "; nothing to draw");
        }
        return 0;
    }

    /** The --pattern names, each one the run measured, without repeats; the highlight one of them. */
    private List<String> chosen(List<String> given, List<String> measured) throws UsageException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : given) {
            String name = p.strip();
            if (!measured.contains(name)) {
                throw new UsageException("--pattern " + name + " is not in this run" + Suggest.closest(name, measured)
                        + "; it has: " + String.join(", ", measured));
            }
            out.add(name);
        }
        if (highlight != null && !out.contains(highlight)) {
            throw new UsageException("--highlight " + highlight + " is not one of --pattern" + Suggest.closest(highlight, out)
                    + ": " + String.join(", ", out));
        }
        return List.copyOf(out);
    }

    /** The --workload names (each one the chosen patterns measured), or every workload they measured. */
    private List<String> slideWorkloads(Run run, List<String> chosen) throws UsageException {
        List<String> have = run.points().stream().filter(p -> chosen.contains(p.series())).map(Point::workload)
                .distinct().toList();
        if (workloads == null) {
            return have;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String w : workloads) {
            String name = w.strip();
            if (!have.contains(name)) {
                throw new UsageException("--workload " + name + " has no point of " + String.join(", ", chosen)
                        + " in this run" + Suggest.closest(name, have) + "; they measured: " + String.join(", ", have));
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    /**
     * The file name of a subset's slide in the run's charts/ folder: workload@p1_p2_..., so that it says
     * which patterns it shows; '@' is in no workload's name, so no chart of the run's own is ever
     * overwritten. Too long a name becomes workload@k-patterns-hash.
     */
    static String subsetName(String workload, List<String> patterns) {
        String name = workload + "@" + String.join("_", patterns);
        if (name.length() <= Names.MAX_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join(",", patterns).getBytes(StandardCharsets.UTF_8));
            return workload + "@" + patterns.size() + "-patterns-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isDirectory(a) && Files.isDirectory(b) ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }
}
