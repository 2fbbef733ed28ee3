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
        assertTrue(widest <= TextTable.width(), widest + " columns:\n" + table);
        assertTrue(table.contains("dot, N =") && table.contains("jep-numpy-scalar-loop") && table.contains("fastest"), table);
    }

    @Test
    void aNinePatternRunKeepsOneTable() throws Exception {
        Run run = new RunStore().read(TestEnv.home().resolve("results/vm-bfab2a/20261204-162854-quick"));
        String table = TextTable.summary(run);
        assertTrue(table.startsWith("workload  N"), table);
    }

    @Test
    void aLongLastColumnWrapsUnderItselfAndNoRowIsBrokenElsewhere() {
        String what = "Word frequencies in N bytes of generated text (4096-word vocabulary, Zipf-like, some accented "
                + "words); the result is the number of distinct words and the top 10 with counts, ties broken by word.";
        String table = TextTable.render(java.util.List.of(java.util.List.of("workload", "N is", "what"),
                java.util.List.of("wordfreq", "bytes of UTF-8 text", what), java.util.List.of("dot", "doubles", "Dot product.")), 80);
        java.util.List<String> lines = table.lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), table);
        int indent = lines.get(0).indexOf("what");
        assertTrue(lines.get(1).startsWith("wordfreq  bytes of UTF-8 text  Word frequencies"), table);
        assertTrue(lines.get(2).startsWith(" ".repeat(indent)) && !lines.get(2).isBlank(), "continues under its column:\n" + table);
        assertTrue(table.replaceAll("\\s+", " ").contains(what), "nothing is lost: " + table);
        assertTrue(lines.get(lines.size() - 1).startsWith("dot "), table);
    }

    @Test
    void listFitsTheWidth() {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            io.gluebench.cli.Main.commandLine().execute("list");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        int widest = out.lines().mapToInt(String::length).max().orElse(0);
        assertTrue(out.contains("wordfreq") && widest <= TextTable.width(), widest + " columns:\n" + out);
    }
}
