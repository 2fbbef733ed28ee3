package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smoke profile of the real suite, end to end: JMH forks, run.json, charts, summary. */
class SmokeRunTest {
    @TempDir
    Path results;

    @Test
    void smokeProfileProducesACompleteRunFolder() throws Exception {
        Profile smoke = Profiles.load().get("smoke");
        // The profile's example file runs beside its workloads, as ./gluebench run --profile smoke does.
        List<Path> files = UserWorkloads.filesFor(smoke, List.of(), List.of(), TestEnv.home());
        assertEquals(List.of(TestEnv.home().resolve("python-workloads/examples/tokenizer.py")), files);
        List<io.gluebench.workload.UserWorkload> user = UserWorkloads.prepare(TestEnv.env(), smoke, files, List.of(),
                List.of());
        List<String> workloads = new java.util.ArrayList<>(smoke.workloads());
        user.forEach(w -> workloads.add(w.name()));
        Plan plan = Plan.of(smoke, workloads, List.of(), List.of());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path runDir = new RunPipeline(TestEnv.env(), new PrintStream(console, true, StandardCharsets.UTF_8), false)
                .withUserWorkloads(user).withPublish(io.gluebench.publish.Publisher::afterRun).run(plan, results);
        String out = console.toString(StandardCharsets.UTF_8);
        System.out.println(out);

        assertTrue(runDir.startsWith(results), runDir.toString());
        assertEquals(results, runDir.getParent().getParent(), "results/<machine-id>/<run-id>");
        Run run = new RunStore().read(runDir);
        assertEquals("complete", run.status());
        assertEquals("smoke", run.profile());
        assertEquals(plan.items().size(), run.points().size());
        assertNotNull(run.machine().cpuModel());
        assertTrue(run.machine().versions().containsKey("jdk"));
        for (Point p : run.points()) {
            String notApplicable = Applicability.notApplicable(
                    io.gluebench.pattern.Patterns.byName(p.series()).orElseThrow(),
                    io.gluebench.workload.Workloads.byName(p.workload()).orElseThrow());
            if (notApplicable != null) {
                assertEquals(Point.SKIPPED, p.status(), p.key());
                assertEquals(notApplicable, p.reason());
            } else if (TestEnv.requireAll()) {
                assertEquals(Point.OK, p.status(), p.key() + ": " + p.reason());
            }
            if (p.isOk()) {
                assertTrue(p.verification().ok(), p.key());
                assertTrue(p.score() > 0, p.key());
                assertEquals(smoke.settingsFor(
                        io.gluebench.pattern.Patterns.byName(p.series()).orElseThrow().family()).measurementIterations(),
                        p.samples().size(), p.key());
                assertTrue(Files.isRegularFile(runDir.resolve(p.jmhFile())), p.jmhFile());
            }
        }
        for (String w : List.of("echo", "dot", "nbody")) {
            Path png = runDir.resolve("charts").resolve(w + ".png");
            assertTrue(Files.isRegularFile(png), png.toString());
            var img = ImageIO.read(png.toFile());
            assertEquals(3840, img.getWidth(), "slide size at 2x");
            assertTrue(Files.isRegularFile(runDir.resolve("charts").resolve(w + ".svg")));
            for (String kind : List.of("-decision", "-speedup", "-warmup")) {
                assertTrue(Files.isRegularFile(runDir.resolve("charts").resolve(w + kind + ".png")), w + kind);
            }
        }
        assertTrue(Files.size(runDir.resolve("report.html")) > 10_000);
        String md = Files.readString(runDir.resolve("report.md"));
        assertTrue(md.contains("charts/dot-decision.png"));
        assertTrue(md.contains("profile.jmh.warmupIterations") && !md.contains("Profile["),
                "the profile settings as dotted keys, not a Java toString");
        // The example through every pattern that runs a Python file, checked against CPython's answer first.
        List<Point> example = run.points().stream().filter(p -> p.workload().equals("tokenize")).toList();
        assertTrue(example.stream().filter(Point::isOk).count() >= (TestEnv.requireAll() ? 10 : 1),
                "the example is timed: " + example.stream().map(p -> p.series() + " " + p.status()).toList());
        for (Point p : example) {
            if (p.series().contains("numpy")) {
                assertEquals(Point.SKIPPED, p.status(), "the example has no compute_numpy: " + p.key());
            } else if (TestEnv.requireAll() && !p.series().equals("java") && !Point.SKIPPED.equals(p.status())) {
                assertEquals(Point.OK, p.status(), p.key() + ": " + p.reason());
            }
        }
        assertTrue(example.stream().filter(Point::isOk).allMatch(p -> p.verification().ok()));
        assertTrue(example.stream().noneMatch(p -> p.series().equals("java") && p.isOk()),
                "plain Java cannot run a Python file");
        assertTrue(Files.isRegularFile(runDir.resolve(UserWorkloads.FILE)));
        assertTrue(Files.isRegularFile(runDir.resolve("charts").resolve("tokenize.png")));
        for (String w : List.of("wordfreq", "records", "csvparse")) {
            assertTrue(Files.isRegularFile(runDir.resolve("charts").resolve(w + ".png")), w);
        }
        // Start-up and callers: every listed pattern measured and checked, charted and reported.
        assertEquals(smoke.startup().patterns().size(), run.startups().size());
        for (var st : run.startups()) {
            assertEquals(Point.OK, st.status(), st.pattern() + ": " + st.reason());
            assertEquals(smoke.startup().forks(), st.firstResultMillis().size(), st.pattern());
            assertEquals(smoke.startup().calls() - 1, st.curve().size(), st.pattern());
            assertTrue(st.medianFirstResultMillis() > 0 && st.medianSinceJvmStartMillis() > st.medianFirstResultMillis(),
                    st.pattern() + ": the JVM's boot comes on top of the pattern's start-up");
        }
        assertEquals(smoke.scaling().patterns().size(), run.scaling().size());
        for (var sc : run.scaling()) {
            assertEquals(Point.OK, sc.status(), sc.pattern() + ": " + sc.reason());
            assertTrue(sc.opsPerSecond().stream().allMatch(v -> v != null && v > 0) && sc.factor() > 0, sc.pattern());
        }
        for (var p : run.points()) {
            if (p.isOk()) {
                assertEquals(smoke.settingsFor(run.pattern(p.series()).orElseThrow().family()).warmupIterations(),
                        p.warmupGiven().iterations(), p.key() + " records its warm-up");
            }
        }
        for (String chart : List.of("startup-first-answer", "startup-first-calls", "callers-scaling")) {
            assertTrue(Files.isRegularFile(runDir.resolve("charts").resolve(chart + ".png")), chart);
            assertTrue(md.contains("charts/" + chart + ".png"), chart + " in the report");
        }
        assertTrue(md.contains("## Start-up and warm-up") && md.contains("## Threads and the GIL"));
        String summary = Files.readString(runDir.resolve("summary.txt"));
        assertTrue(summary.contains("first answer") && summary.contains("scaling"), summary);
        assertTrue(Files.readString(runDir.resolve("summary.txt")).contains("fastest"));
        assertTrue(out.contains("fastest") && out.contains(runDir.resolve("run.json").toString()), out);
    }
}
