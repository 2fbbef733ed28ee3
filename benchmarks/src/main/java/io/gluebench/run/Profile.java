package io.gluebench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named choice of workloads, sizes, patterns and JMH settings (profiles.json).
 *
 * @param sizes       workload name to the sizes swept, in order
 * @param workloads   the workloads a run includes when none is named (default: every workload in
 *                    sizes); the others keep their sizes for {@code --workload}
 * @param jmh         iteration settings for most patterns
 * @param graalpyJmh  iteration settings for GraalPy points, whose JIT needs a long warm-up
 * @param floors      whether the run measures the raw floors (JNI/FFM no-op, C ping-pong)
 */
public record Profile(
        String name,
        String description,
        Map<String, List<Integer>> sizes,
        List<String> workloads,
        List<String> patterns,
        JmhSettings jmh,
        JmhSettings graalpyJmh,
        boolean floors,
        int pointTimeoutSeconds) {

    public Profile {
        sizes = sizes == null ? Map.of() : new LinkedHashMap<>(sizes);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        workloads = workloads == null ? List.copyOf(sizes.keySet()) : List.copyOf(workloads);
    }

    public JmhSettings settingsFor(String family) {
        return "graalpy".equals(family) ? graalpyJmh : jmh;
    }

    public Profile named(String n) {
        return new Profile(n, description, sizes, workloads, patterns, jmh, graalpyJmh, floors, pointTimeoutSeconds);
    }

    /** JMH iteration settings. */
    public record JmhSettings(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis) {
        public double seconds() {
            return (warmupIterations * (double) warmupMillis + measurementIterations * (double) measurementMillis) / 1000.0;
        }
    }
}
