package io.gluebench.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Patterns;
import io.gluebench.result.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue (pattern/Patterns.java) is the one list of pattern names, and the palette the one
 * place that gives each a colour. A class that spells out three or more pattern names (string
 * literals, family names that are also pattern names not counted) keeps a second list that drifts
 * from the catalogue: this test fails on any. A rule about some patterns is a field of
 * pattern/PatternSpec, declared with each pattern, and read by the code that applies it (run/Applicability,
 * run/UserWorkloads, cli/SoakCommand); analysis reads it from the run's stored pattern info
 * (result/PatternInfo, as analysis/FourQuestions does).
 */
class SecondListTest {
    static final Set<String> THE_LISTS = Set.of("pattern/Patterns.java", "chart/Palette.java");
    static final int A_LIST = 3;

    @Test
    void noClassButTheCatalogueAndThePaletteListsPatternNames() throws Exception {
        Set<String> families = Arrays.stream(Family.values()).map(Family::label).collect(Collectors.toSet());
        Set<String> names = Patterns.names().stream().filter(n -> !families.contains(n)).collect(Collectors.toSet());
        Pattern literal = Pattern.compile("\"([a-z0-9@-]+)\"");
        Path root = TestEnv.home().resolve("benchmarks/src/main/java/io/gluebench");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = root.relativize(f).toString();
                if (THE_LISTS.contains(rel)) {
                    continue;
                }
                TreeSet<String> named = new TreeSet<>();
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (names.contains(m.group(1))) {
                        named.add(m.group(1));
                    }
                }
                if (named.size() >= A_LIST) {
                    problems.add(rel + " lists " + named.size() + " pattern names " + named
                            + ": read them from the catalogue (PatternSpec) instead");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
