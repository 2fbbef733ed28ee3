package io.gluebench.report;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Fastest;
import io.gluebench.result.Run;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every section of a run's report reads: the stored run, its analysis, the chart files, and the
 * run's workloads (in the order of its points) and patterns (in {@link Fastest#patterns} order).
 */
record ReportInput(Run run, Analysis analysis, List<Path> charts, List<String> workloads, List<String> patterns) {
    static ReportInput of(Run run, Analysis analysis, List<Path> charts) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(analysis, "analysis");
        LinkedHashSet<String> workloads = new LinkedHashSet<>();
        run.points().forEach(p -> workloads.add(p.workload()));
        return new ReportInput(run, analysis, charts == null ? List.of() : List.copyOf(charts), List.copyOf(workloads),
                Fastest.patterns(run));
    }

    /** The chart {@code name}.png, when the run's charts folder has it. */
    Optional<Path> chart(String name) {
        return charts.stream().filter(p -> p.getFileName().toString().equals(name + ".png")).findFirst();
    }
}
