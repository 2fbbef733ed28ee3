package io.gluebench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RunStoreTest {
    @TempDir
    Path dir;

    private final RunStore store = new RunStore();

    public static Run sample() {
        Machine m = new Machine("amd-epyc-2c-24g-abcdef", "host", "AMD EPYC", 2, 24L << 30, "Debian 12", "6.1",
                "Eclipse Adoptium", "25.0.3", Map.of("cpython", "3.11.7", "numpy", "2.4.6"), "0123abcd", true,
                "2026-11-25T18:00:00Z", 0.25);
        Verification v = new Verification("dot", "jni", 1000, "-5.95", "-5.95", true, "", null, -5.95);
        Point ok = new Point("dot", "jni", 1000, null, null, Point.OK, "ns/op", 1234.5, 12.5,
                List.of(1230.0, 1239.0), List.of(1500.0), v, null, "jmh/dot-jni-1000.json", List.of("-Xmx2g"), 3.2,
                new Point.Warmup(2, 300),
                List.of(new Fork(0, 3, List.of(1230.0), List.of(1500.0, 1240.0), 0.6, "warm-up", 1, 1.5,
                                "jmh/dot-jni-1000-f0.json"),
                        new Fork(1, 7, List.of(1239.0), List.of(1238.0), 0.5, "flat", 0, 1.4, "jmh/dot-jni-1000-f1.json")),
                "warm-up", 1220.0, 1250.0);
        Point failed = new Point("dot", "worker-python", 1000, null, null, Point.FAILED, "ns/op", null, null,
                List.of(), List.of(), null, "the worker died (exit code 3); its stderr ends with:\nboom", null, List.of(), 1.0);
        return new Run(Run.FORMAT_VERSION, "20261125-180000-quick", "quick", "complete", "2026-11-25T18:00:00Z",
                "2026-11-25T18:09:00Z", m, Map.of("mode", "AverageTime"),
                List.of(new Floor("jni_noop", "jni", 4.6, 0.1, "jmh", "empty call")),
                List.of(ok, failed), List.of(new SkippedPattern("graalpy", "missing jars; run ./gluebench setup")),
                List.of(new PatternInfo("jni", io.gluebench.result.Family.of("jni"), io.gluebench.result.Kind.NATIVE, false, "JNI", "")),
                List.of(new WorkloadInfo("dot", "doubles", "N", "dot product")),
                List.of(new Startup("jni", "dot", 1000, Point.OK, 2, 4, List.of(410.0, 430.0), List.of(900.0, 950.0),
                        List.of(5000.0, 3000.0, 1300.0), 1234.5, null, "jmh/startup-dot-jni-1000.json"),
                        new Startup("jep-python", "dot", 1000, Point.SKIPPED, 2, 4, null, null, null, null,
                                "Jep is not installed; run ./gluebench setup", null)),
                List.of(new Scaling("worker-python", "dot", 1000, Point.OK, List.of(1, 2), List.of(4000.0, 7800.0),
                        java.util.Arrays.asList(100.0, null), 1.95, null, List.of("jmh/a.json", "jmh/b.json"))));
    }

    @Test
    void startupsAndScalingAreReplacedPerPattern() {
        Run run = sample();
        Startup again = run.startups().get(0);
        assertEquals(2, run.withStartup(again).startups().size());
        assertEquals(1, run.withScaling(run.scaling().get(0)).scaling().size());
        assertEquals(420.0, again.medianFirstResultMillis());
        assertEquals(1300.0, again.tailNanos());
        assertEquals(5000.0, again.secondCallNanos());
    }

    @Test
    void aRunWithoutStartupOrScalingReadsAsEmptyLists() throws Exception {
        Run run = sample();
        Run bare = new Run(run.formatVersion(), run.runId(), run.profile(), run.status(), run.startedAt(), run.finishedAt(),
                run.machine(), run.settings(), run.floors(), run.points(), run.skipped(), run.patterns(), run.workloads());
        store.write(dir, bare);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) store.mapper().readTree(dir.resolve("run.json").toFile());
        tree.remove(List.of("startups", "scaling"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("points").get(0)).remove("warmupGiven");
        store.mapper().writeValue(dir.resolve("run.json").toFile(), tree);
        Run back = store.read(dir);
        assertTrue(back.startups().isEmpty() && back.scaling().isEmpty(), "files written before these fields still read");
        assertEquals(null, back.points().get(0).warmupGiven());
    }

    @Test
    void roundTripsEveryField() throws Exception {
        Run run = sample();
        store.write(dir, run);
        assertEquals(run, store.read(dir));
        String json = Files.readString(dir.resolve("run.json"));
        assertTrue(json.contains("\"formatVersion\" : 2"), json);
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFiles() throws Exception {
        store.write(dir, sample());
        store.write(dir, sample().withPoint(sample().points().get(0)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("run.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void withPointReplacesTheSamePoint() {
        Run run = sample();
        Point again = run.points().get(0);
        assertEquals(2, run.withPoint(again).points().size());
    }

    @Test
    void refusesAnUnknownFormatVersionNamingTheFile() throws Exception {
        store.write(dir, sample());
        Path f = dir.resolve("run.json");
        Files.writeString(f, Files.readString(f).replace("\"formatVersion\" : 2", "\"formatVersion\" : 99"));
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> store.read(dir));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("formatVersion 99"), e.getMessage());
    }

    @Test
    void refusesTruncatedAndMissingFiles() throws Exception {
        store.write(dir, sample());
        Path f = dir.resolve("run.json");
        String json = Files.readString(f);
        Files.writeString(f, json.substring(0, json.length() / 2));
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> store.read(dir));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertThrows(ResultFormatException.class, () -> store.read(dir.resolve("nowhere")));
    }
}
