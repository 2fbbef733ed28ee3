package io.gluebench.cli;

import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.result.RunStore;
import io.gluebench.report.TextTable;
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

    @Override
    public Integer call() throws Exception {
        List<Profile> profiles = Profiles.load().all();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("workloads", Workloads.ALL.stream().map(w -> Map.of("name", w.name(), "summary", w.summary(),
                    "size", w.sizeMeaning(), "complexity", w.complexity(), "result", w.resultKind().name(),
                    "tolerance", w.tolerance())).toList());
            doc.put("patterns", Patterns.ALL.stream().map(p -> Map.of("name", p.name(), "family", p.family(),
                    "measures", p.measures(), "needs", p.needs())).toList());
            doc.put("profiles", profiles);
            System.out.println(new RunStore().mapper().writeValueAsString(doc));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("workload", "N is", "complexity", "comparison", "what"));
        for (Workload w : Workloads.ALL) {
            rows.add(List.of(w.name(), w.sizeMeaning(), w.complexity(),
                    w.tolerance().relative() == 0 ? "exact" : "rel " + w.tolerance().relative(), w.summary()));
        }
        System.out.println(TextTable.render(rows));
        rows.clear();
        rows.add(List.of("pattern", "family", "measures"));
        for (PatternSpec p : Patterns.ALL) {
            rows.add(List.of(p.name(), p.family(), p.measures()));
        }
        System.out.println(TextTable.render(rows));
        rows.clear();
        rows.add(List.of("profile", "points", "what"));
        for (Profile p : profiles) {
            int points = p.sizes().values().stream().mapToInt(List::size).sum() * p.patterns().size();
            rows.add(List.of(p.name(), Integer.toString(points), p.description()));
        }
        System.out.print(TextTable.render(rows));
        return 0;
    }
}
