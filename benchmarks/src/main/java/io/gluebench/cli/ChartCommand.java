package io.gluebench.cli;

import io.gluebench.publish.Publisher;
import io.gluebench.chart.ChartOptions;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true, description = "Redraw the charts of a stored run folder.")
public final class ChartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder holding run.json, or latest (the newest run under results/).")
    Path runDir;

    @Option(names = "--baseline", paramLabel = "P",
            description = "Pattern the speed-up heatmap is relative to (default: " + ChartOptions.DEFAULT_BASELINE + ").")
    String baseline;

    @Option(names = "--overhead-at", paramLabel = "N", converter = SizeConverter.class,
            description = "Size of the overhead breakdown (default: a middle size most patterns have).")
    Integer overheadAt;

    @Override
    public Integer call() throws Exception {
        runDir = RunDirs.resolve(runDir);
        Run run = Catalog.complete(new RunStore().read(runDir));
        Main.warnFormat(run);
        if (baseline != null && run.points().stream().noneMatch(p -> p.pattern().equals(baseline))) {
            throw new io.gluebench.run.UsageException("--baseline " + baseline + " is not in this run; it has: "
                    + String.join(", ", run.points().stream().map(p -> p.pattern()).distinct().toList()));
        }
        Path dir = (runDir.toFile().isDirectory() ? runDir : runDir.getParent()).resolve("charts");
        List<Path> written = Publisher.charts(run, dir.getParent(),
                new ChartOptions(baseline == null ? ChartOptions.DEFAULT_BASELINE : baseline, overheadAt)).charts();
        written.forEach(p -> System.out.println(p));
        if (written.isEmpty()) {
            System.out.println("no measured points in " + runDir + "; nothing to draw");
        }
        return 0;
    }
}
