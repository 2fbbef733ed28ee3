package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the harness reads back from a fork's JMH output. */
class PointRunnerLogTest {
    @TempDir
    Path dir;

    @Test
    void aFailureKeepsTheMessageAndTheWorkersStderrButNotTheStackFrames() throws Exception {
        Path log = dir.resolve("point.log");
        Files.writeString(log, String.join("\n",
                "# Warmup Iteration   1: 1234.5 ns/op",
                "# Warmup Iteration   2: 1,000.25 ns/op",
                "<failure>",
                "",
                "io.gluebench.pattern.PatternException: the worker died (end of stream) (exit code 3); its stderr ends with:",
                "MemoryError: out of memory",
                "\tat io.gluebench.pattern.worker.WorkerProcess.roundTrip(WorkerProcess.java:80)",
                "\tat io.gluebench.suite.PointBenchmark.call(PointBenchmark.java:90)"));
        assertEquals("the worker died (end of stream) (exit code 3); its stderr ends with:\nMemoryError: out of memory",
                ForkLauncher.thrownInFork(log), "the message without the exception's class name, the worker's stderr kept");
        assertEquals(List.of(1234.5, 1000.25), PointRunner.warmup(log));
    }

    @Test
    void noFailureNoMessage() throws Exception {
        Path log = dir.resolve("ok.log");
        Files.writeString(log, "# Run complete.\n");
        assertNull(ForkLauncher.thrownInFork(log));
        assertNull(ForkLauncher.thrownInFork(dir.resolve("missing.log")));
    }
}
