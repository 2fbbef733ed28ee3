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
 * @param extraForkSeconds the wall seconds the later rounds of forks (for points still wider than
 *                    their target) may take in all; the widest points go first, and a fork whose
 *                    estimate does not fit is left out. Null: no limit but maxForks
 * @param workloadFiles users' workload files (paths from the project's top level) the profile runs
 *                    beside its workloads when the command names neither --workload nor
 *                    --workload-file: the smoke profile times an example end to end this way
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
        ScalingSettings scaling,
        Integer extraForkSeconds,
        List<String> workloadFiles) {

    public Profile {
        workloadFiles = workloadFiles == null ? List.of() : List.copyOf(workloadFiles);
        sizes = sizes == null ? Map.of() : new LinkedHashMap<>(sizes);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        workloads = workloads == null ? List.copyOf(sizes.keySet()) : List.copyOf(workloads);
    }

    public JmhSettings settingsFor(io.gluebench.result.Family family) {
        return family == io.gluebench.result.Family.GRAALPY ? graalpyJmh : jmh;
    }

    /** What one fork of a pattern of this family measures (see {@link JmhSettings#span(String)}). */
    public String spanFor(io.gluebench.result.Family family) {
        return settingsFor(family).span(family.label());
    }

    public Profile named(String n) {
        return new Profile(n, description, sizes, workloads, patterns, jmh, graalpyJmh, floors, pointTimeoutSeconds, startup,
                scaling, extraForkSeconds, workloadFiles);
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

    /**
     * JMH iteration settings, and how points are replicated and warmed.
     *
     * @param forks             forks (fresh JVMs) per point in the first round; absent: 1
     * @param maxForks          more forks are added, in later rounds, to a point whose interval is
     *                          wider than targetHalfWidth, up to this many; absent: forks
     * @param targetHalfWidth   the 95% interval's half-width, as a share of the mean, that a point aims for
     * @param forkSpan          what one fork (JVM) measures: "point" (one point), "workload" (every
     *                          size of one pattern on one workload) or "pattern" (every point of one
     *                          pattern); absent: "point"
     * @param warmupBatchMillis the adaptive warm-up times calls in batches this long and stops when
     *                          the batch series is steady; absent: no adaptive warm-up (JMH's fixed one only)
     * @param warmupMinMillis   the adaptive warm-up runs at least this long
     * @param warmupCapMillis   and at most this long: a series still moving then is labelled, not waited for
     * @param forkWarmupMinMillis the first point of each fork warms at least this long (absent: the
     *                          per-point minimum): a runtime whose own JIT first compiles itself
     *                          (GraalPy's jar-based Graal, ~5-8 s here) shows a flat, interpreted
     *                          plateau that must not be taken for its steady state
     * @param forkSpanByFamily  a pattern family whose forks span differently from forkSpan, e.g.
     *                          {"jvm": "point"}: plain Java is compiled by C2 from the profile its first
     *                          calls leave, so measuring N=1 before N=10^4 in one JVM changes the
     *                          code N=10^4 runs (dot: 4.9 against 8.7 us), and each of its points gets a JVM
     */
    public record JmhSettings(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
            Integer forks, Integer maxForks, Double targetHalfWidth, String forkSpan,
            Integer warmupBatchMillis, Integer warmupMinMillis, Integer warmupCapMillis, Integer forkWarmupMinMillis,
            Map<String, String> forkSpanByFamily) {

        public JmhSettings {
            forkSpanByFamily = forkSpanByFamily == null ? Map.of() : Map.copyOf(forkSpanByFamily);
        }

        public JmhSettings(int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis) {
            this(warmupIterations, warmupMillis, measurementIterations, measurementMillis, null, null, null, null, null,
                    null, null, null, null);
        }

        public static final String SPAN_POINT = "point";
        public static final String SPAN_WORKLOAD = "workload";
        public static final String SPAN_PATTERN = "pattern";

        public int forkCount() {
            return forks == null ? 1 : forks;
        }

        public int maxForkCount() {
            return Math.max(forkCount(), maxForks == null ? forkCount() : maxForks);
        }

        public String span() {
            return forkSpan == null ? SPAN_POINT : forkSpan;
        }

        /** What one fork of a pattern of this family measures: its own entry in forkSpanByFamily, or forkSpan. */
        public String span(String family) {
            return forkSpanByFamily.getOrDefault(family, span());
        }

        public boolean adaptiveWarmup() {
            return warmupBatchMillis != null && warmupBatchMillis > 0;
        }

        /** Seconds of iterations per point and fork: the warm-up at its minimum (adaptive) or fixed. */
        public double seconds() {
            double adaptive = adaptiveWarmup() ? (warmupMinMillis == null ? 0 : warmupMinMillis) / 1000.0 : 0;
            return adaptive + (warmupIterations * (double) warmupMillis + measurementIterations * (double) measurementMillis) / 1000.0;
        }

        /** The value of -Dgluebench.warmup for a fork's points: batch,min,cap in ms; null without adaptive warm-up. */
        public String warmupProperty() {
            return warmupProperty(false);
        }

        /** The same for the first point of a fork, whose minimum is {@code forkWarmupMinMillis} when set. */
        public String warmupProperty(boolean firstInFork) {
            if (!adaptiveWarmup()) {
                return null;
            }
            int min = warmupMinMillis == null ? 0 : warmupMinMillis;
            if (firstInFork && forkWarmupMinMillis != null) {
                min = Math.max(min, forkWarmupMinMillis);
            }
            int cap = warmupCapMillis == null ? 10 * warmupBatchMillis : warmupCapMillis;
            return warmupBatchMillis + "," + min + "," + Math.max(cap, min);
        }
    }
}
