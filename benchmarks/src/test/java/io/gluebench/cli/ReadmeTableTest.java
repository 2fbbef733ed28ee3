package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Patterns;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's workload table is the catalogue's own output; its pattern table names every pattern. */
class ReadmeTableTest {
    @Test
    void readmeWorkloadTableIsGeneratedFromTheCatalogue() throws Exception {
        String readme = Files.readString(TestEnv.home().resolve("README.md"));
        String begin = "<!-- workloads:begin -->\n";
        int from = readme.indexOf(begin) + begin.length();
        int to = readme.indexOf("<!-- workloads:end -->");
        assertEquals(ListCommand.markdownTable(), readme.substring(from, to),
                "regenerate the README's table with ./gluebench list --markdown");
    }

    @Test
    void readmePatternTableHasARowForEveryPattern() throws Exception {
        String readme = Files.readString(TestEnv.home().resolve("README.md"));
        int from = readme.indexOf("\n## Patterns\n");
        String table = readme.substring(from, readme.indexOf("\n\n", readme.indexOf("\n| pattern |", from) + 1));
        for (String name : Patterns.names()) {
            assertTrue(table.contains("\n| `" + name + "`") || table.contains(", `" + name + "` |"),
                    name + " has no row in the README's pattern table");
        }
    }
}
