package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import org.junit.jupiter.api.Test;

/** The summary of a run with every pattern stays within its width: per workload, patterns down the side. */
class TableWidthTest {
    @Test
    void aThirtyPatternRunPrintsPerWorkloadWithinTheWidth() throws Exception {
        Run run = new RunStore().read(TestEnv.home().resolve("results/vm-bfab2a/20261204-145704-quick"));
        String table = TextTable.summary(run);
        int widest = table.lines().mapToInt(String::length).max().orElse(0);
        assertTrue(widest <= TextTable.MAX_WIDTH, widest + " columns:\n" + table);
        assertTrue(table.contains("dot, N =") && table.contains("jep-numpy-scalar-loop") && table.contains("fastest"), table);
    }

    @Test
    void aNinePatternRunKeepsOneTable() throws Exception {
        Run run = new RunStore().read(TestEnv.home().resolve("results/vm-bfab2a/20261204-162854-quick"));
        String table = TextTable.summary(run);
        assertTrue(table.startsWith("workload  N"), table);
    }
}
