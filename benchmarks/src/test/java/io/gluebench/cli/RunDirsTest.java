package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "latest" names the newest run folder under results/, whichever machine measured it. */
class RunDirsTest {
    @TempDir
    Path results;

    private Path run(String machine, String id) throws Exception {
        Path dir = Files.createDirectories(results.resolve(machine).resolve(id));
        Files.writeString(dir.resolve("run.json"), "{}");
        return dir;
    }

    @Test
    void theNewestRunByItsStartTime() throws Exception {
        assertEquals(Optional.empty(), RunDirs.latest(results));
        run("vm-aaaaaa", "20261204-120000-quick");
        Path newest = run("vm-bbbbbb", "20261204-130000-smoke");
        run("vm-aaaaaa", "20261203-235959-standard");
        Files.createDirectories(results.resolve("vm-aaaaaa").resolve("20261205-000000-quick"));   // no run.json
        Files.createDirectories(results.resolve("vm-aaaaaa").resolve("zz-not-a-run")).resolve("run.json");
        assertEquals(Optional.of(newest), RunDirs.latest(results));
    }

    @Test
    void anyOtherNameIsTakenAsAPath() throws Exception {
        assertEquals(Path.of("results/m/r"), RunDirs.resolve(Path.of("results/m/r")));
        assertTrue(RunDirs.resolve(Path.of("latest")).getFileName().toString().matches("\\d{8}-\\d{6}-.+"),
                "the project's results/ holds committed runs");
    }
}
