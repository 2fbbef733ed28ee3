package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Point;
import io.gluebench.result.Startup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic and the settings of the start-up and caller measurements (no JMH forks here). */
class StartupScalingTest {

    @Test
    void callOneIsTheFirstAnswerAndTheCurveIsTheMedianPerCallIndex() {
        var s = new Profile.StartupSettings("dot", 1000, 3, 4, List.of());
        Startup st = StartupRunner.summarise("jep-python", "dot", s, List.of(
                List.of(900e6, 300.0, 200.0, 100.0),
                List.of(1100e6, 500.0, 250.0, 110.0),
                List.of(1000e6, 400.0, 210.0)), List.of(1500.0, 1700.0, 1600.0), "jmh/x.json");
        assertEquals(Point.OK, st.status());
        assertEquals(List.of(900.0, 1100.0, 1000.0), st.firstResultMillis());
        assertEquals(1000.0, st.medianFirstResultMillis());
        assertEquals(1600.0, st.medianSinceJvmStartMillis());
        assertEquals(List.of(400.0, 210.0, 105.0), st.curve(), "median over the forks that reached each call");
        assertEquals(400.0, st.secondCallNanos());
        assertEquals(105.0, st.tailNanos());
    }

    @Test
    void theOrderIsEveryForkOnceShuffledByTheSeed() {
        List<String> patterns = List.of("java", "jep-python", "worker-python", "pemja-python");
        List<Integer> threads = List.of(1, 2);
        List<ScalingRunner.Unit> order = ScalingRunner.order(patterns, threads, 3, 42);
        List<ScalingRunner.Unit> nested = new ArrayList<>();
        for (String p : patterns) {
            for (int c = 0; c < threads.size(); c++) {
                for (int f = 0; f < 3; f++) {
                    nested.add(new ScalingRunner.Unit(p, c, threads.get(c), f));
                }
            }
        }
        assertEquals(24, order.size());
        assertEquals(new HashSet<>(nested), new HashSet<>(order), "a permutation: every (pattern, count, fork) once");
        assertEquals(order, ScalingRunner.order(patterns, threads, 3, 42), "the seed reproduces the order");
        assertNotEquals(nested, order, "interleaved, not one pattern after another");
        assertNotEquals(order, ScalingRunner.order(patterns, threads, 3, 43), "another seed, another order");
        List<ScalingRunner.Unit> expected = new ArrayList<>(nested);
        Collections.shuffle(expected, new Random(42));
        assertEquals(expected, order, "new Random(seed) shuffles the nested order");
        assertTrue(ScalingRunner.order(List.of(), threads, 3, 42).isEmpty(), "no patterns, no forks");
    }

