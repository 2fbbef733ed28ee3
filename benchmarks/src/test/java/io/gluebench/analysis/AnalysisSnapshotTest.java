package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.fail;

import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analysis of committed runs, diffed against its stored snapshot: a refactoring that changes a
 * fitted model, a crossover, an interval or a verdict of an old run fails here, naming the first line
 * that moved. One run of each kind: a format-1 run (one fork per point), a format-2 run of the five
 * headline patterns, and the every-pattern run. A change that is meant is recorded by regenerating
 * the snapshots (the command is in the failure) and reviewing their diff in the commit.
 */
class AnalysisSnapshotTest {
    static final List<String> RUNS = List.of("amd-epyc-2c-24g-003596/20261125-235111-quick",
            "vm-bfab2a/20261204-192715-quick", "vm-bfab2a/20261204-195532-quick");
    static final String UPDATE = "gluebench.updateSnapshots";

    @Test
    void theAnalysisOfCommittedRunsIsUnchanged() throws Exception {
        Path home = Path.of(System.getProperty("gluebench.home", "..")).toAbsolutePath().normalize();
        Path snapshots = home.resolve("benchmarks/src/test/resources/analysis-snapshots");
        RunStore store = new RunStore();
        StringBuilder problems = new StringBuilder();
        for (String id : RUNS) {
            Run run = store.read(home.resolve("results").resolve(id));
            String now = store.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Analyzer.analyze(run)) + "\n";
            Path snapshot = snapshots.resolve(id.replace('/', '_') + ".json");
            if (Boolean.getBoolean(UPDATE)) {
                Files.writeString(snapshot, now, StandardCharsets.UTF_8);
                continue;
            }
            if (!Files.isRegularFile(snapshot)) {
                problems.append(id).append(": no snapshot at ").append(snapshot).append('\n');
                continue;
            }
            List<String> was = Files.readAllLines(snapshot, StandardCharsets.UTF_8);
            List<String> is = now.lines().toList();
            for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
                String a = i < was.size() ? was.get(i) : "<end>";
                String b = i < is.size() ? is.get(i) : "<end>";
                if (!a.equals(b)) {
                    problems.append(id).append(", line ").append(i + 1).append(":\n  was: ").append(a.strip())
                            .append("\n  now: ").append(b.strip()).append('\n');
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("the analysis of committed runs changed:\n" + problems + "if the change is meant, regenerate with: "
                    + "mvn -B -o test -Dexec.skip=true -Dtest=AnalysisSnapshotTest -D" + UPDATE + "=true, and review "
                    + "git diff benchmarks/src/test/resources/analysis-snapshots");
        }
    }
}
