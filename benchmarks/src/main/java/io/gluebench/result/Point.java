package io.gluebench.result;

import java.util.List;

/**
 * One measured (or failed, or skipped) point: a workload run through a pattern at one size.
 *
 * @param status      ok, failed or skipped
 * @param score       mean time per call in {@link #unit}, or null when not measured
 * @param scoreError  half-width of the score's interval, same unit (see below for each format)
 * @param samples     the raw measurement-iteration scores, same unit
 * @param warmup      the warm-up iteration scores, same unit (the warm-up curve)
 * @param verification the check made before timing
 * @param reason      why the point failed or was skipped
 * @param jmhFile     the raw JMH JSON of this point, relative to the run folder
 * @param jvmArgs     the fork's JVM arguments
 * @param warmupGiven the warm-up the measurement followed (iterations x length), null if none recorded
 * @param forks       format 2: each fork's iterations kept apart (format 1 points hold one implied fork)
 * @param steadyState format 2: the point's class from its forks' (flat, warm-up, slowdown, no steady
 *                    state, inconsistent); null in format 1, where steady state was assumed
 * @param ciLow       format 2: the 95% interval of the score, resampling forks then iterations
 * @param ciHigh      see ciLow
 * @param allocBytesPerOp Java heap bytes allocated per call, the mean of the forks' figures from JMH's
 *                    gc profiler (run --prof gc); null when the run did not profile allocation
 * @param allocCiLow  the 95% interval of allocBytesPerOp, resampling forks; null with fewer than 2 forks
 * @param allocCiHigh see allocCiLow
 *
 * <p>In format 2, {@code score} is the mean of the fork means, {@code scoreError} the half-width of
 * the 95% two-level interval and {@code samples} every fork's iterations pooled; in format 1 they
 * are JMH's mean, its 99.9% half-width and the one fork's iterations.
 */
public record Point(
        String workload,
        String pattern,
        int size,
        String transport,
        String placement,
        Status status,
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
        Warmup warmupGiven,
        List<Fork> forks,
        String steadyState,
        Double ciLow,
        Double ciHigh,
        Double allocBytesPerOp,
        Double allocCiLow,
        Double allocCiHigh) {

    public Point {
        forks = forks == null ? List.of() : List.copyOf(forks);
    }

    /** A point without an allocation figure (a run without --prof gc, and every older run). */
    public Point(String workload, String pattern, int size, String transport, String placement, Status status,
            String unit, Double score, Double scoreError, List<Double> samples, List<Double> warmup,
            Verification verification, String reason, String jmhFile, List<String> jvmArgs, double wallSeconds,
            Warmup warmupGiven, List<Fork> forks, String steadyState, Double ciLow, Double ciHigh) {
        this(workload, pattern, size, transport, placement, status, unit, score, scoreError, samples, warmup,
                verification, reason, jmhFile, jvmArgs, wallSeconds, warmupGiven, forks, steadyState, ciLow, ciHigh,
                null, null, null);
    }

    /** A format-1 point: one fork, no steady-state class, no two-level interval. */
    public Point(String workload, String pattern, int size, String transport, String placement, Status status,
            String unit, Double score, Double scoreError, List<Double> samples, List<Double> warmup,
            Verification verification, String reason, String jmhFile, List<String> jvmArgs, double wallSeconds,
            Warmup warmupGiven) {
        this(workload, pattern, size, transport, placement, status, unit, score, scoreError, samples, warmup,
                verification, reason, jmhFile, jvmArgs, wallSeconds, warmupGiven, List.of(), null, null, null);
    }

    /** The warm-up a point was given before its measurement: JMH iterations of a fixed length. */
    public record Warmup(int iterations, int millisEach) {
        public double seconds() {
            return iterations * millisEach / 1000.0;
        }
    }

    /** A point without a record of its warm-up (skipped points, older runs). */
    public Point(String workload, String pattern, int size, String transport, String placement, Status status,
            String unit, Double score, Double scoreError, List<Double> samples, List<Double> warmup,
            Verification verification, String reason, String jmhFile, List<String> jvmArgs, double wallSeconds) {
        this(workload, pattern, size, transport, placement, status, unit, score, scoreError, samples, warmup,
                verification, reason, jmhFile, jvmArgs, wallSeconds, null);
    }

    public static final Status OK = Status.OK;
    public static final Status FAILED = Status.FAILED;
    public static final Status SKIPPED = Status.SKIPPED;
    /** Planned but not run: the run was interrupted first; `run --resume` runs it. */
    public static final Status UNFINISHED = Status.UNFINISHED;

    /** The same point under another pattern name and placement (the loader's reading of old files). */
    Point withPatternAt(String newPattern, String newPlacement, Verification newVerification) {
        return new Point(workload, newPattern, size, transport, newPlacement, status, unit, score, scoreError, samples,
                warmup, newVerification, reason, jmhFile, jvmArgs, wallSeconds, warmupGiven, forks, steadyState, ciLow,
                ciHigh, allocBytesPerOp, allocCiLow, allocCiHigh);
    }

    /** The point's line: its pattern, and its placement unless free ({@link Series}). */
    public String series() {
        return Series.label(pattern, placement);
    }

    public String key() {
        return workload + "/" + pattern + "/" + size
                + (transport == null ? "" : "/" + transport) + (placement == null ? "" : "/" + placement);
    }

    public boolean isOk() {
        return OK.equals(status);
    }

    /**
     * The iterations of each fork, for the two-level statistics. A format-1 point (no forks stored)
     * is one fork holding its samples.
     */
    public List<double[]> forkSamples() {
        if (!forks.isEmpty()) {
            return forks.stream().map(Fork::sampleArray).toList();
        }
        if (samples == null || samples.isEmpty()) {
            return score == null ? List.of() : List.of(new double[] {score});
        }
        return List.of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** How many forks measured the point (1 for a format-1 point that was measured). */
    public int forkCount() {
        return forks.isEmpty() ? (isOk() ? 1 : 0) : forks.size();
    }

    /** Whether the point's forks reached a steady state; true for format 1, where it was assumed. */
    public boolean steady() {
        return steadyState == null || !(steadyState.equals(NO_STEADY_STATE) || steadyState.equals(INCONSISTENT));
    }

    public static final String NO_STEADY_STATE = "no steady state";
    public static final String INCONSISTENT = "inconsistent";
}
