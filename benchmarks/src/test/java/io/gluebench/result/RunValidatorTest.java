package io.gluebench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of field of run.json, made bad by hand: one line naming the file and the field. */
class RunValidatorTest {
    @TempDir
    Path dir;

    private final RunStore store = new RunStore();

    private Path file() {
        return dir.resolve(RunStore.RUN_FILE);
    }

    private ObjectNode tree() throws Exception {
        store.write(dir, RunStoreTest.sample());
        return (ObjectNode) store.mapper().readTree(file().toFile());
    }

    /** Writes the sample with one change and asserts the read fails naming the file and each text. */
    private String refused(Consumer<ObjectNode> change, String... contains) throws Exception {
        ObjectNode t = tree();
        change.accept(t);
        store.mapper().writeValue(file().toFile(), t);
        return refusedAsIs(contains);
    }

    private String refusedAsIs(String... contains) {
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> store.read(dir));
        String m = e.getMessage();
        assertTrue(m.startsWith(file().toString() + ": "), m);
        assertEquals(1, m.lines().count(), m);
        for (String c : contains) {
            assertTrue(m.contains(c), "'" + c + "' in: " + m);
        }
        return m;
    }

    private static ObjectNode point(ObjectNode t, int i) {
        return (ObjectNode) t.withArray("points").get(i);
    }

    @Test
    void theSampleAndItsRoundTripPass() throws Exception {
        store.write(dir, RunStoreTest.sample());
        RunValidator.validate(store.read(dir), "x");
    }

    @Test
    void sizes() throws Exception {
        refused(t -> point(t, 1).put("size", -5), "points[1].size: -5 is not a size (expected 0..2^31)");
        refused(t -> point(t, 0).put("size", 1L << 40), "points[0].size");
        refused(t -> point(t, 0).put("size", "lots"), "points[0].size");
        refused(t -> point(t, 0).putNull("size"), "points[0].size");
    }

    @Test
    void scoresAndSamples() throws Exception {
        refused(t -> point(t, 0).put("score", -1.0), "points[0].score: -1.0 is out of range");
        refused(t -> point(t, 0).put("score", "NaN"), "points[0].score: NaN is not a finite number");
        refused(t -> point(t, 0).put("scoreError", "Infinity"), "points[0].scoreError: Infinity");
        refused(t -> point(t, 0).putNull("score"), "points[0].score: missing");
        refused(t -> point(t, 0).withArray("samples").add("-Infinity"), "points[0].samples[2]");
        refused(t -> point(t, 0).withArray("samples").addNull(), "points[0].samples[2]: missing");
        refused(t -> point(t, 0).put("wallSeconds", -3.0), "points[0].wallSeconds");
        refused(t -> point(t, 0).put("score", "1".repeat(200)), "points[0].score");
        refused(t -> {
            ArrayNode a = point(t, 0).putArray("samples");
            for (int i = 0; i <= RunValidator.MAX_LIST; i++) {
                a.add(1.0);
            }
        }, "points[0].samples: a list of 100001 entries");
    }

    @Test
    void namesNeverBecomePathsOutsideTheFolder() throws Exception {
        for (String bad : new String[] {"../../etc/x", "a/b", "..", ".", "", "a\\b", "x\ny", "/abs", "a b"}) {
            refused(t -> point(t, 0).put("workload", bad), "points[0].workload", "is not a name");
            refused(t -> point(t, 0).put("pattern", bad), "points[0].pattern");
            refused(t -> t.put("runId", bad), "runId");
            refused(t -> t.withObjectProperty("machine").put("id", bad), "machine.id");
            refused(t -> ((ObjectNode) t.withArray("workloads").get(0)).put("name", bad), "workloads[0].name");
            refused(t -> ((ObjectNode) t.withArray("startups").get(0)).put("workload", bad), "startups[0].workload");
        }
        refused(t -> point(t, 0).put("workload", "x".repeat(Names.MAX_LENGTH + 1)), "points[0].workload");
        refused(t -> point(t, 0).put("placement", "same@core"), "points[0].placement");
        refused(t -> point(t, 0).put("transport", "../pipe"), "points[0].transport");
        refused(t -> point(t, 0).put("jmhFile", "../../../etc/passwd"), "points[0].jmhFile", "not a file of the run folder");
        refused(t -> point(t, 0).put("jmhFile", "/etc/passwd"), "points[0].jmhFile");
        String m = refused(t -> point(t, 0).put("workload", "a\u2028b\u0000c"), "points[0].workload");
        assertTrue(!m.contains("\u2028") && !m.contains("\u0000"), m);
    }

    @Test
    void anOldSeriesNameInAPointsPatternIsReadAsItsPatternAndPlacement() throws Exception {
        ObjectNode t = tree();
        point(t, 0).put("pattern", "worker-numpy@same-core").put("placement", "same-core");
        store.mapper().writeValue(file().toFile(), t);
        Point p = store.read(dir).points().get(0);
        assertEquals(List.of("worker-numpy", "same-core", "worker-numpy@same-core"),
                List.of(p.pattern(), p.placement(), p.series()));
        // Written back, the point stores the two apart, and reads the same.
        store.write(dir, store.read(dir));
        assertEquals("worker-numpy", store.mapper().readTree(file().toFile()).get("points").get(0).get("pattern").asText());
        assertEquals(p, store.read(dir).points().get(0));
        // A label whose placement disagrees with the point's own field is refused, not guessed at.
        refused(u -> point(u, 0).put("pattern", "worker-numpy@same-core").put("placement", "split-cores"),
                "points[0].pattern: 'worker-numpy@same-core' names placement same-core but the point's placement is split-cores");
    }

    @Test
    void enumLikeFields() throws Exception {
        refused(t -> point(t, 0).put("status", "great"), "points[0].status: 'great' is not a status (ok, failed, skipped, unfinished)");
        refused(t -> t.put("status", "done"), "status: 'done' is not one of");
        refused(t -> point(t, 0).put("unit", "furlongs"), "points[0].unit");
        refused(t -> ((ObjectNode) t.withArray("floors").get(0)).put("source", "guess"), "floors[0].source");
        refused(t -> ((ObjectNode) t.withArray("startups").get(0)).put("status", 7), "startups[0].status");
    }

    @Test
    void requiredFields() throws Exception {
        refused(t -> t.remove("runId"), "runId: missing");
        refused(t -> t.remove("machine"), "machine: missing");
        refused(t -> t.withObjectProperty("machine").remove("id"), "machine.id: missing");
        refused(t -> point(t, 0).remove("workload"), "points[0].workload: missing");
        refused(t -> t.withArray("points").addNull(), "a list in Run holds a null entry");
        refused(t -> t.remove("formatVersion"), "formatVersion: missing or null");
    }

    @Test
    void wrongTypesNameTheField() throws Exception {
        refused(t -> t.put("points", "many"), "points");
        refused(t -> point(t, 0).putObject("samples"), "points[0].samples");
        refused(t -> t.withObjectProperty("machine").put("cores", "two"), "machine.cores");
        refused(t -> t.withObjectProperty("machine").put("cores", -2), "machine.cores");
        refused(t -> t.withObjectProperty("machine").put("memoryBytes", -1), "machine.memoryBytes");
        refused(t -> t.withObjectProperty("machine").put("loadAverage", "NaN"), "machine.loadAverage");
        refused(t -> ((ObjectNode) t.withArray("scaling").get(0)).withArray("threads").set(0, t.numberNode(0)), "scaling[0].threads[0]");
    }

    private static ObjectNode scaling(ObjectNode t) {
        return (ObjectNode) t.withArray("scaling").get(0);
    }

    /** The sample's callers measurement as a forked run writes it: samples per count and fork, an interval. */
    private static void forked(ObjectNode t) {
        ObjectNode s = scaling(t);
        ArrayNode counts = s.putArray("forkSamples");
        counts.addArray().addArray().add(4000.0).add(4100.0);
        counts.addArray().addArray().add(7800.0).add(7700.0);
        s.put("factorLow", 1.8).put("factorHigh", 2.0).put("verdict", "parallel");
    }

    @Test
    void aForkedScalingPassesAndItsIntervalAndSamplesAreChecked() throws Exception {
        ObjectNode t = tree();
        forked(t);
        store.mapper().writeValue(file().toFile(), t);
        Scaling back = store.read(dir).scaling().get(0);
        assertEquals(java.util.List.of(java.util.List.of(java.util.List.of(4000.0, 4100.0)),
                java.util.List.of(java.util.List.of(7800.0, 7700.0))), back.forkSamples());
        assertEquals(1.8, back.factorLow());

        refused(t2 -> {
            forked(t2);
            scaling(t2).remove("factorHigh");
        }, "scaling[0].factorHigh: missing");
        refused(t2 -> {
            forked(t2);
            scaling(t2).put("factorLow", 2.5);
        }, "scaling[0].factorLow: 2.5 is above factorHigh");
        refused(t2 -> {
            forked(t2);
            scaling(t2).put("factorHigh", "NaN");
        }, "scaling[0].factorHigh");
        refused(t2 -> {
            forked(t2);
            ((ArrayNode) scaling(t2).withArray("forkSamples").get(1).get(0)).set(1, t2.numberNode(-1.0));
        }, "scaling[0].forkSamples[1][0][1]");
        refused(t2 -> {
            forked(t2);
            ((ArrayNode) scaling(t2).withArray("forkSamples").get(1)).addNull();
        }, "scaling[0].forkSamples[1][1]: missing");
        refused(t2 -> {
            forked(t2);
            scaling(t2).withArray("forkSamples").addArray();
        }, "scaling[0].forkSamples: 3 counts for 2 caller counts");
        refused(t2 -> {
            forked(t2);
            scaling(t2).put("verdict", "x".repeat(RunValidator.MAX_STRING + 1));
        }, "scaling[0].verdict");
    }

    @Test
    void stringsAreBounded() throws Exception {
        refused(t -> point(t, 1).put("reason", "x".repeat(RunValidator.MAX_STRING + 1)), "points[1].reason", "100001 characters");
        refused(t -> t.withObjectProperty("settings").put("huge", "x".repeat(RunValidator.MAX_STRING + 1)), "settings");
    }

    @Test
    void syntaxDepthDuplicatesAndSizeAreRefused() throws Exception {
        store.write(dir, RunStoreTest.sample());
        String json = Files.readString(file());
        Files.writeString(file(), json.replaceFirst("\"runId\"", "\"runId\" : \"a\", \"runId\""));
        refusedAsIs("runId", "Duplicate field");
        Files.writeString(file(), json + " {}");
        refusedAsIs("Trailing token");
        Files.writeString(file(), json.replace("\"settings\" : {", "\"settings\" : {\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + ","));
        refusedAsIs("nesting depth");
        Files.writeString(file(), "");
        refusedAsIs();
        Files.writeString(file(), "null");
        refusedAsIs("empty run file");
        Files.writeString(file(), "[1,2,3]");
        refusedAsIs();
        try (var ch = java.nio.channels.FileChannel.open(file(), java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), RunStore.MAX_FILE_BYTES + 1);
        }
        refusedAsIs("too large (at most 256 MiB are read)");
    }

    @Test
    void noTypeInformationFromTheFileIsHonoured() throws Exception {
        ObjectNode t = tree();
        ObjectNode evil = t.withObjectProperty("settings").putObject("gadget");
        evil.put("@class", "java.lang.ProcessBuilder");
        evil.putArray("command").add("touch").add(dir.resolve("pwned").toString());
        ((ObjectNode) point(t, 0).get("verification")).putArray("structured").add("java.lang.ProcessBuilder").addObject();
        store.mapper().writeValue(file().toFile(), t);
        Run back = store.read(dir);
        assertTrue(back.settings().get("gadget") instanceof java.util.Map, "read as a plain map");
        assertTrue(!Files.exists(dir.resolve("pwned")));
    }

    @Test
    void aReadableRunGivesTheSameRun() throws Exception {
        JsonNode before = tree();
        assertEquals(RunStoreTest.sample(), store.read(dir));
        assertTrue(before.has("points"));
    }
}
