package io.gluebench.run;

import java.util.List;

/**
 * What one fork (one fresh JVM, {@link ForkMain}) measures: points of one pattern, in the order
 * given, each through JMH in this JVM, with the iteration settings and the adaptive warm-up of the
 * pattern's family ({@code firstWarmup} for the fork's first point, {@code warmup} for the rest).
 * Written by {@link ForkLauncher} as JSON beside the run's logs.
 */
record ForkJob(List<Entry> points, int warmupIterations, int warmupMillis, int measurementIterations,
        int measurementMillis, String warmup, String firstWarmup) {

    ForkJob {
        points = List.copyOf(points);
    }

    /**
     * One point of the job and the files it writes: the verification verdict, the adaptive warm-up
     * series, JMH's JSON, JMH's log and the outcome ({@link Outcome}), all absolute paths.
     */
    record Entry(String id, String workload, String pattern, int size, String statusFile, String warmupFile,
            String jmhFile, String logFile, String outFile) {
    }

    /** What the fork wrote for one point: ok with JMH's iteration scores, or failed with the reason. */
    record Outcome(String status, String unit, List<Double> samples, String failure, double wallSeconds) {
        Outcome {
            samples = samples == null ? List.of() : List.copyOf(samples);
        }
    }
}
