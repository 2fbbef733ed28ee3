package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another JMH benchmark holds JMH's machine-wide lock when a fork needs it: the fork that cannot take
 * it is not recorded as a failure, the run stops (exit 4) with the remedy, every point not yet
 * measured is unfinished, and --resume finishes the run once the lock is free.
 */
class JmhLockMidRunTest {
    @TempDir
    Path results;

    @Test
    void aForkThatCannotTakeJmhsLockStopsTheRunAndResumeFinishesIt() throws Exception {
        Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("dot"), List.of("java"), List.of(0, 100));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunStore store = new RunStore();
        Path jmhLock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        RunStopped stopped;
        // Another process holds JMH's lock (in this JVM it would not do: POSIX drops a process's lock
        // when it closes any other descriptor of the file, as the harness's own check does).
        // --allow-concurrent gets the run past the check at its start, so its first fork meets the held
        // lock, as a fork does when another benchmark starts mid-run.
        Path holderSource = Files.writeString(results.resolve("HoldLock.java"), HOLDER);
        Process holder = new ProcessBuilder(ForkFlags.javaBinary(), holderSource.toString(), jmhLock.toString())
                .redirectErrorStream(true).start();
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder said = new StringBuilder();
            do {
                line = lines.readLine();
                said.append(line).append('\n');
            } while (line != null && !line.equals("held"));
            assertEquals("held", line, "the holder took JMH's lock: " + said);
            stopped = org.junit.jupiter.api.Assertions.assertThrows(RunStopped.class, () -> pipeline(console).run(plan, results),
                    () -> console.toString(StandardCharsets.UTF_8));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        String message = stopped.getMessage();
        assertTrue(message.contains("another JMH benchmark took JMH's machine-wide lock")
                && message.contains("nothing was recorded as failed") && message.contains("--resume"), message);
        Path runDir = runDir();
        Run run = store.read(runDir);
        assertEquals("interrupted", run.status());
        assertTrue(run.points().stream().noneMatch(p -> Point.FAILED.equals(p.status())), "no point failed: "
                + run.points().stream().map(p -> p.key() + "=" + p.status() + " " + p.reason()).toList());
        assertEquals(2, run.points().stream().filter(p -> Point.UNFINISHED.equals(p.status())).count(),
                "both points wait for --resume");
        assertEquals(io.gluebench.cli.Main.STOPPED, io.gluebench.cli.RunCommand.exitCode(runDir));
        assertTrue(ProcessHandle.current().children().findAny().isEmpty(), "no fork outlives the stop");

        // The other benchmark has finished: --resume measures both points.
        pipeline(console).resume(runDir);
        Run done = store.read(runDir);
        assertEquals("complete", done.status());
        assertEquals(2, done.points().stream().filter(Point::isOk).count(), console.toString(StandardCharsets.UTF_8));
    }

    /** A process that takes a file's lock, says so, and keeps it until it is killed. */
    static final String HOLDER = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class HoldLock {
                public static void main(String[] a) throws Exception {
                    FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var lock = ch.lock();
                    System.out.println("held");
                    System.out.flush();
                    Thread.sleep(600_000);
                }
            }
            """;

    private RunPipeline pipeline(ByteArrayOutputStream console) {
        return new RunPipeline(TestEnv.env(), new PrintStream(console, true, StandardCharsets.UTF_8), false)
                .withStartup(false).withScaling(false).withAllowConcurrent(true)
                .withPublish(io.gluebench.publish.Publisher::afterRun);
    }

    private Path runDir() throws java.io.IOException {
        if (!Files.isDirectory(results)) {
            return null;
        }
        try (Stream<Path> machines = Files.list(results)) {
            for (Path m : machines.toList()) {
                try (Stream<Path> runs = Files.list(m)) {
                    var r = runs.filter(Files::isDirectory).findFirst();
                    if (r.isPresent()) {
                        return r.get();
                    }
                }
            }
        }
        return null;
    }
}