    @Test
    void chosenPatternsFollowThePlanAndTheSettingsList() throws Exception {
        Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("dot"), List.of("java", "worker-python", "jni"),
                List.of());
        assertEquals(List.of("java", "jni", "worker-python"),
                plan.chosen(List.of()).stream().map(p -> p.name()).toList().stream().sorted().toList());
        assertEquals(List.of("java", "worker-python"),
                plan.chosen(List.of("worker-python", "java", "jep-python")).stream().map(p -> p.name())
                        .sorted().toList());
    }

    @Test
    void everyShippedProfileMeasuresStartupAndCallers() {
        for (String name : List.of("smoke", "quick", "standard")) {
            Profile p = assertDoesNotThrowGet(name);
            assertTrue(p.startup() != null && p.scaling() != null, name);
            assertEquals(1, p.scaling().threads().get(0), name);
            assertTrue(p.scaling().threads().contains(2), name + " compares 1 and 2 callers");
        }
        assertEquals(1, assertDoesNotThrowGet("smoke").scaling().forks(), "smoke: one fork, no interval");
        assertEquals(3, assertDoesNotThrowGet("quick").scaling().forks());
        assertEquals(3, assertDoesNotThrowGet("standard").scaling().forks());
    }

    @Test
    void quickScalingTimesNoLongerThanWithOneForkAndKeepsIterationsPerFork() {
        // Before the forks: 1 x 500 ms warm-up and 3 x 500 ms measured in one fork per count, 2 s.
        // (Each fork also costs its JVM start and the pattern's opening, about 1 s on 2 cores.)
        Profile.ScalingSettings s = assertDoesNotThrowGet("quick").scaling();
        assertTrue(s.forks() * s.jmh().seconds() <= 2.0 + 1e-9, s.forks() * s.jmh().seconds() + " s of iterations per count");
        assertTrue(s.jmh().measurementIterations() >= 3, "enough iterations per fork for the second level of the bootstrap");
    }

    @Test
    void scalingWithoutForksDefaultsToThreeAndZeroForksIsRefused() throws Exception {
        String base = """
                {"p": {"description": "d", "sizes": {"dot": [1]}, "patterns": ["java"],
                  "jmh": {"warmupIterations": 1, "warmupMillis": 1, "measurementIterations": 1, "measurementMillis": 1},
                  "graalpyJmh": {"warmupIterations": 1, "warmupMillis": 1, "measurementIterations": 1, "measurementMillis": 1},
                  "floors": false, "pointTimeoutSeconds": 10,
                  "scaling": {"workload": "dot", "size": 1, "threads": [1, 2], %s
                    "jmh": {"warmupIterations": 1, "warmupMillis": 1, "measurementIterations": 1, "measurementMillis": 1}}}}
                """;
        assertEquals(Profile.ScalingSettings.DEFAULT_FORKS, Profiles.parse(in(base.formatted(""))).get("p").scaling().forks(),
                "a profile written before the forks");
        IOException e = assertThrows(IOException.class, () -> Profiles.parse(in(base.formatted("\"forks\": 0,"))));
        assertTrue(e.getMessage().contains("scaling: forks must be >= 1"), e.getMessage());
        IOException down = assertThrows(IOException.class, () -> Profiles.parse(in(base.formatted("").replace("[1, 2]",
                "[1, 4, 2]"))));
        assertTrue(down.getMessage().contains("scaling: threads must increase"), down.getMessage());
    }

    private static Profile assertDoesNotThrowGet(String name) {
        try {
            return Profiles.load().get(name);
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badStartupAndScalingSettingsAreRefusedWithTheReason() {
        String base = """
                {"p": {"description": "d", "sizes": {"dot": [1]}, "patterns": ["java"],
                  "jmh": {"warmupIterations": 1, "warmupMillis": 1, "measurementIterations": 1, "measurementMillis": 1},
                  "graalpyJmh": {"warmupIterations": 1, "warmupMillis": 1, "measurementIterations": 1, "measurementMillis": 1},
                  "floors": false, "pointTimeoutSeconds": 10, %s}}
                """;
        IOException e1 = assertThrows(IOException.class, () -> Profiles.parse(in(base.formatted(
                "\"startup\": {\"workload\": \"nope\", \"size\": 1, \"forks\": 0, \"calls\": 1}"))));
        assertTrue(e1.getMessage().contains("startup: unknown workload nope"), e1.getMessage());
        assertTrue(e1.getMessage().contains("forks and calls must be >= 1"), e1.getMessage());
        IOException e2 = assertThrows(IOException.class, () -> Profiles.parse(in(base.formatted(
                "\"scaling\": {\"workload\": \"dot\", \"size\": 1, \"threads\": [2], \"patterns\": [\"nope\"],"
                        + " \"jmh\": {\"warmupIterations\": 1, \"warmupMillis\": 1, \"measurementIterations\": 1,"
                        + " \"measurementMillis\": 1}}"))));
        assertTrue(e2.getMessage().contains("threads must start at 1"), e2.getMessage());
        assertTrue(e2.getMessage().contains("scaling: unknown pattern nope"), e2.getMessage());
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
