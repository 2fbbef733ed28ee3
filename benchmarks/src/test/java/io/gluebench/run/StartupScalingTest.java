package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Point;
import io.gluebench.result.Scaling;
import io.gluebench.result.Startup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
    void theFactorIsTheLargestCountOverOneCaller() {
        assertEquals(1.9, ScalingRunner.factor(List.of(1000.0, 1900.0)), 1e-12);
        assertEquals(1.5, ScalingRunner.factor(Arrays.asList(1000.0, 1500.0, null)), 1e-12,
                "a count that failed is not read as zero");
        assertNull(ScalingRunner.factor(Arrays.asList(null, 1500.0)));
        assertNull(ScalingRunner.factor(List.of(1000.0)));
    }

    @Test
    void theReadingNamesSerialisedAndParallelCallers() {
        assertTrue(scaling(1.05).reading().startsWith("serialised"));
        assertTrue(scaling(1.92).reading().startsWith("parallel"));
        assertEquals("partly parallel", scaling(1.5).reading());
        assertNull(scaling(null).reading());
    }

    private static Scaling scaling(Double factor) {
        return new Scaling("p", "dot", 10, Point.OK, List.of(1, 2), List.of(1.0, 2.0), List.of(), factor, null, List.of());
    }

    @Test
    void chosenPatternsFollowThePlanAndTheSettingsList() throws Exception {
        Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("dot"), List.of("java", "worker-python", "jni"),
                List.of());
        assertEquals(List.of("java", "jni", "worker-python"),
                RunPipeline.chosen(plan, List.of()).stream().map(p -> p.name()).toList().stream().sorted().toList());
        assertEquals(List.of("java", "worker-python"),
                RunPipeline.chosen(plan, List.of("worker-python", "java", "jep-python")).stream().map(p -> p.name())
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
