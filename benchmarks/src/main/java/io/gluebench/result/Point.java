package io.gluebench.result;

import java.util.List;

/**
 * One measured (or failed, or skipped) point: a workload run through a pattern at one size.
 *
 * @param status      ok, failed or skipped
 * @param score       mean time per call in {@link #unit}, or null when not measured
 * @param scoreError  half-width of JMH's 99.9% confidence interval, same unit
 * @param samples     the raw measurement-iteration scores, same unit
 * @param warmup      the warm-up iteration scores, same unit (the warm-up curve)
 * @param verification the check made before timing
 * @param reason      why the point failed or was skipped
 * @param jmhFile     the raw JMH JSON of this point, relative to the run folder
 * @param jvmArgs     the fork's JVM arguments
 * @param warmupGiven the warm-up the measurement followed (iterations x length), null if none recorded
 */
public record Point(
        String workload,
        String pattern,
        int size,
        String transport,
        String placement,
        String status,
        String unit,
        Double score,
        Double scoreError,
        List<Double> samples,
        List<Double> warmup,
        Verification verification,
        String reason,
        String jmhFile,
        List<String> jvmArgs,
        double wallSeconds,
        Warmup warmupGiven) {

    /** The warm-up a point was given before its measurement: JMH iterations of a fixed length. */
    public record Warmup(int iterations, int millisEach) {
        public double seconds() {
            return iterations * millisEach / 1000.0;
        }
    }

    /** A point without a record of its warm-up (skipped points, older runs). */
    public Point(String workload, String pattern, int size, String transport, String placement, String status,
            String unit, Double score, Double scoreError, List<Double> samples, List<Double> warmup,
            Verification verification, String reason, String jmhFile, List<String> jvmArgs, double wallSeconds) {
        this(workload, pattern, size, transport, placement, status, unit, score, scoreError, samples, warmup,
                verification, reason, jmhFile, jvmArgs, wallSeconds, null);
    }

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    /** Planned but not run: the run was interrupted first; `run --resume` runs it. */
    public static final String UNFINISHED = "unfinished";

    public String key() {
        return workload + "/" + pattern + "/" + size
                + (transport == null ? "" : "/" + transport) + (placement == null ? "" : "/" + placement);
    }

    public boolean isOk() {
        return OK.equals(status);
    }
}
