package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Patterns;
import io.gluebench.result.RunStore;
import io.gluebench.workload.Workloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short soak end to end: the fork and the worker it starts are both watched, their samples are
 * written, the calls are counted, and nothing outlives the soak.
 */
class SoakTest {
    @TempDir
    Path results;

    @Test
    void aShortSoakWatchesTheForkAndItsWorker() throws Exception {
        List<Soak.Item> items = List.of(
                new Soak.Item(Patterns.byName("java").orElseThrow(), Workloads.byName("dot").orElseThrow(), 1000),
                new Soak.Item(Patterns.byName("worker-python").orElseThrow(), Workloads.byName("dot").orElseThrow(), 1000));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path dir = new Soak(TestEnv.env(), new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(items, 8, 1, results, "test").dir();
        Soak.Report r = new RunStore().mapper().readValue(dir.resolve("soak.json").toFile(), Soak.Report.class);
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        assertEquals(2, r.processes().size(), "the fork and worker-python's worker: " + r.processes());
        assertTrue(r.processes().get(1).name().contains("worker-python"), r.processes().toString());
        assertEquals(2, r.results().size());
        for (Soak.Result x : r.results()) {
            assertTrue(x.firstMib() > 1 && x.peakMib() >= x.lastMib() && x.peakMib() >= x.firstMib(), x.toString());
        }
        assertTrue(r.results().get(0).firstMib() >= 512, "the fork's heap is touched before the calls: " + r.results());
        assertTrue(r.calls().values().stream().allMatch(c -> c > 0), "every point was called: " + r.calls());
        List<String> csv = Files.readAllLines(dir.resolve("soak.csv"));
        assertEquals("seconds,pid,name,rss_bytes", csv.get(0));
        assertTrue(csv.size() > 10, "a sample a second for both processes: " + csv.size());
        assertFalse(Files.exists(dir.resolve(io.gluebench.pattern.Scratch.FOLDER)));
        for (Soak.Process p : r.processes()) {
            assertTrue(ProcessHandle.of(p.pid()).map(h -> !h.isAlive()).orElse(true), "process " + p.pid() + " is gone");
        }
    }
}
