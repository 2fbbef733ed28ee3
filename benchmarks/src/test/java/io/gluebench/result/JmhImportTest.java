package io.gluebench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhImportTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:11:12Z");

    @TempDir
    Path dir;

    private final RunStore store = new RunStore();

    static Path realFile() throws Exception {
        return Path.of(JmhImportTest.class.getResource("/jmh/dot-jni-10000.json").toURI());
    }

    @Test
    void aRealPointBenchmarkFileImportsAndReadsBack() throws Exception {
        Path src = realFile();
        JmhImport.Imported imp = JmhImport.importFile(src, null, dir, NOW);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(src))).substring(0, 6);
        assertEquals(dir.resolve("imported-" + hash).resolve("20261126-101112-imported"), imp.runDir());
        Run run = store.read(imp.runDir());
        assertEquals(imp.run(), run);
        assertEquals("imported from dot-jni-10000.json", run.machine().origin());
        assertNull(run.machine().hostname());
        assertNull(run.machine().cpuModel());
        assertEquals(0, run.machine().cores());
        assertEquals("25.0.3", run.machine().jdkVersion());
        assertEquals(1, run.points().size());
        Point p = run.points().get(0);
        JsonNode e = store.mapper().readTree(src.toFile()).get(0);
        assertEquals(List.of("dot", "jni", 10000), List.of(p.workload(), p.series(), p.size()));
        assertEquals(Point.OK, p.status());
        assertEquals("ns/op", p.unit());
        assertEquals(e.at("/primaryMetric/score").asDouble(), p.score(), 1e-9);
        assertEquals(e.at("/primaryMetric/scoreError").asDouble(), p.scoreError(), 1e-9);
        List<Double> raw = new ArrayList<>();
        e.at("/primaryMetric/rawData").forEach(fork -> fork.forEach(x -> raw.add(x.asDouble())));
        assertEquals(raw, p.samples());
        assertEquals(new Point.Warmup(2, 300), p.warmupGiven());
        assertEquals("jmh/dot-jni-10000.json", p.jmhFile());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(src), Files.readAllBytes(imp.runDir().resolve(p.jmhFile()))),
                "the JMH file is copied as it was");
    }

    @Test
    void theMachineNameIsUsedAndNoRunFolderIsOverwritten() throws Exception {
        JmhImport.Imported a = JmhImport.importFile(realFile(), "laptop-1", dir, NOW);
        assertEquals(dir.resolve("laptop-1").resolve("20261126-101112-imported"), a.runDir());
        String before = Files.readString(a.runDir().resolve(RunStore.RUN_FILE));
        ResultFormatException e = assertThrows(ResultFormatException.class,
                () -> JmhImport.importFile(realFile(), "laptop-1", dir, NOW));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(before, Files.readString(a.runDir().resolve(RunStore.RUN_FILE)));
    }

    /** A plain JMH file: two methods, a param of its own, microseconds, and one throughput entry. */
    static String foreign() {
        return """
                [
                 {"jmhVersion":"1.36","benchmark":"org.acme.bench.Codec.encode","mode":"avgt","threads":1,"forks":2,
                  "jdkVersion":"21.0.2","warmupIterations":5,"warmupTime":"1 s","params":{"len":"16"},
                  "primaryMetric":{"score":1.5,"scoreError":"NaN","scoreUnit":"us/op","rawData":[[1.0,2.0],[1.5]]}},
                 {"jmhVersion":"1.36","benchmark":"org.acme.bench.Codec.encode","mode":"avgt","threads":1,"forks":2,
                  "params":{"len":"1024"},
                  "primaryMetric":{"score":0.25,"scoreError":0.01,"scoreUnit":"ms/op","rawData":[[0.25]]}},
                 {"jmhVersion":"1.36","benchmark":"org.acme.bench.Codec.decode","mode":"thrpt","threads":1,"forks":1,
                  "primaryMetric":{"score":1000.0,"scoreError":1.0,"scoreUnit":"ops/s","rawData":[[1000.0]]}}
                ]
                """;
    }

    @Test
    void aFileWithoutGluebenchParamsUsesClassAndMethodNames() throws Exception {
        Path f = Files.writeString(dir.resolve("acme results.json"), foreign());
        Run run = JmhImport.importFile(f, "ci", dir.resolve("results"), NOW).run();
        assertEquals(3, run.points().size());
        Point a = run.points().get(0);
        assertEquals(List.of("Codec", "encode-16", 0), List.of(a.workload(), a.series(), a.size()));
        assertEquals(1500.0, a.score(), 1e-9);
        assertNull(a.scoreError(), "JMH's NaN error (one fork) is no error");
        assertEquals(List.of(1000.0, 2000.0, 1500.0), a.samples());
        assertEquals(new Point.Warmup(5, 1000), a.warmupGiven());
        Point b = run.points().get(1);
        assertEquals("encode-1024", b.series());
        assertEquals(250_000.0, b.score(), 1e-6);
        assertEquals(10_000.0, b.scoreError(), 1e-6);
        Point thrpt = run.points().get(2);
        assertEquals(Point.SKIPPED, thrpt.status());
        assertTrue(thrpt.reason().contains("throughput"), thrpt.reason());
        assertEquals("jmh/acme_results.json", a.jmhFile());
        assertEquals("imported from acme results.json", run.machine().origin());
    }

    private String refused(String json, String... contains) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), json);
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> JmhImport.importFile(f, null, dir.resolve("r"), NOW));
        String m = e.getMessage();
        assertTrue(m.startsWith(f + ": "), m);
        assertEquals(1, m.lines().count(), m);
        for (String c : contains) {
            assertTrue(m.contains(c), "'" + c + "' in: " + m);
        }
        assertTrue(!Files.exists(dir.resolve("r")) || Files.list(dir.resolve("r")).findAny().isEmpty(), "nothing written");
        return m;
    }

    private String mutated(Consumer<ObjectNode> change) throws Exception {
        ArrayNode a = (ArrayNode) store.mapper().readTree(realFile().toFile());
        change.accept((ObjectNode) a.get(0));
        return store.mapper().writeValueAsString(a);
    }

    @Test
    void badFilesGiveOneLineNamingTheField() throws Exception {
        refused("", "not JMH JSON");
        refused("{}", "expected the array");
        refused("[]", "no benchmark results");
        refused(Files.readString(realFile()).substring(0, 300), "not JMH JSON");
        refused("[" + "[".repeat(1000) + "]".repeat(1000) + "]", "nesting depth");
        refused(mutated(e -> e.withObjectProperty("params").put("workload", "../../etc/x")), "[0].params.workload: '../../etc/x' is not a name");
        refused(mutated(e -> e.withObjectProperty("params").put("pattern", "a/b")), "[0].params.pattern");
        refused(mutated(e -> e.withObjectProperty("params").put("pattern", "worker-python@same-core")), "[0].params.pattern",
                "is not a name");
        refused(mutated(e -> e.withObjectProperty("params").put("size", "-5")), "[0].params.size: '-5' is not a size");
        refused(mutated(e -> e.withObjectProperty("params").put("size", "99999999999")), "[0].params.size");
        refused(mutated(e -> e.withObjectProperty("primaryMetric").put("score", "fast")), "[0].primaryMetric.score: 'fast' is not a number");
        refused(mutated(e -> e.withObjectProperty("primaryMetric").put("score", -1)), "[0].primaryMetric.score");
        refused(mutated(e -> e.withObjectProperty("primaryMetric").put("score", 1e300)).replace("1.0E300", "1e400"), "[0].primaryMetric.score");
        refused(mutated(e -> e.withObjectProperty("primaryMetric").put("scoreUnit", "furlongs/op")), "[0].primaryMetric.scoreUnit");
        refused(mutated(e -> e.withObjectProperty("primaryMetric").put("score", 1e300).put("scoreUnit", "min/op")), "overflows");
        refused(mutated(e -> e.withObjectProperty("primaryMetric").putArray("rawData").addArray().add("x")), "[0].primaryMetric.rawData[0][0]");
        refused(mutated(e -> e.withObjectProperty("primaryMetric").put("rawData", 3)), "[0].primaryMetric.rawData");
        refused(mutated(e -> e.remove("primaryMetric")), "[0].primaryMetric: missing");
        refused(mutated(e -> e.remove("benchmark")), "[0].benchmark: missing");
        refused(mutated(e -> e.put("mode", "fastest")), "[0].mode");
        refused(mutated(e -> e.put("mode", "thrpt")), "no result in a time mode");
        ArrayNode twice = (ArrayNode) store.mapper().readTree(realFile().toFile());
        twice.add(twice.get(0).deepCopy());
        refused(store.mapper().writeValueAsString(twice), "[1]", "a second result for dot/jni/10000");
    }
}
