package io.gluebench.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule of docs/architecture.md, read from the sources: every reference from one package
 * of the harness to another (an import or a qualified name) runs down the chain, never back up.
 *
 * <pre>
 * cli -> publish -> report -> chart -> analysis -> result
 * cli -> run -> suite -> pattern -> workload      (run and suite may read analysis and result)
 * </pre>
 *
 * A sub-package is part of its top-level package and follows its row: {@code workload/builtin/} (one
 * class per built-in workload) is {@code workload}, both as a file that refers and as a name referred to.
 */
class LayeringTest {
    /** Each package and the packages it may use. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("cli", Set.of("publish", "run", "suite", "pattern", "workload", "report", "chart", "analysis",
                    "result")),
            Map.entry("publish", Set.of("report", "chart", "analysis", "result")),
            Map.entry("run", Set.of("suite", "pattern", "workload", "analysis", "result")),
            Map.entry("suite", Set.of("pattern", "workload", "analysis", "result")),
            Map.entry("pattern", Set.of("workload", "result")),
            Map.entry("report", Set.of("chart", "analysis", "result")),
            Map.entry("chart", Set.of("analysis", "result")),
            Map.entry("analysis", Set.of("result")),
            Map.entry("result", Set.of()),
            Map.entry("workload", Set.of()));

    private static final Pattern REFERENCE = Pattern.compile("io\\.gluebench\\.([a-z]+)\\.[A-Za-z]");

    static Path sources() {
        return TestEnv.home().resolve("benchmarks/src/main/java/io/gluebench");
    }

    /** "file: the reference" for every reference from one package to a package it may not use. */
    static List<String> violations(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String from = root.relativize(f).getName(0).toString();
                Set<String> may = ALLOWED.get(from);
                if (may == null) {
                    out.add(root.relativize(f) + ": package " + from + " is not in the layering rule");
                    continue;
                }
                int line = 0;
                for (String text : Files.readAllLines(f)) {
                    line++;
                    Matcher m = REFERENCE.matcher(text);
                    while (m.find()) {
                        String to = m.group(1);
                        if (!to.equals(from) && !may.contains(to)) {
                            out.add(root.relativize(f) + ":" + line + ": " + from + " uses " + to + " (" + text.strip() + ")");
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noReferenceRunsBackUpTheLayers() throws Exception {
        List<String> v = violations(sources());
        assertEquals(List.of(), v, "references that break the layering of docs/architecture.md");
    }

    @Test
    void theRuleCoversEveryPackageAndHasNoCycle() throws Exception {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(sources())) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), packages, "every package of the harness has its row");
        for (String p : ALLOWED.keySet()) {
            assertTrue(!reachable(p).contains(p), p + " reaches itself");
        }
    }

    @Test
    void theCheckFindsAReferenceThatRunsUp() throws Exception {
        Path tmp = Files.createTempDirectory("layering");
        try {
            Path f = tmp.resolve("result/Bad.java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "package io.gluebench.result;\nimport io.gluebench.chart.Palette;\nclass Bad {}\n");
            Path g = tmp.resolve("run/AlsoBad.java");
            Files.createDirectories(g.getParent());
            Files.writeString(g, "package io.gluebench.run;\nclass AlsoBad { Object o = io.gluebench.report.Reports.class; }\n");
            Path h = tmp.resolve("workload/builtin/Up.java");
            Files.createDirectories(h.getParent());
            Files.writeString(h, "package io.gluebench.workload.builtin;\nimport io.gluebench.pattern.Call;\n"
                    + "import io.gluebench.workload.Workload;\nclass Up {}\n");
            Path k = tmp.resolve("pattern/Fine.java");
            Files.createDirectories(k.getParent());
            Files.writeString(k, "package io.gluebench.pattern;\nimport io.gluebench.workload.builtin.Dot;\nclass Fine {}\n");
            List<String> v = violations(tmp);
            assertEquals(3, v.size(), v.toString());
            assertTrue(v.get(0).startsWith("result/Bad.java:2: result uses chart"), v.get(0));
            assertTrue(v.get(1).startsWith("run/AlsoBad.java:2: run uses report"), v.get(1));
            assertTrue(v.get(2).startsWith("workload/builtin/Up.java:2: workload uses pattern"), v.get(2));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Set<String> reachable(String from) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(ALLOWED.get(from));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            if (seen.add(p)) {
                todo.addAll(ALLOWED.getOrDefault(p, Set.of()));
            }
        }
        return seen;
    }
}
