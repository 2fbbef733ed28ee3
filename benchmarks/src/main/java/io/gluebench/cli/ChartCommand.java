package io.gluebench.cli;

import io.gluebench.chart.Charts;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true, description = "Redraw the charts of a stored run folder.")
public final class ChartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder holding run.json.")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        Run run = new RunStore().read(runDir);
        Path dir = (runDir.toFile().isDirectory() ? runDir : runDir.getParent()).resolve("charts");
        List<Path> written = Charts.writeAll(run, dir);
        written.forEach(p -> System.out.println(p));
        if (written.isEmpty()) {
            System.out.println("no measured points in " + runDir + "; nothing to draw");
        }
        return 0;
    }
}
