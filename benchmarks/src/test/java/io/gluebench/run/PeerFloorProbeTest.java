package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.TestEnv;
import io.gluebench.pattern.PatternEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** native/target/peerfloor: a C client of the real CPython worker over each transport. */
class PeerFloorProbeTest {
    private static List<String> cmd(PatternEnv env, String... options) {
        List<String> c = new ArrayList<>(List.of(env.peerFloorProbe().toString()));
        c.addAll(List.of(options));
        c.addAll(List.of("--", env.venvPython().toString(), "-m", "gluebench_py.worker", "--compute", "python"));
        return c;
    }

    private static String run(PatternEnv env, List<String> cmd, int expectedExit) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(env.pythonWorkloads().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, p.waitFor(), out);
        return out;
    }

    @Test
    void eachTransportAnswersPingsAndLeavesNothingBehind() throws Exception {
        PatternEnv env = TestEnv.env();
        for (String t : List.of("pipe", "uds", "shm")) {
            for (String placement : List.of("free", "same-core")) {
                String out = run(env, cmd(env, "--transport", t, "--placement", placement, "--iterations", "300",
                        "--warmup", "50"), 0);
                JsonNode n = new ObjectMapper().readTree(out);
                assertEquals(t, n.path("transport").asText());
                assertEquals("cpython", n.path("peer").asText());
                assertEquals(300, n.path("iterations").asInt());
                assertTrue(n.path("median_ns").asDouble() > 0 && n.path("p10_ns").asDouble() <= n.path("p90_ns").asDouble(),
                        out);
            }
        }
        for (Path base : List.of(Path.of("/dev/shm"), Path.of("/tmp"))) {
            if (Files.isDirectory(base)) {
                try (Stream<Path> s = Files.list(base)) {
                    assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("gluebench-peerfloor-")),
                            "no socket or shared file left in " + base);
                }
            }
        }
    }

    @Test
    void badUsageAndABrokenWorkerSayWhy() throws Exception {
        PatternEnv env = TestEnv.env();
        String usage = run(env, List.of(env.peerFloorProbe().toString(), "--transport", "tcp", "--", "x"), 2);
        assertTrue(usage.contains("--transport pipe|uds|shm") && usage.lines().count() == 1, usage);
        String broken = run(env, List.of(env.peerFloorProbe().toString(), "--transport", "pipe", "--iterations", "5",
                "--", "/bin/false"), 1);
        assertTrue(broken.startsWith("peerfloor: the worker closed the stream"), broken);
    }
}
