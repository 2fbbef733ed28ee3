package io.gluebench.cli;

import static io.gluebench.cli.CliRun.assertOneLine;
import static io.gluebench.cli.CliRun.run;
import static io.gluebench.analysis.SyntheticRuns.dotPoints;
import static io.gluebench.analysis.SyntheticRuns.patterns;
import static io.gluebench.analysis.SyntheticRuns.workloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.analysis.SyntheticRuns;
import io.gluebench.result.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gluebench compare end to end, over two run folders written with RunStore. */
class CompareCommandTest {
    @TempDir
    Path tmp;

    Path a;
    Path b;


    @BeforeEach
    void twoRuns() throws Exception {
        a = tmp.resolve("results/m1/r1");
        b = tmp.resolve("results/m2/r2");
        RunStore store = new RunStore();
        // In B jep-python takes half the time and jep-numpy twice the time; java is unchanged.
        store.write(a, SyntheticRuns.run("m1", "r1", dotPoints(1, 1, 1), patterns(), workloads()));
        store.write(b, SyntheticRuns.run("m2", "r2", dotPoints(1, 0.5, 2), patterns(), workloads()));
    }


    @Test
    void textTableGivesAVerdictPerPoint() {
        Path charts = tmp.resolve("charts");
        CliRun o = run("compare", a.toString(), b.toString(), "--charts", charts.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("A  m1/r1") && o.out().contains("B  m2/r2"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("dot\\s+jep-python\\s+1000\\s+B\\s.*\\s0\\.500\\s.*\\sfaster\\s.*")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("dot\\s+jep-numpy\\s+1000\\s+B\\s.*\\s2\\.000\\s.*\\sslower\\s.*")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("dot\\s+java\\s+1000\\s+B\\s.*\\s1\\.000\\s.*\\ssame\\s.*")), o.out());
        assertTrue(o.out().contains("summary by pattern family"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("jep\\s+B vs A\\s+8\\s+1\\.000\\s+4\\s+4\\s+0\\s+0")), o.out());
        assertTrue(o.out().contains("jep-python | jep-numpy"), o.out());
        assertTrue(Files.isRegularFile(charts.resolve("compare-dot.png")));
        assertTrue(Files.isRegularFile(charts.resolve("compare-dot.svg")));
    }

