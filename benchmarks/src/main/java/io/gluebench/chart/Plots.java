package io.gluebench.chart;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.Units;
import io.gluebench.result.WorkloadInfo;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * What the chart classes share: the look of an XChart plot, its log-scale tick labels, and the few
 * words a chart reads from the run (the size's meaning, the workload's summary, what the bars are).
 */
final class Plots {
    private Plots() {
    }

    /** The look shared by the XChart-drawn charts. */
    static void style(XYStyler st) {
        st.setChartTitleVisible(false);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setAxisTitleFont(Slide.AXIS_TITLE);
        st.setAxisTickLabelsFont(Slide.TICK);
        st.setAxisTickLabelsColor(Slide.INK);
        st.setLegendFont(Slide.LABEL);
        st.setLegendSeriesLineLength(48);
        st.setMarkerSize(16);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(new Color(0xAA, 0xAA, 0xAA));
        st.setPlotGridLinesColor(Slide.GRID);
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setPlotGridVerticalLinesVisible(false);
        st.setLegendBorderColor(Color.WHITE);
        st.setErrorBarsColorSeriesColor(true);
        st.setChartPadding(12);
        st.setAxisTitlePadding(14);
        st.setAxisTickPadding(10);
    }

    /**
     * Shrinks the legend's font (26 px down to 15 px) so that one line per series fits the plot's
     * height: a standard run has 30 patterns, which at slide size would run off the slide.
     */
    static void fitLegend(XYChart chart) {
        int n = (int) chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).count();
        double room = chart.getHeight() - 40;
        float size = (float) Math.max(15, Math.min(Slide.LABEL.getSize2D(), Math.floor(room / Math.max(1, n) / 1.32)));
        if (size < Slide.LABEL.getSize2D()) {
            chart.getStyler().setLegendFont(Slide.LABEL.deriveFont(size));
            chart.getStyler().setLegendPadding(6);
            chart.getStyler().setMarkerSize(Math.max(8, Math.round(size * 0.55f)));
        }
    }

    /** The integer decade at a tick position, or null between decades. */
    static Integer decade(double v) {
        long r = Math.round(v);
        return Math.abs(v - r) < 1e-6 ? (int) r : null;
    }

    /**
     * XChart ignores a log axis once a label function is set, so the charts plot log10 values on linear
     * axes and label only the decades. Between decades the label is blank but unique (XChart drops an
     * axis whose labels repeat).
     */
    static String blank(double v) {
        return "\u200B".repeat((int) Math.round(v * 10 + 100));
    }

    /** A log10 time axis: the decades as durations (1 µs, 10 µs, ...), blank between them. */
    static String timeTick(double v) {
        Integer d = decade(v);
        return d == null ? blank(v) : Units.nanos(Math.pow(10, d));
    }

    /** A log10 N axis: the decades by {@link NAxis#label}, blank between them. */
    static String sizeTick(NAxis axis, double v) {
        Integer d = decade(v);
        return d == null ? blank(v) : axis.label(d);
    }

    /** A workload's measured points (ok, with a positive score). */
    static List<Point> measured(Run run, String workload) {
        return run.points().stream()
                .filter(p -> p.workload().equals(workload) && p.isOk() && p.score() != null && p.score() > 0)
                .toList();
    }

    /** "Summary. " from the run's workload info, or empty. */
    static String summary(Run run, String workload) {
        return run.workload(workload).map(WorkloadInfo::summary).filter(s -> !s.isBlank()).map(s -> s + " · ").orElse("");
    }

    /** What N counts for the workload ("doubles", "bodies"), or "size". */
    static String sizeMeaning(Run run, String workload) {
        return run.workload(workload).map(WorkloadInfo::sizeMeaning).filter(s -> !s.isBlank()).orElse("size");
    }

    /** The lower end of a point's CI, kept above zero for the log scale. */
    static double lowerBound(Point p) {
        double err = p.scoreError() == null ? 0 : p.scoreError();
        return Math.max(p.score() - err, p.score() * 0.05);
    }

    /** What the error bars are, in the run's own format: 95% across forks (format 2), JMH's 99.9% of one JVM (1). */
    static String barsText(Run run) {
        return run.formatVersion() >= 2 ? "bars: 95% interval (forks, then iterations)"
                : "bars: JMH's 99.9% CI of one JVM";
    }
}
