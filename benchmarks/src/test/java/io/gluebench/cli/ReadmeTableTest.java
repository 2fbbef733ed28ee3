package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gluebench.TestEnv;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's workload table is the catalogue's own output, never hand-edited. */
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
}
