package io.gluebench.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Machine;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart file names come from workload names; a name that would leave the charts folder is refused. */
class ChartNamesTest {
    @TempDir
    Path dir;

    static Run runWithWorkload(String workload) {
        Machine m = new Machine("m1", "host", "cpu", 2, 1L << 30, "os", "k", "v", "25", Map.of(), "abc", false,
                "2026-11-25T18:00:00Z", 0.1);
        List<Point> points = List.of(1, 10, 100, 1000).stream()
                .map(n -> new Point(workload, "java", n, null, null, Point.OK, "ns/op", 10.0 + n, 1.0,
                        List.of(10.0 + n, 11.0 + n), List.of(), null, null, null, List.of(), 1.0))
                .toList();
        return new Run(Run.FORMAT_VERSION, "r1", "quick", "complete", null, null, m, Map.of(), List.of(), points,
                List.of(), List.of(), List.of());
    }

    @Test
    void aTraversingWorkloadNameWritesNothing() throws Exception {
        Path charts = dir.resolve("run").resolve("charts");
        for (String bad : List.of("../../etc/x", "a/b", "..")) {
            assertThrows(IllegalArgumentException.class, () -> Charts.writeAll(runWithWorkload(bad), charts));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".png")), "no chart written anywhere");
        }
    }

    @Test
    void theLoaderRefusesSuchANameFirst() throws Exception {
        RunStore store = new RunStore();
        store.write(dir, runWithWorkload("dot"));
        Path f = dir.resolve(RunStore.RUN_FILE);
        Files.writeString(f, Files.readString(f).replace("\"dot\"", "\"../../etc/x\""));
        var e = assertThrows(io.gluebench.result.ResultFormatException.class, () -> store.read(dir));
        assertTrue(e.getMessage().contains("points[0].workload: '../../etc/x' is not a name"), e.getMessage());
    }

    @Test
    void chartsAreNotWrittenThroughALink() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path charts = Files.createSymbolicLink(dir.resolve("charts"), elsewhere);
        assertThrows(java.io.IOException.class, () -> Charts.writeAll(runWithWorkload("dot"), charts));
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertFalse(s.findAny().isPresent());
        }
    }
}
