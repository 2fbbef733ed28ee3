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
 * @param startup     the start-up and warm-up measurement, or null for none
 * @param scaling     the 1-versus-more-callers measurement, or null for none
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
        int pointTimeoutSeconds,
        StartupSettings startup,
        ScalingSettings scaling) {

    public Profile {
        sizes = sizes == null ? Map.of() : new LinkedHashMap<>(sizes);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        workloads = workloads == null ? List.copyOf(sizes.keySet()) : List.copyOf(workloads);
    }

    public JmhSettings settingsFor(String family) {
        return "graalpy".equals(family) ? graalpyJmh : jmh;
    }

    public Profile named(String n) {
        return new Profile(n, description, sizes, workloads, patterns, jmh, graalpyJmh, floors, pointTimeoutSeconds, startup,
                scaling);
    }

    /**
     * Start-up and warm-up, per pattern, on one workload and size: {@code forks} fresh JVMs, each
     * timing the first checked answer and then {@code calls - 1} single calls (the warm-up curve).
     *
     * @param patterns the patterns measured (those of the run that are listed); empty: all of the run's
     */
    public record StartupSettings(String workload, int size, int forks, int calls, List<String> patterns) {
        public StartupSettings {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
        }
    }

    /**
     * Throughput with each caller count in {@code threads} (JMH threads, each with its own
     * interpreter or worker), for the listed patterns of the run, on one workload and size.
     *
     * @param forks separate JVMs per (pattern, count), all run in one seeded random order; the
     *              factor's interval resamples them; {@value #DEFAULT_FORKS} when absent (profiles
     *              written before the forks)
     */
    public record ScalingSettings(String workload, int size, List<Integer> threads, List<String> patterns,
            JmhSettings jmh, Integer forks) {
        public static final int DEFAULT_FORKS = 3;

        public ScalingSettings {
            threads = threads == null ? List.of() : List.copyOf(threads);
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            forks = forks == null ? DEFAULT_FORKS : forks;
        }
    }

    /** JMH iteration settings. */
    public record JmhSettings(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis) {
        public double seconds() {
            return (warmupIterations * (double) warmupMillis + measurementIterations * (double) measurementMillis) / 1000.0;
        }
    }
}
