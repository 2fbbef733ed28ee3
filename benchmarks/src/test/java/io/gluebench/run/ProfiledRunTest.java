package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gluebench.TestEnv;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.Units;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --prof gc, end to end with a real fork: the allocation per call is stored per fork and per point, and reported. */
class ProfiledRunTest {
    @TempDir
    Path results;

    @Test
    void aGcProfiledPointStoresItsAllocationPerCallAndTheReportShowsIt() throws Exception {
        Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("dot"), List.of("java"), List.of(1000));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path runDir = new RunPipeline(TestEnv.env(), new PrintStream(console, true, StandardCharsets.UTF_8), false)
                .withStartup(false).withScaling(false).withForkOptions(ForkOptions.of(List.of(), List.of("gc")))
                .withPublish(io.gluebench.publish.Publisher::afterRun).run(plan, results);
        Run run = new RunStore().read(runDir);
        assertEquals("complete", run.status(), console.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("gc"), run.settings().get(RunPipeline.PROFILERS), "the run keeps its profilers for --resume");
        Point p = run.points().get(0);
        assertEquals(Point.OK, p.status(), p.reason());
        Double alloc = p.allocBytesPerOp();
        assertNotNull(alloc, "the point's Java heap bytes per call");
        assertTrue(Double.isFinite(alloc) && alloc >= 0, alloc.toString());
        assertEquals(alloc, p.forks().get(0).allocBytesPerOp(), "one fork: the point's figure is its fork's");
        // JMH's JSON keeps every secondary result beside the point.
        JsonNode jmh = new RunStore().mapper().readTree(runDir.resolve(p.forks().get(0).jmhFile()).toFile());
        assertTrue(jmh.get(0).path("secondaryMetrics").has(PointRunner.ALLOC_PER_OP), jmh.toString());
        String md = Files.readString(runDir.resolve("report.md"));
        int at = md.indexOf("\n## Allocation per call\n");
        assertTrue(at >= 0, "the report has the section");
        String section = md.substring(at, md.indexOf("\n## ", at + 1));
        assertTrue(section.contains("java") && section.contains(Units.bytes(alloc) + " (one fork)")
                && section.contains(Units.nanos(p.score())), "allocation beside the time: " + section);
        System.out.println("dot N=1000 java: " + Units.nanos(p.score()) + " per call, " + alloc + " B per call");
    }
}
