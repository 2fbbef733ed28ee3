package io.gluebench.result;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every committed run folder (results/*&#47;*&#47;run.json) reads and passes the validator. */
class CommittedRunsTest {
    @Test
    void everyCommittedRunReads() throws Exception {
        Path results = Path.of(System.getProperty("gluebench.home", "..")).resolve("results").normalize();
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> s = Files.find(results, 2, (p, a) -> a.isDirectory() && Files.isRegularFile(p.resolve(RunStore.RUN_FILE)))) {
            s.forEach(runs::add);
        }
        assertFalse(runs.isEmpty(), "no committed runs under " + results);
        List<String> problems = new ArrayList<>();
        for (Path run : runs) {
            try {
                Run r = new RunStore().read(run);
                RunValidator.validate(r, run.toString());
                assertTrue(r.runId().equals(run.getFileName().toString()), run + ": runId names the folder");
            } catch (ResultFormatException e) {
                problems.add(e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
