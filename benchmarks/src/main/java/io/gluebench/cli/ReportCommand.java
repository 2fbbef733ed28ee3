package io.gluebench.cli;

import io.gluebench.publish.Publisher;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html (self-contained) and report.md for a stored run folder, over the charts in its charts/.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder holding run.json, or latest (the newest run under results/).")
    Path runDir;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE",
            description = "Also write one row per point, with its interval, as csv, md or json (columns: docs/results.md).")
    List<String> export;

    @Override
    public Integer call() throws Exception {
        runDir = RunDirs.resolve(runDir);
        Run run = Catalog.complete(new RunStore().read(runDir));
        Main.warnFormat(run);
        Path dir = runDir.toFile().isDirectory() ? runDir : runDir.toAbsolutePath().getParent();
        String refused = export == null ? null : io.gluebench.report.Exports.refusal(export.get(0));
        if (refused != null) {
            throw new io.gluebench.run.UsageException(refused);
        }
        List<Path> written = new java.util.ArrayList<>(Publisher.reports(run, dir).reports());
        if (export != null) {
            written.add(io.gluebench.report.Exports.write(run, export.get(0), Path.of(export.get(1))));
        }
        written.forEach(System.out::println);
        return 0;
    }
}
