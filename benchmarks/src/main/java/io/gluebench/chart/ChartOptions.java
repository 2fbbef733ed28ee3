package io.gluebench.chart;

/**
 * Choices a reader may want to change; null means "pick for me".
 *
 * @param baseline   the pattern the speed-up heatmap divides by; null: the run's first pattern that
 *                   runs the Python in CPython (jep-python), else its first interpreted one, else
 *                   java ({@code Speedups.baseline}). The analysis computes
 *                   the ratios ({@code Analyzer.analyze(run, baseline)}); the chart draws them
 * @param overheadAt the N of the overhead breakdown; default per workload: the median of the sizes
 *                   most patterns measured (also used when a workload did not measure this N)
 * @param highlight  a pattern the time-per-call chart draws bold and thick, the others normal; null
 *                   for none (then a chart of more than {@link TimePerCallChart#FAINT_ABOVE} patterns
 *                   draws each family's fastest member in full and the others faint)
 * @param title      the time-per-call chart's title in place of the analysis's finding; null for the finding
 */
public record ChartOptions(String baseline, Integer overheadAt, String highlight, String title) {
    public ChartOptions(String baseline, Integer overheadAt) {
        this(baseline, overheadAt, null, null);
    }

    public static ChartOptions defaults() {
        return new ChartOptions(null, null);
    }
}
