package io.gluebench.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.run.Profile;
import io.gluebench.run.Profiles;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/architecture.md honest: every file or class it names exists, and every built-in workload
 * has the pieces its "Add a workload" steps list (so a step that goes stale fails here).
 */
class GuideTest {
    private static final Pattern NAMED = Pattern.compile("`([A-Za-z0-9_./-]+/[A-Za-z0-9_.]+/?)`");

    static Path home() {
        return TestEnv.home();
    }

    /** Where a name of the guide can live: the top level, the harness's packages, its tests. */
    static boolean exists(String name) {
        List<Path> roots = List.of(home(), home().resolve("benchmarks/src/main/java/io/gluebench"),
                home().resolve("benchmarks/src/test/java/io/gluebench"));
        for (Path root : roots) {
            Path p = root.resolve(name);
            if (Files.exists(p) || Files.exists(root.resolve(name + ".java"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyFileTheGuideNamesExists() throws Exception {
        String guide = Files.readString(home().resolve("docs/architecture.md"));
        Matcher m = NAMED.matcher(guide);
        List<String> missing = new ArrayList<>();
        int named = 0;
        while (m.find()) {
            named++;
            if (!exists(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertTrue(named >= 20, "the guide names its files: " + named);
        assertEquals(List.of(), missing, "docs/architecture.md names files that do not exist");
    }

    @Test
    void everyBuiltInWorkloadHasThePiecesTheGuideLists() throws Exception {
        String javaPattern = Files.readString(home().resolve(
                "benchmarks/src/main/java/io/gluebench/pattern/jvm/JavaPattern.java"));
        String input = Files.readString(home().resolve("benchmarks/src/main/java/io/gluebench/workload/WorkloadInput.java"));
        String numpy = Files.readString(home().resolve("python-workloads/gluebench_py/numpy_kernels.py"));
        List<Profile> profiles = Profiles.load().all();
        for (Workload w : Workloads.ALL) {
            String module = w.pythonModule();
            assertTrue(Files.isRegularFile(home().resolve("python-workloads/gluebench_py/workloads").resolve(module)),
                    w.name() + ": step 4, its Python module " + module);
            for (Profile p : profiles) {
                assertTrue(p.sizes().containsKey(w.name()), w.name() + ": step 7, sizes in profile " + p.name());
            }
            String type = w.input(Math.max(w.minSize(), 1)).getClass().getSimpleName();
            assertTrue(input.contains("record " + type + "("), w.name() + ": step 1, its input " + type);
            assertTrue(javaPattern.contains("WorkloadInput." + type + " "), w.name() + ": step 6, the switch case for " + type);
            if (w.hasNumpyVariant()) {
                assertTrue(numpy.contains("def " + w.name() + "_np("), w.name() + ": step 4, its numpy version in numpy_kernels.py");
            }
        }
    }

    @Test
    void theReadmeIsTwoScreensAndLinksEveryDocsPage() throws Exception {
        String readme = Files.readString(home().resolve("README.md"));
        assertTrue(readme.lines().count() <= 150, "README.md has " + readme.lines().count() + " lines; at most 150");
        List<String> unlinked = new ArrayList<>();
        try (var pages = Files.list(home().resolve("docs"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String name = page.getFileName().toString();
                if (!readme.contains("(docs/" + name + ")") && !readme.contains("(docs/" + name + "#")) {
                    unlinked.add(name);
                }
            }
        }
        assertEquals(List.of(), unlinked, "docs pages the README does not link");
    }
}
