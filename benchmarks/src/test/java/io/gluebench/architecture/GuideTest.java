package io.gluebench.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.TestEnv;
import io.gluebench.run.Profile;
import io.gluebench.run.Profiles;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;
import io.gluebench.workload.Workloads;
import io.gluebench.workload.builtin.BuiltinWorkload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/architecture.md honest: every file or class it names exists, and every built-in workload
 * has the pieces its "Add a workload" steps list, from its class to its vectors (so a step that goes
 * stale, or a workload that skips one, fails here).
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

    /** The folder of the built-in workloads' classes, and the base classes in it that are no workload. */
    static final String BUILTIN = "benchmarks/src/main/java/io/gluebench/workload/builtin";
    static final Set<String> BASES = Set.of("BuiltinWorkload", "CompoundWorkload");

    /**
     * What the "Add a workload" steps ask of each workload and is missing from the tree at home, one
     * "name: step n, the piece" each.
     */
    static List<String> missingPieces(Path home, List<? extends BuiltinWorkload<?>> workloads, List<Profile> profiles)
            throws IOException {
        String input = Files.readString(home.resolve("benchmarks/src/main/java/io/gluebench/workload/WorkloadInput.java"));
        String javaPattern = Files.readString(home.resolve(
                "benchmarks/src/main/java/io/gluebench/pattern/jvm/JavaPattern.java"));
        String numpy = Files.readString(home.resolve("python-workloads/gluebench_py/numpy_kernels.py"));
        String header = Files.readString(home.resolve("native/include/gluebench.h"));
        String kernels = Files.readString(home.resolve("native/src/kernels.c"));
        String jni = Files.readString(home.resolve("native/src/jni_glue.c"));
        String ffm = Files.readString(home.resolve("benchmarks/src/main/java/io/gluebench/pattern/ffm/FfmKernels.java"));
        String frames = Files.readString(home.resolve("benchmarks/src/main/java/io/gluebench/pattern/worker/Frames.java"));
        String worker = Files.readString(home.resolve("python-workloads/gluebench_py/worker.py"));
        JsonNode vectors = new ObjectMapper().readTree(home.resolve("python-workloads/tests/vectors.json").toFile());
        List<String> missing = new ArrayList<>();
        for (BuiltinWorkload<?> w : workloads) {
            String name = w.name();
            String type = w.inputType().getSimpleName();
            String cls = w.getClass().getSimpleName();
            check(missing, input.contains("record " + type + "("), name, 1, "its input record " + type + " in WorkloadInput.java");
            check(missing, Files.isRegularFile(home.resolve(BUILTIN).resolve(cls + ".java")), name, 2,
                    "its class " + BUILTIN + "/" + cls + ".java");
            check(missing, cls.toLowerCase(java.util.Locale.ROOT).equals(name), name, 2, "a class named after it, not " + cls);
            check(missing, Files.isRegularFile(home.resolve("python-workloads/gluebench_py/workloads")
                    .resolve(w.pythonModule())), name, 4, "its Python module " + w.pythonModule());
            if (w.hasNumpyVariant()) {
                check(missing, numpy.contains("def " + w.numpyKernel() + "("), name, 4,
                        "its numpy version " + w.numpyKernel() + " in numpy_kernels.py");
            }
            String c = w.cKernel();
            check(missing, header.contains(" " + c + "("), name, 5, "its C kernel " + c + " declared in gluebench.h");
            check(missing, kernels.contains(" " + c + "("), name, 5, "its C kernel " + c + " in kernels.c");
            check(missing, Pattern.compile("\\b" + c + "\\b").matcher(jni).find(), name, 5, c + " bound in jni_glue.c");
            check(missing, ffm.contains("\"" + c + "\""), name, 5, c + " bound in FfmKernels.java");
            check(missing, javaPattern.contains("case WorkloadInput." + type + " ")
                    && Pattern.compile("(?<![\\w.])" + cls + "\\.").matcher(javaPattern).find(), name, 6,
                    "the switch case for " + type + " in JavaPattern.java, calling " + cls + "'s reference");
            String op = "OP_" + name.toUpperCase(java.util.Locale.ROOT);
            check(missing, frames.contains(" " + op + " =") && worker.contains("framing." + op + ":"), name, 6,
                    "the worker's opcode " + op + " in Frames.java and worker.py");
            for (Profile p : profiles) {
                check(missing, p.sizes().containsKey(name), name, 7, "sizes in profile " + p.name());
            }
            check(missing, vectors.has(name), name, 8, "its vectors in python-workloads/tests/vectors.json");
        }
        return missing;
    }

    private static void check(List<String> missing, boolean present, String name, int step, String piece) {
        if (!present) {
            missing.add(name + ": step " + step + ", " + piece);
        }
    }

    /** The classes of the built-in workloads' folder that the list of workload/Workloads.java lacks (step 3). */
    static List<String> unlisted(Path home, List<? extends BuiltinWorkload<?>> workloads) throws IOException {
        Set<String> listed = new TreeSet<>();
        workloads.forEach(w -> listed.add(w.getClass().getSimpleName()));
        try (var files = Files.list(home.resolve(BUILTIN))) {
            return files.map(f -> f.getFileName().toString().replaceFirst("\\.java$", ""))
                    .filter(c -> !BASES.contains(c) && !listed.contains(c)).sorted().toList();
        }
    }

    @Test
    void everyBuiltInWorkloadHasThePiecesTheGuideLists() throws Exception {
        assertEquals(List.of(), missingPieces(home(), Workloads.ALL, Profiles.load().all()),
                "built-in workloads without a piece the \"Add a workload\" steps of docs/architecture.md list");
        assertEquals(List.of(), unlisted(home(), Workloads.ALL),
                "classes in " + BUILTIN + " missing from the list of workload/Workloads.java (step 3)");
    }

    /** A workload that has nothing but its class in this test: every step but the input's must say so. */
    static final class Nosuch extends BuiltinWorkload<WorkloadInput.Echo> {
        Nosuch() {
            super(WorkloadInput.Echo.class, new Facts("nosuch", "", "", "N", 0, 10, ResultKind.INT64,
                    Tolerance.exact(""), "", "nosuch.py", null));
        }

        @Override
        protected WorkloadInput.Echo generate(int size) {
            return new WorkloadInput.Echo(new byte[size]);
        }

        @Override
        protected long reference(WorkloadInput.Echo input) {
            return 0;
        }
    }

    @Test
    void theChecksFindAMissingPiece() throws Exception {
        List<String> missing = missingPieces(home(), List.of(new Nosuch()), Profiles.load().all());
        for (int step : new int[] {2, 4, 5, 6, 7, 8}) {
            assertTrue(missing.stream().anyMatch(m -> m.startsWith("nosuch: step " + step + ",")), step + ": " + missing);
        }
        assertTrue(missing.stream().noneMatch(m -> m.startsWith("nosuch: step 1,")), missing.toString());
        List<BuiltinWorkload<?>> withoutDot = Workloads.ALL.stream().filter(w -> !w.name().equals("dot")).toList();
        assertEquals(List.of("Dot"), unlisted(home(), withoutDot));
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
