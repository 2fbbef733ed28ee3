package io.gluebench.cli;

import io.gluebench.publish.Publisher;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.html (self-contained) and report.md for a stored run folder, over the charts in its charts/.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder holding run.json.")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        Run run = Catalog.complete(new RunStore().read(runDir));
        Main.warnFormat(run);
        Path dir = runDir.toFile().isDirectory() ? runDir : runDir.toAbsolutePath().getParent();
        List<Path> written = Publisher.reports(run, dir).reports();
        written.forEach(System.out::println);
        return 0;
    }
}
