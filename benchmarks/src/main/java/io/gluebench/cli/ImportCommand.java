package io.gluebench.cli;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.JmhImport;
import io.gluebench.result.Point;
import io.gluebench.run.Fingerprint;
import io.gluebench.run.UsageException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn plain JMH JSON (-rf json) from elsewhere into a run folder results/<machine>/<run-id>-imported/,"
                + " which chart, report and advise then read like any run.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JMH_JSON", description = "A JMH result file written with -rf json.")
    Path jmhJson;

    @Option(names = "--machine-name", paramLabel = "NAME",
            description = "The machine folder to import into (default: imported- and a hash of the file).")
    String machineName;

    @Option(names = "--results", paramLabel = "DIR", description = "Results root (default: results/ in the project).")
    Path results;

    @Override
    public Integer call() throws Exception {
        String badName = Fingerprint.checkMachineName(machineName);
        if (badName != null) {
            throw new UsageException(badName);
        }
        Path root = results == null ? PatternEnv.fromSystem().resultsDir() : results.toAbsolutePath();
        JmhImport.Imported imported = JmhImport.importFile(jmhJson, machineName, root, Instant.now());
        long ok = imported.run().points().stream().filter(Point::isOk).count();
        long refused = imported.run().points().size() - ok;
        System.out.println(imported.runDir());
        System.out.printf("%d point%s imported%s; not verified by gluebench (its origin is recorded in run.json)%n", ok,
                ok == 1 ? "" : "s", refused == 0 ? "" : ", " + refused + " throughput result" + (refused == 1 ? "" : "s")
                        + " listed as skipped (the mean of a throughput is not a mean time per call)");
        return 0;
    }
}