    @Test
    void jsonIsMachineReadable() throws Exception {
        CliRun o = run("compare", a.toString(), b.toString(), "--json", "--charts", tmp.resolve("c").toString());
        assertEquals(0, o.code(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertEquals(2, root.get("runs").size());
        assertEquals("m1/r1", root.get("runs").get(0).get("label").asText());
        assertEquals(12, root.get("points").size());
        int faster = 0;
        for (JsonNode p : root.get("points")) {
            if (p.get("pattern").asText().equals("jep-python")) {
                assertEquals("faster", p.get("verdict").asText());
                assertEquals(0.5, p.get("ratio").asDouble(), 1e-9);
                assertTrue(p.get("ci").get("hi").asDouble() < 0.51);
                faster++;
            }
        }
        assertEquals(4, faster);
        assertEquals(0.05, root.get("rules").get("alpha").asDouble(), 0);
        assertTrue(root.get("charts").size() >= 2);
    }

    @Test
    void htmlIsOneSelfContainedFileWithTheChartsBesideIt() throws Exception {
        Path html = tmp.resolve("out/compare.html");
        CliRun o = run("compare", a.toString(), b.toString(), "--html", html.toString());
        assertEquals(0, o.code(), o.err());
        String doc = Files.readString(html);
        assertTrue(doc.contains("data:image/png;base64,"), "chart embedded");
        assertFalse(doc.contains("src=\"http"), "nothing loaded from the network");
        assertTrue(doc.contains("faster") && doc.contains("slower") && doc.contains("m2/r2"));
        assertTrue(Files.isRegularFile(html.resolveSibling("compare-dot.png")));
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        assertOneLine(run("compare", a.toString()), "two or more run folders");
        assertOneLine(run("compare", a.toString(), tmp.resolve("nothing-here").toString()), "nothing-here", "run.json");
        Path broken = tmp.resolve("results/m3/broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("run.json"), "{ not json");
        assertOneLine(run("compare", a.toString(), broken.toString()), "broken", "run.json", "not a valid run file");
        assertOneLine(run("compare", a.toString(), b.toString(), "--html", tmp.toString()), "is a folder");
    }


    /** criterion-style names: a baseline is saved once, found again by name, never overwritten. */
    @Test
    void aNamedBaselineIsSavedOnceAndComparedAgainstByName() throws Exception {
        String results = tmp.resolve("results").toString();
        Path saved = io.gluebench.run.Baselines.save(a, "main");
        assertEquals(tmp.resolve("results/m1/baselines/main.json"), saved);
        CliRun o = run("compare", "--baseline", "main", "--machine-name", "m1", "--results", results, b.toString(),
                "--fail-on", "slower:50");
        assertEquals(Main.FAILED, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("dot jep-numpy N=1000 in run B: ×2.000"), "B against the baseline, A: " + o.out());
        Path later = tmp.resolve("results/m1/r1-later");
        new RunStore().write(later, SyntheticRuns.run("m1", "r1-later", dotPoints(1, 1, 1), patterns(), workloads()));
        var taken = org.junit.jupiter.api.Assertions.assertThrows(io.gluebench.run.UsageException.class,
                () -> io.gluebench.run.Baselines.save(later, "main"));
        assertTrue(taken.getMessage().contains("already exists") && taken.getMessage().contains("never overwritten"),
                taken.getMessage());
        assertEquals(Files.readString(saved), Files.readString(tmp.resolve("results/m1/baselines/main.json")),
                "the first baseline is kept");
        assertOneLine(run("compare", "--baseline", "mian", "--machine-name", "m1", "--results", results, b.toString()),
                "no baseline mian", "did you mean 'main'", "its baselines: main");
        assertOneLine(run("compare", "--baseline", "../main", "--machine-name", "m1", "--results", results, b.toString()),
                "is not a name");
        assertOneLine(run("compare", "--machine-name", "m1", a.toString(), b.toString()), "give --baseline NAME too");
        assertOneLine(run("run", "--save-baseline", "main", "--machine-name", "m1", "--results", results, "--profile",
                "smoke", "--workload", "echo", "--pattern", "java"), "baseline main already exists");
        try (var s = Files.list(tmp.resolve("results/m1"))) {
            assertEquals(List.of("baselines", "r1", "r1-later"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "a refused --save-baseline runs nothing");
        }
        assertFalse(Files.exists(Path.of("compare-dot.png")), "no charts without --charts or --html");
    }

    /** A CI job's gate: an unchanged rerun passes, a slowdown fails naming its points last, a bad rule is refused. */
    @Test
    void theGateFailsOnASlowdownAndPassesAnUnchangedRerun() throws Exception {
        Path same = tmp.resolve("results/m1/r1-again");
        new RunStore().write(same, SyntheticRuns.run("m1", "r1-again", dotPoints(1, 1, 1), patterns(), workloads()));
        CliRun unchanged = run("compare", a.toString(), same.toString(), "--fail-on", "slower", "--charts",
                tmp.resolve("c1").toString());
        assertEquals(Main.OK, unchanged.code(), unchanged.out() + unchanged.err());
        assertTrue(unchanged.out().strip().endsWith("gate --fail-on slower: passed (no point of a later run is slower "
                + "than the baseline)"), unchanged.out());

        // B: jep-numpy twice as slow at every size (and jep-python twice as fast).
        CliRun slowed = run("compare", a.toString(), b.toString(), "--fail-on", "slower:50", "--charts",
                tmp.resolve("c2").toString());
        assertEquals(Main.FAILED, slowed.code(), slowed.out() + slowed.err());
        String tail = slowed.out().substring(slowed.out().indexOf("gate --fail-on slower:50: FAILED"));
        assertTrue(tail.startsWith("gate --fail-on slower:50: FAILED, 4 points slower than the baseline:"), tail);
        assertTrue(tail.contains("dot jep-numpy N=1000 in run B: ×2.000") && !tail.contains("jep-python"), tail);

        CliRun tolerant = run("compare", a.toString(), b.toString(), "--fail-on", "slower:150", "--charts",
                tmp.resolve("c3").toString());
        assertEquals(Main.OK, tolerant.code(), "a 2x slowdown passes a 150% gate: " + tolerant.out());

        CliRun json = run("compare", a.toString(), b.toString(), "--fail-on", "slower", "--json", "--charts",
                tmp.resolve("c4").toString());
        assertEquals(Main.FAILED, json.code());
        JsonNode gate = new ObjectMapper().readTree(json.out()).get("gate");
        assertEquals(false, gate.get("passed").asBoolean());
        assertEquals(4, gate.get("failing").size());

        assertOneLine(run("compare", a.toString(), b.toString(), "--fail-on", "faster"),
                "--fail-on faster is not a gate; give slower");
    }
}
