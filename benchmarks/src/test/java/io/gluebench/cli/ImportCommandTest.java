package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String err) {
    }

    private Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return new Outcome(cl.execute(args), err.toString());
    }

    private static Path jmhFile() throws Exception {
        return Path.of(ImportCommandTest.class.getResource("/jmh/dot-jni-10000.json").toURI());
    }

    @Test
    void importsARunThatChartAndReportRead() throws Exception {
        Path results = dir.resolve("results");
        Outcome o = run("import", jmhFile().toString(), "--machine-name", "laptop", "--results", results.toString());
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
        for (Outcome o : new Outcome[] {
            run("import", bad.toString(), "--results", dir.toString()),
            run("import", dir.resolve("missing.json").toString(), "--results", dir.toString()),
            run("import", jmhFile().toString(), "--machine-name", "../x", "--results", dir.toString())}) {
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
        }
        String err = run("import", bad.toString(), "--results", dir.toString()).err();
        assertTrue(err.contains(bad + ": [0].mode: missing"), err);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only bad.json: nothing was written");
        }
    }
}
