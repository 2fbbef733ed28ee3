package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that survive faults, end to end with real JMH forks of the smoke settings: a JNI fork that
 * segfaults fails its point only; Ctrl-C (SIGTERM here, the same shutdown) leaves a valid folder
 * with the unfinished points marked; kill -9 of the harness mid-run loses no finished point, and
 * nothing it started outlives it; --resume keeps every finished point and runs the rest.
 */
class RunFaultsTest {
    private static final List<String> RUN = List.of("run", "--profile", "smoke", "--workload", "echo,dot",
            "--pattern", "java,jni,worker-python-shm,worker-python-uds", "--no-startup", "--no-scaling",
            "--machine-name", "fault-test",
            // This seed's fork order puts jni's fork first and java's second, so the segfault is met
            // before the first interruption.
            "--seed", "3");
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path results;

    private final RunStore store = new RunStore();

    @Test
    void crashInterruptKillAndResume() throws Exception {
        // 1. Ctrl-C after two finished points.
        Process first = harness(concat(RUN, List.of("--results", results.toString())));
        Path runDir = awaitFinished(first, 2);
        first.destroy();        // SIGTERM: the shutdown hook runs, as on Ctrl-C
        assertTrue(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the harness stops");
        Run interrupted = store.read(runDir);
        assertEquals("interrupted", interrupted.status());
        List<Point> keptAfterInterrupt = finished(interrupted);
        assertTrue(keptAfterInterrupt.size() >= 2, "finished points are kept: " + keys(keptAfterInterrupt));
        List<Point> unfinished = interrupted.points().stream().filter(p -> Point.UNFINISHED.equals(p.status())).toList();
        int planned = plannedPoints(interrupted);
        assertEquals(planned, keptAfterInterrupt.size() + unfinished.size(), "every planned point is there, marked");
        assertTrue(unfinished.stream().allMatch(p -> p.reason().contains("--resume")), "the remedy is named");
        assertFalse(Files.exists(runDir.resolve(RunPipeline.LOCK)), "the lock is released");
        assertEquals(io.gluebench.cli.Main.STOPPED, io.gluebench.cli.RunCommand.exitCode(runDir),
                "an interrupted run does not exit 0");

        // 2. Resume in a new harness, then kill -9 it once it has finished more points.
        Process second = harness(List.of("run", "--resume", runDir.toString()));
        awaitFinished(second, keptAfterInterrupt.size() + 1);
        List<ProcessHandle> started = second.descendants().toList();
        second.destroyForcibly();       // kill -9: no hook, no clean-up from the harness
        assertTrue(second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        Run killed = store.read(runDir);
        List<Point> keptAfterKill = finished(killed);
        for (ProcessHandle h : started) {
            // The JMH fork notices its host is gone, and the workers their client: none outlives the run.
            boolean gone = h.onExit().completeOnTimeout(null, 60, java.util.concurrent.TimeUnit.SECONDS)
                    .thenApply(x -> !h.isAlive()).get();
            if (!gone) {
                h.destroyForcibly();
            }
            assertTrue(gone, "process " + h.pid() + " (" + h.info().commandLine().orElse("?") + ") outlived the run");
        }

        // 3. Resume to the end, in process.
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new RunPipeline(TestEnv.env(), new PrintStream(console, true, StandardCharsets.UTF_8), false)
                .withPublish(io.gluebench.publish.Publisher::afterRun).resume(runDir);
        Run done = store.read(runDir);
        assertEquals("complete", done.status());
        assertEquals(planned, done.points().size(), keys(done.points()).toString());
        Map<String, Point> byKey = done.points().stream().collect(Collectors.toMap(Point::key, Function.identity()));
        for (Point before : keptAfterKill) {
            Point after = byKey.get(before.key());
            assertEquals(before, after, "a finished point is kept as it was: " + before.key());
        }
        int rerun = planned - keptAfterKill.size();
        System.out.printf("resume figures: %d planned; %d finished before the Ctrl-C, %d before the kill -9; "
                + "%d kept by the last resume, %d run by it%n", planned, keptAfterInterrupt.size(), keptAfterKill.size(),
                keptAfterKill.size(), rerun);
        // The harnesses in their own JVMs injected the segfault into jni's forks (this JVM does not).
        List<Point> crashed = keptAfterKill.stream().filter(p -> p.series().equals("jni")).toList();
        assertFalse(crashed.isEmpty(), "a jni point ran in a harness with the fault: " + keys(keptAfterKill));
        for (Point p : done.points()) {
            if (crashed.contains(p)) {
                assertEquals(Point.FAILED, p.status(), p.key());
                assertTrue(p.reason().startsWith("the fork crashed: SIGSEGV"), p.reason());
                assertNotNull(p.verification(), "verified before it crashed");
            } else if (TestEnv.requireAll()) {
                assertEquals(Point.OK, p.status(), "the crash failed its own point only: " + p.key() + ": " + p.reason());
            }
        }
        assertFalse(Files.exists(runDir.resolve(RunPipeline.LOCK)));
        assertTrue(Files.isRegularFile(runDir.resolve("report.html")));
        assertEquals(io.gluebench.cli.Main.FAILED, io.gluebench.cli.RunCommand.exitCode(runDir),
                "a run with a failed point exits " + io.gluebench.cli.Main.FAILED);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(crashed.size() + " failed"),
                "the last line counts the failures");
        assertNoLeftovers();
    }

    @Test
    void aHungForkIsKilledAtThePointTimeoutAndTheRunGoesOn() throws Exception {
        Profile smoke = Profiles.load().get("smoke");
        Profile shortTimeout = new Profile(smoke.name(), smoke.description(), smoke.sizes(), smoke.workloads(),
                smoke.patterns(), smoke.jmh(), smoke.graalpyJmh(), false, 20, null, null, null, null);
        Plan plan = Plan.of(shortTimeout, List.of("echo"), List.of("jni", "worker-python", "java"), List.of(0));
        List<String> stderrBefore = stderrCaptures();
        Path runDir = runWithFault("hang:worker-python", plan);
        Run run = store.read(runDir);
        assertEquals("complete", run.status());
        Map<String, Point> byPattern = run.points().stream().collect(Collectors.toMap(Point::series, Function.identity()));
        Point hung = byPattern.get("worker-python");
        assertEquals(Point.FAILED, hung.status());
        assertEquals("timed out after 20 s; the fork was killed", hung.reason());
        assertEquals(Point.OK, byPattern.get("java").status(), "the run went on after the hung point");
        // The killed fork's worker wrote its stderr into the run's scratch folder, which the run emptied.
        assertEquals(stderrBefore, stderrCaptures(), "stderr captures left in the temporary directory");
        assertFalse(Files.exists(runDir.resolve(io.gluebench.pattern.Scratch.FOLDER)), "the scratch folder is removed");
        assertEquals(Point.OK, byPattern.get("jni").status());
        assertTrue(ProcessHandle.current().children().findAny().isEmpty(), "the hung fork and its worker are gone");
        assertNoLeftovers();
    }

    @Test
    void aWorkerKilledMidPointFailsThatPointAndTheNextPointRuns() throws Exception {
        Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("echo"), List.of("worker-python", "java"), List.of(0));
        Path runDir = runWithFault("killworker:worker-python", plan);
        Run run = store.read(runDir);
        Map<String, Point> byPattern = run.points().stream().collect(Collectors.toMap(Point::series, Function.identity()));
        Point killed = byPattern.get("worker-python");
        assertEquals(Point.FAILED, killed.status(), "the point whose worker died is not measured");
        assertNotNull(killed.verification(), "it was verified before its worker was killed");
        assertTrue(killed.reason().contains("worker"), "the reason names the worker: " + killed.reason());
        assertFalse(killed.reason().contains("Exception"), "no class names in a reason: " + killed.reason());
        assertEquals(Point.OK, byPattern.get("java").status(), "the run went on: " + byPattern.get("java").reason());
        assertEquals("complete", run.status());
        assertEquals(io.gluebench.cli.Main.FAILED, io.gluebench.cli.RunCommand.exitCode(runDir));
        assertTrue(ProcessHandle.current().children().findAny().isEmpty(), "no fork or worker outlives the run");
        System.out.println("killed worker: " + killed.reason());
        assertNoLeftovers();
    }

