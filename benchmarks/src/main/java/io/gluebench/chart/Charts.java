package io.gluebench.chart;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Draws every chart of a run from its stored data. */
public final class Charts {
    private Charts() {
    }

    public static List<Path> writeAll(Run run, Path dir) throws IOException {
        LinkedHashSet<String> patterns = new LinkedHashSet<>();
        LinkedHashSet<String> workloads = new LinkedHashSet<>();
        for (Point p : run.points()) {
            patterns.add(p.pattern());
            workloads.add(p.workload());
        }
        List<Path> written = new ArrayList<>();
        for (String w : workloads) {
            if (run.points().stream().anyMatch(p -> p.workload().equals(w) && p.isOk())) {
                TimePerCallChart.write(run, w, List.copyOf(patterns), dir);
                written.add(dir.resolve(w + ".png"));
            }
        }
        return written;
    }
}
