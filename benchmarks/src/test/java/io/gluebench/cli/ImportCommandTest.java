package io.gluebench.cli;

import static io.gluebench.cli.CliRun.assertOneLine;
import static io.gluebench.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;



    private static Path jmhFile() throws Exception {
        return Path.of(ImportCommandTest.class.getResource("/jmh/dot-jni-10000.json").toURI());
    }

    @Test
    void importsARunThatChartAndReportRead() throws Exception {
        Path results = dir.resolve("results");
        CliRun o = run("import", jmhFile().toString(), "--machine-name", "laptop", "--results", results.toString());
        assertEquals(0, o.code(), o.err());
        Path runDir;
        try (Stream<Path> s = Files.list(results.resolve("laptop"))) {
            runDir = s.findFirst().orElseThrow();
        }
        assertTrue(runDir.getFileName().toString().endsWith("-imported"), runDir.toString());
        new RunStore().read(runDir);
        assertEquals(0, run("chart", runDir.toString()).code());
        assertEquals(0, run("report", runDir.toString()).code());
        assertTrue(Files.readString(runDir.resolve("report.md")).contains("imported from dot-jni-10000.json"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"benchmark\": 3}]");
        for (CliRun o : new CliRun[] {
            run("import", bad.toString(), "--results", dir.toString()),
            run("import", dir.resolve("missing.json").toString(), "--results", dir.toString()),
            run("import", jmhFile().toString(), "--machine-name", "../x", "--results", dir.toString())}) {
            assertOneLine(o);
        }
        String err = run("import", bad.toString(), "--results", dir.toString()).err();
        assertTrue(err.contains(bad + ": [0].mode: missing"), err);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only bad.json: nothing was written");
        }
    }
}
