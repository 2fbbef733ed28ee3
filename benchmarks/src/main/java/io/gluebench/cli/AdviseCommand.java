package io.gluebench.cli;

import io.gluebench.result.Units;
import io.gluebench.analysis.Advisor;
import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Analyzer;
import io.gluebench.report.TextTable;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.Catalog;
import io.gluebench.run.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "advise", mixinStandardHelpOptions = true,
        description = "Which pattern for my case? Ranks the patterns of a stored run by predicted time per call at N.")
public final class AdviseCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = "A run folder holding run.json, or latest (the newest run under results/).")
    Path runDir;

    @Option(names = "--workload", required = true, paramLabel = "W", description = "The workload.")
    String workload;

    @Option(names = "--size", required = true, paramLabel = "N", converter = SizeConverter.class, description = "The size N.")
    int size;

    @Option(names = "--calls-per-second", paramLabel = "R",
            description = "Calls per second you need; the advice adds the share of one core they take.")
    Double callsPerSecond;

    @Option(names = "--callers", paramLabel = "T",
            description = "How many threads call at once (answers the fourth question for your case).")
    Integer callers;

    @Option(names = "--json", description = "Print the advice as one JSON document (see docs/decisions.md: advise --json).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        runDir = RunDirs.resolve(runDir);
        Run run = Catalog.complete(new RunStore().read(runDir));
        Main.warnFormat(run);
        List<String> workloads = run.points().stream().map(p -> p.workload()).distinct().toList();
        if (!workloads.contains(workload)) {
            throw new UsageException("workload '" + workload + "' is not in " + runDir + "; it has: " + String.join(", ", workloads));
        }
        if (callsPerSecond != null && !(callsPerSecond > 0)) {
            throw new UsageException("--calls-per-second must be a positive number, e.g. 1000");
        }
        if (callers != null && callers < 1) {
            throw new UsageException("--callers must be a whole number of threads, 1 or more, e.g. 4");
        }
        Analysis analysis = Analyzer.analyze(run);
        Advisor.Advice a = Advisor.advise(run, analysis, workload, size, callsPerSecond, callers);
        if (json) {
            System.out.println(new RunStore().mapper().writeValueAsString(a));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(List.of("rank", "pattern", "time per call", "95% band", "basis")));
        if (callsPerSecond != null) {
            rows.get(0).add("cores at " + String.format(Locale.ROOT, "%.0f/s", callsPerSecond));
        }
        int i = 1;
        for (Advisor.Rank r : a.ranking()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(i++), r.pattern(),
                    Units.nanos(r.predictedNs()),
                    Units.nanos(r.low()) + " – " + Units.nanos(r.high()),
                    r.basis() + (r.extrapolated() ? ", EXTRAPOLATED" : "") + (r.modelFits() ? "" : ", model misfits")));
            if (callsPerSecond != null) {
                row.add(String.format(Locale.ROOT, "%.3g", r.coreShare()));
            }
            rows.add(row);
        }
        System.out.printf("%s at N=%d, from %s%n%n", workload, size, run.runId());
        int k = 1;
        for (var q : a.questions()) {
            System.out.printf("%d. %s  [%s]%n   %s%n%n", k++, q.question(), q.verdict(), q.text());
        }
        var rec = a.recommendation();
        System.out.printf("Recommendation: %s%s: %s.%n%n", rec.action(), rec.pattern() == null ? "" : " (" + rec.pattern() + ")",
                rec.because());
        System.out.print(TextTable.render(rows));
        if (a.nearestCrossover() != null) {
            var n = a.nearestCrossover();
            System.out.printf(Locale.ROOT, "%nnearest crossover: %s -> %s at N*≈%.0f%s; N is %.2g× N* (%s)%n",
                    n.smallWinner(), n.largeWinner(), n.crossoverN(),
                    n.ci() == null ? "" : String.format(Locale.ROOT, " (95%% CI %.0f–%.0f)", n.ci().lo(), n.ci().hi()),
                    n.ratio(), n.side());
        }
        System.out.printf("%n%s%n", a.reasoning());
        for (String note : a.notes()) {
            System.out.println("note: " + note);
        }
        return 0;
    }
}
