package io.gluebench.chart;

/**
 * Choices a reader may want to change; null means "pick for me".
 *
 * @param baseline   the pattern the speed-up heatmap divides by; default {@code jep-python}, else
 *                   the run's first interpreted pattern, else {@code java}. The analysis computes
 *                   the ratios ({@code Analyzer.analyze(run, baseline)}); the chart draws them
 * @param overheadAt the N of the overhead breakdown; default per workload: the median of the sizes
 *                   most patterns measured (also used when a workload did not measure this N)
 */
public record ChartOptions(String baseline, Integer overheadAt) {
    public static final String DEFAULT_BASELINE = io.gluebench.analysis.Speedups.DEFAULT_BASELINE;

    public static ChartOptions defaults() {
        return new ChartOptions(null, null);
    }
}
