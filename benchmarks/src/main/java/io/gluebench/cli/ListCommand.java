package io.gluebench.cli;

import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.result.RunStore;
import io.gluebench.report.TextTable;
import io.gluebench.run.Applicability;
import io.gluebench.run.Profile;
import io.gluebench.run.Profiles;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List workloads, patterns and profiles.")
public final class ListCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--markdown", description = "Print the workload table as Markdown (docs/workloads.md's table is this output).")
    boolean markdown;

    /** The workload table of docs/workloads.md, generated from the built-in workloads' classes. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | what it computes | N is | complexity | crosses per call | comparison | numpy variant |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Workload w : Workloads.ALL) {
            sb.append("| `").append(w.name()).append("` | ").append(w.summary().replace("|", "\\|"))
                    .append(" | ").append(w.sizeMeaning()).append(" | ").append(w.complexity())
                    .append(" | ").append(w.bytesPerCall())
                    .append(" | ").append(w.tolerance().relative() == 0 ? "exact: " : "relative " + w.tolerance().relative() + ": ")
                    .append(w.tolerance().reason())
                    .append(" | ").append(w.hasNumpyVariant() ? "yes" : "no: " + w.noNumpy()).append(" |\n");
        }
        return sb.toString();
    }

    /** list --workload-file: what each file declares, and the patterns that will time it. */
    private Integer listFiles() throws Exception {
        var env = io.gluebench.pattern.PatternEnv.fromSystem();
        var user = io.gluebench.run.UserWorkloads.describe(env, workloadFiles);
        Workloads.register(user);
        if (json) {
            System.out.println(new RunStore().mapper().writeValueAsString(user.stream().map(w -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", w.name());
                m.put("summary", w.summary());
                m.put("size", w.sizeMeaning());
                m.put("shape", w.shape().id());
                m.put("complexity", w.complexity());
                m.put("sizes", w.sizes());
                m.put("numpyVariant", w.hasNumpyVariant());
                m.put("file", w.source().path());
                m.put("sha256", w.source().sha256());
                m.put("patterns", applicable(w));
                return m;
            }).toList()));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("workload", "shape", "N is", "complexity", "numpy", "file", "what"));
        for (var w : user) {
            rows.add(List.of(w.name(), w.shape().id(), w.sizeMeaning(),
                    w.complexity() == null ? "fitted" : w.complexity(), w.hasNumpyVariant() ? "yes" : "no",
                    w.source().path(), w.summary()));
        }
        System.out.println(TextTable.render(rows));
        for (var w : user) {
            System.out.println(w.name() + " runs through: " + String.join(", ", applicable(w)));
        }
        return 0;
    }

    static List<String> applicable(Workload w) {
        return Patterns.ALL.stream().filter(p -> Applicability.notApplicable(p, w) == null).map(PatternSpec::name).toList();
    }

    @Option(names = "--workload-file", paramLabel = "FILE",
            description = "Check these Python files' workload declarations (CPython imports each) and list them.")
    List<java.nio.file.Path> workloadFiles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!workloadFiles.isEmpty()) {
            return listFiles();
        }
        List<Profile> profiles = Profiles.load().all();
        if (markdown) {
            System.out.print(markdownTable());
            return 0;
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("workloads", Workloads.ALL.stream().map(w -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", w.name());
                m.put("summary", w.summary());
                m.put("size", w.sizeMeaning());
                m.put("sizeRange", List.of(w.minSize(), w.maxSize()));
                m.put("complexity", w.complexity());
                m.put("bytesPerCall", w.bytesPerCall());
                m.put("result", w.resultKind().name());
                m.put("tolerance", w.tolerance());
                m.put("numpyVariant", w.hasNumpyVariant());
                m.put("noNumpyReason", w.noNumpy());
                m.put("patterns", applicable(w));
                m.put("profileSizes", profiles.stream().filter(p -> p.sizes().containsKey(w.name()))
                        .collect(java.util.stream.Collectors.toMap(Profile::name, p -> p.sizes().get(w.name()),
                                (x, y) -> x, LinkedHashMap::new)));
                return m;
            }).toList());
            doc.put("patterns", Patterns.ALL.stream().map(p -> Map.of("name", p.name(), "family", p.family(),
                    "measures", p.measures(), "needs", p.needs())).toList());
            doc.put("profiles", profiles);
            System.out.println(new RunStore().mapper().writeValueAsString(doc));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("workload", "N is", "complexity", "crosses per call", "comparison", "patterns", "what"));
        for (Workload w : Workloads.ALL) {
            rows.add(List.of(w.name(), w.sizeMeaning(), w.complexity(), w.bytesPerCall(),
                    w.tolerance().relative() == 0 ? "exact" : "rel " + w.tolerance().relative(),
                    w.hasNumpyVariant() ? "all" : "all but *-numpy", w.summary()));
        }
        System.out.println(TextTable.render(rows));
        rows.clear();
        rows.add(List.of("pattern", "family", "measures"));
        for (PatternSpec p : Patterns.ALL) {
            rows.add(List.of(p.name(), p.family().label(), p.measures()));
        }
        System.out.println(TextTable.render(rows));
        rows.clear();
        rows.add(List.of("profile", "points", "what"));
        for (Profile p : profiles) {
            int points = p.workloads().stream().mapToInt(w -> p.sizes().get(w).size()).sum() * p.patterns().size();
            rows.add(List.of(p.name(), Integer.toString(points), p.description()));
        }
        System.out.print(TextTable.render(rows));
        return 0;
    }
}
