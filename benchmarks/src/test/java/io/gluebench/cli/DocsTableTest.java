package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Patterns;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/workloads.md's table is the built-in workloads' own output; docs/patterns.md's table names every pattern. */
class DocsTableTest {
    @Test
    void workloadTableIsGeneratedFromTheWorkloads() throws Exception {
        String readme = Files.readString(TestEnv.home().resolve("docs/workloads.md"));
        String begin = "<!-- workloads:begin -->\n";
        int from = readme.indexOf(begin) + begin.length();
        int to = readme.indexOf("<!-- workloads:end -->");
        assertEquals(ListCommand.markdownTable(), readme.substring(from, to),
                "regenerate the table in docs/workloads.md with ./gluebench list --markdown");
    }

    @Test
    void patternTableHasARowForEveryPattern() throws Exception {
        String readme = Files.readString(TestEnv.home().resolve("docs/patterns.md"));
        int from = readme.indexOf("# Patterns\n");
        String table = readme.substring(from, readme.indexOf("\n\n", readme.indexOf("\n| pattern |", from) + 1));
        for (String name : Patterns.names()) {
            assertTrue(table.contains("\n| `" + name + "`") || table.contains(", `" + name + "` |"),
                    name + " has no row in the pattern table of docs/patterns.md");
        }
    }
}
