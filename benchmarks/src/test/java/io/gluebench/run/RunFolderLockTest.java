package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs never share a folder, and a folder has one live owner. */
class RunFolderLockTest {
    @TempDir
    Path machineDir;

    @Test
    void runsStartedInTheSameSecondGetTheirOwnFolders() throws Exception {
        Path a = RunPipeline.newRunDir(machineDir, "20261204-120000-smoke");
        Path b = RunPipeline.newRunDir(machineDir, "20261204-120000-smoke");
        assertEquals("20261204-120000-smoke", a.getFileName().toString());
        assertEquals("20261204-120000-smoke-2", b.getFileName().toString());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> made = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                made.add(pool.submit((Callable<Path>) () -> RunPipeline.newRunDir(machineDir, "20261204-120001-quick")));
            }
            HashSet<Path> distinct = new HashSet<>();
            for (Future<Path> f : made) {
                distinct.add(f.get());
            }
            assertEquals(16, distinct.size(), "sixteen racing runs, sixteen folders");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLiveOwnerKeepsTheFolderAndADeadOnesLockIsTakenOver() throws Exception {
        Path dir = Files.createDirectory(machineDir.resolve("run"));
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        assertNotEquals(ProcessHandle.current().pid(), live);
        Files.writeString(dir.resolve(RunJournal.LOCK), Long.toString(live));
        var refused = assertThrows(java.io.IOException.class, () -> RunJournal.lock(dir));
        assertTrue(refused.getMessage().contains("is being run by process " + live), refused.getMessage());

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve(RunJournal.LOCK), Long.toString(gone.pid()));
        RunJournal.lock(dir);
        assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(dir.resolve(RunJournal.LOCK)));
        assertEquals(ProcessHandle.current().pid(), RunJournal.holder(dir));
    }

    @Test
    void aSecondRunOnTheMachineIsRefusedBeforeItMakesAFolder() throws Exception {
        Path locks = Files.createDirectory(machineDir.resolve("locks"));
        Path results = Files.createDirectory(machineDir.resolve("results"));
        Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("echo"), List.of("java"), List.of(0));
        try (MachineLock first = MachineLock.take(locks)) {
            first.describe(machineDir.resolve("results/m/first-run"));
            var refused = assertThrows(UsageException.class, () -> new RunPipeline(io.gluebench.TestEnv.env(),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false).withLockDirectory(locks)
                    .run(plan, results));
            assertTrue(refused.getMessage().startsWith("another gluebench run is measuring on this machine (process "
                    + ProcessHandle.current().pid() + ", " + machineDir.resolve("results/m/first-run") + ")"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("--allow-concurrent"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"));
        }
        try (var files = Files.list(results)) {
            assertEquals(0, files.count(), "nothing was written");
        }
        // Released: the next one takes it.
        MachineLock.take(locks).close();
    }

    @Test
    void aHeldJmhLockRefusesTheRunUpFront() throws Exception {
        Path locks = Files.createDirectory(machineDir.resolve("jmh-locks"));
        Path results = Files.createDirectory(machineDir.resolve("jmh-results"));
        assertEquals(null, MachineLock.jmhLockHeld(locks), "free");
        try (var ch = java.nio.channels.FileChannel.open(locks.resolve(MachineLock.JMH_FILE),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                var held = ch.lock()) {
            String why = MachineLock.jmhLockHeld(locks);
            assertTrue(why != null && why.startsWith("another JMH benchmark is running on this machine"), why);
            Plan plan = Plan.of(Profiles.load().get("smoke"), List.of("echo"), List.of("java"), List.of(0));
            var refused = assertThrows(UsageException.class, () -> new RunPipeline(io.gluebench.TestEnv.env(),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false).withLockDirectory(locks)
                    .run(plan, results));
            assertEquals(why, refused.getMessage());
        }
        try (var files = Files.list(results)) {
            assertEquals(0, files.count(), "nothing was measured or written");
        }
    }

    @Test
    void aLiveRunIsNotResumed() throws Exception {
        Path dir = Files.createDirectory(machineDir.resolve("live-run"));
        new io.gluebench.result.RunStore().write(dir, new io.gluebench.result.Run(io.gluebench.result.Run.FORMAT_VERSION,
                "live-run", "quick", "running", "2026-12-04T00:00:00Z", null,
                new io.gluebench.result.Machine("m", "host", "cpu", 2, 1L << 30, "Linux", "6.1", "Temurin", "25",
                        java.util.Map.of(), "abc1234", false, "2026-12-04T00:00:00Z", 0.1), java.util.Map.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Files.writeString(dir.resolve(RunJournal.LOCK), Long.toString(live));
        var refused = assertThrows(UsageException.class, () -> new RunPipeline(io.gluebench.TestEnv.env(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false).resume(dir));
        assertTrue(refused.getMessage().contains("is still being run by process " + live), refused.getMessage());
        assertEquals(Long.toString(live), Files.readString(dir.resolve(RunJournal.LOCK)), "its lock is left alone");
    }
}
