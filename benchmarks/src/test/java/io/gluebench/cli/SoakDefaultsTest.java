package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** soak's default patterns are those the catalogue declares soakDefault; the other defaults are the annotations'. */
class SoakDefaultsTest {
    @Test
    void withoutPatternSoakWatchesTheCataloguesDefaults() {
        // The list SoakCommand kept before the rule moved into the catalogue.
        List<String> before = List.of("jep-python", "jep-numpy", "jep-native", "worker-python", "worker-numpy");
        assertEquals(before, SoakCommand.DEFAULT_PATTERNS);
        SoakCommand soak = new SoakCommand();
        new CommandLine(soak).parseArgs();
        assertEquals(before, soak.patterns);
        assertEquals(30, soak.minutes);
        assertEquals(1000, soak.size);
        assertEquals(10, soak.sampleSeconds);
        assertEquals(List.of("dot", "records"), soak.workloads);
    }

    @Test
    void patternReplacesTheDefaults() {
        SoakCommand soak = new SoakCommand();
        new CommandLine(soak).parseArgs("--pattern", "jep-python,worker-python");
        assertEquals(List.of("jep-python", "worker-python"), soak.patterns);
    }
}