    @Test
    void aCrashInEveryPhaseFailsThatPhasesMeasurementAndTheRunExitsThree() throws Exception {
        Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("dot"), List.of("java", "jep-python"), List.of(1000));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path runDir;
        System.setProperty(io.gluebench.suite.Faults.PROPERTY, "segfault:jep-python");
        try {
            runDir = new RunPipeline(TestEnv.env(), new PrintStream(console, true, StandardCharsets.UTF_8), false)
                    .withPublish(io.gluebench.publish.Publisher::afterRun).run(plan, results);
        } finally {
            System.clearProperty(io.gluebench.suite.Faults.PROPERTY);
        }
        Run run = store.read(runDir);
        assertEquals("complete", run.status());
        Map<String, Point> points = run.points().stream().collect(Collectors.toMap(Point::series, Function.identity()));
        assertEquals(Point.FAILED, points.get("jep-python").status(), "points: " + points.get("jep-python").reason());
        assertEquals(Point.OK, points.get("java").status());
        var startups = run.startups().stream().collect(Collectors.toMap(io.gluebench.result.Startup::pattern, x -> x));
        assertEquals(Point.FAILED, startups.get("jep-python").status(), "start-ups: " + startups.get("jep-python").reason());
        assertEquals(Point.OK, startups.get("java").status());
        var callers = run.scaling().stream().collect(Collectors.toMap(io.gluebench.result.Scaling::pattern, x -> x));
        assertEquals(Point.FAILED, callers.get("jep-python").status(), "callers: " + callers.get("jep-python").reason());
        assertEquals(Point.OK, callers.get("java").status());
        assertTrue(startups.get("jep-python").reason().contains("SIGSEGV"), startups.get("jep-python").reason());
        assertEquals(io.gluebench.cli.Main.FAILED, io.gluebench.cli.RunCommand.exitCode(runDir));
        String out = console.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("1 failed") && out.contains("1 start-up measurement") && out.contains("1 callers measurement"),
                "the last line counts each phase's failures: " + out.lines().reduce((a, b) -> b).orElse(""));
        assertNoLeftovers();
    }

    /** Runs the plan in this JVM with the fault injected into its forks; returns the run folder. */
    private Path runWithFault(String fault, Plan plan) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setProperty(io.gluebench.suite.Faults.PROPERTY, fault);
        try {
            return new RunPipeline(TestEnv.env(), new PrintStream(console, true, StandardCharsets.UTF_8), false)
                    .withStartup(false).withScaling(false).withPublish(io.gluebench.publish.Publisher::afterRun)
                    .run(plan, results);
        } finally {
            System.clearProperty(io.gluebench.suite.Faults.PROPERTY);
        }
    }

    /** The harness as the launcher runs it, in its own JVM, with the segfault injected into jni's forks. */
    private Process harness(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ForkFlags.javaBinary(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true",
                "-Dgluebench.home=" + TestEnv.home(), "-cp", System.getProperty("java.class.path"),
                "io.gluebench.cli.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(results.resolve("harness-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("GLUEBENCH_FAULT", "segfault:jni");
        return pb.start();
    }

    /** Waits until the run folder's run.json holds at least n finished points; returns the folder. */
    private Path awaitFinished(Process p, int n) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the harness exited early: " + logs());
            }
            Path dir = runDir();
            if (dir != null) {
                try {
                    if (finished(store.read(dir)).size() >= n) {
                        return dir;
                    }
                } catch (io.gluebench.result.ResultFormatException e) {
                    throw new AssertionError("run.json must always be readable (atomic writes): " + e.getMessage());
                }
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("no " + n + " finished points in " + PATIENCE + ": " + logs());
    }

    private Path runDir() throws IOException {
        Path machine = results.resolve("fault-test");
        if (!Files.isDirectory(machine)) {
            return null;
        }
        try (Stream<Path> s = Files.list(machine)) {
            return s.filter(d -> Files.exists(d.resolve(RunStore.RUN_FILE))).findFirst().orElse(null);
        }
    }

    private static List<Point> finished(Run run) {
        return run.points().stream().filter(p -> p.isOk() || Point.FAILED.equals(p.status())
                || Point.SKIPPED.equals(p.status())).toList();
    }

    private static int plannedPoints(Run run) {
        return ((List<?>) run.settings().get(RunPipeline.PLAN)).size();
    }

    private static List<String> keys(List<Point> points) {
        return points.stream().map(p -> p.key() + "=" + p.status()).toList();
    }

    private String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(results)) {
            for (Path log : s.filter(f -> f.getFileName().toString().startsWith("harness-")).toList()) {
                sb.append(Files.readString(log));
            }
        }
        return sb.toString();
    }

    /** No socket or shared-memory directory of a dead JVM is left behind. */
    /** The children's stderr captures in the machine's temporary directory. */
    private static List<String> stderrCaptures() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gluebench-") && n.endsWith(".stderr"))
                    .sorted().toList();
        }
    }

    private static void assertNoLeftovers() throws IOException {
        for (Path base : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> s = Files.list(base)) {
                List<String> left = s.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("gluebench-(shm|uds)-\\d+-.*"))
                        .filter(n -> ProcessHandle.of(Long.parseLong(n.split("-")[2])).filter(ProcessHandle::isAlive).isEmpty())
                        .toList();
                assertTrue(left.isEmpty(), "left behind in " + base + ": " + left);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
