package io.gluebench.result;

import java.util.List;

/**
 * One fork's measurement of a point (format 2): a fresh JVM that opened the pattern, verified its
 * answer, warmed it until the series was steady (or the cap was reached) and then ran JMH's
 * measurement iterations.
 *
 * @param index        which of the point's forks this is (0, 1, ...)
 * @param order        the fork's place in the run's seeded, interleaved order of forks
 * @param samples      JMH's measurement-iteration scores, in the point's unit
 * @param warmup       what ran before the measurement: the adaptive warm-up's batches (mean time per
 *                     call of each), then JMH's warm-up iterations, same unit
 * @param warmupSeconds how long the warm-up ran before JMH measured
 * @param steadyState  the fork's class: flat, warm-up, slowdown or no steady state
 * @param steadyFrom   where the steady segment starts, as an index into warmup followed by samples; -1 if none
 * @param wallSeconds  the fork's time spent on this point, set-up included
 * @param jmhFile      this fork's raw JMH JSON, relative to the run folder
 * @param compilations JIT compilations the pattern's engine reported during the measurement (0 means
 *                     it measured compiled code that stayed put); null when the engine does not
 *                     report them (only Truffle, i.e. GraalPy, does)
 * @param allocBytesPerOp Java heap bytes allocated per call in this fork's measurement iterations
 *                     (JMH's gc.alloc.rate.norm, their mean); null without run --prof gc
 */
public record Fork(
        int index,
        int order,
        List<Double> samples,
        List<Double> warmup,
        double warmupSeconds,
        String steadyState,
        int steadyFrom,
        double wallSeconds,
        String jmhFile,
        Integer compilations,
        Double allocBytesPerOp) {

    public Fork(int index, int order, List<Double> samples, List<Double> warmup, double warmupSeconds,
            String steadyState, int steadyFrom, double wallSeconds, String jmhFile) {
        this(index, order, samples, warmup, warmupSeconds, steadyState, steadyFrom, wallSeconds, jmhFile, null);
    }

    public Fork(int index, int order, List<Double> samples, List<Double> warmup, double warmupSeconds,
            String steadyState, int steadyFrom, double wallSeconds, String jmhFile, Integer compilations) {
        this(index, order, samples, warmup, warmupSeconds, steadyState, steadyFrom, wallSeconds, jmhFile, compilations,
                null);
    }

    public Fork {
        samples = samples == null ? List.of() : List.copyOf(samples);
        warmup = warmup == null ? List.of() : List.copyOf(warmup);
    }

    public double[] sampleArray() {
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double mean() {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
