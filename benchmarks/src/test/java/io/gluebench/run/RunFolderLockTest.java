package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
