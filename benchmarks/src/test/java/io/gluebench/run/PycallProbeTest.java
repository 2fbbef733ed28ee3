package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.TestEnv;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Floor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** native/target/pycall: C calling a Python function through the CPython C API, the GIL per call or held. */
class PycallProbeTest {
    @TempDir
    Path empty;

    private static String run(List<String> cmd, int expectedExit) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, p.waitFor(), out);
        return out;
    }

    @Test
    void eachCallAndGilModePrintsASaneSummary() throws Exception {
        PatternEnv env = TestEnv.env();
        for (String call : List.of("noop", "echo")) {
            for (String gil : List.of("release", "held")) {
                String out = run(List.of(env.pycallProbe().toString(), "--call", call, "--gil", gil, "--iterations", "300",
                        "--warmup", "30", "--batch", "10", "--python", env.venvPython().toString()), 0);
                JsonNode n = new ObjectMapper().readTree(out);
                assertEquals("cpython", n.path("mechanism").asText(), out);
                assertEquals(call, n.path("call").asText());
                assertEquals(gil, n.path("gil").asText());
                assertTrue(n.path("python").asText().matches("3\\.\\d+\\.\\d+.*"), out);
                assertEquals(300, n.path("iterations").asInt());
                assertEquals(10, n.path("batch").asInt());
                double p10 = n.path("p10_ns").asDouble(), median = n.path("median_ns").asDouble();
                double p90 = n.path("p90_ns").asDouble();
                // Per call: above zero, and far below a millisecond for an empty Python function.
                assertTrue(0 < p10 && p10 <= median && median <= p90 && median < 1e6, out);
                assertEquals(median, n.path("p50_ns").asDouble(), 1e-9);
            }
        }
    }

    @Test
    void badUsageExitsTwoWithOneLineSayingWhy() throws Exception {
        String probe = TestEnv.env().pycallProbe().toString();
        String gil = run(List.of(probe, "--gil", "sometimes"), 2);
        assertTrue(gil.startsWith("pycall: unknown GIL mode: sometimes") && gil.contains("--gil release|held")
                && gil.strip().lines().count() == 1, gil);
        String count = run(List.of(probe, "--iterations", "0"), 2);
        assertTrue(count.startsWith("pycall: not a valid count: 0") && count.strip().lines().count() == 1, count);
        String python = run(List.of(probe, "--python", empty.resolve("python").toString()), 2);
        assertTrue(python.startsWith("pycall: no executable interpreter at") && python.strip().lines().count() == 1, python);
    }

    @Test
    void theRunStoresThreeCpythonFloorsOrSaysWhyNot() {
        List<Floor> floors = new FloorRunner(TestEnv.env()).pycallFloors();
        assertEquals(List.of("cpython_call", "cpython_call_echo", "cpython_call_gil"), floors.stream().map(Floor::name).toList());
        for (Floor f : floors) {
            assertEquals("cpython", f.mechanism());
            assertEquals("probe", f.source());
            assertTrue(f.nsPerOp() > 0 && f.spread() >= 0, f.toString());
        }

        // A checkout with no probe built: stored as not measured, with the reason and the fix.
        List<Floor> missing = new FloorRunner(new PatternEnv(empty, false)).pycallFloors();
        assertEquals(3, missing.size());
        for (Floor f : missing) {
            assertTrue(Double.isNaN(f.nsPerOp()), f.toString());
            assertTrue(f.note().startsWith("skipped: the probe ") && f.note().contains("make -C native pycall"), f.note());
        }
        List<String> names = new ArrayList<>(missing.stream().map(Floor::name).toList());
        assertEquals(floors.stream().map(Floor::name).toList(), names);
    }
}
