package io.gluebench.chart;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * Time per call against N for one workload: log-log, one line per pattern, error bars from JMH's
 * confidence interval. N = 0 sits one decade left of the smallest size and is labelled 0.
 */
public final class TimePerCallChart {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    private static final int FOOTER = 48;

    private TimePerCallChart() {
    }

    public static XYChart build(Run run, String workload, List<String> patternOrder) {
        List<Point> points = run.points().stream()
                .filter(p -> p.workload().equals(workload) && p.isOk() && p.score() != null && p.score() > 0)
                .toList();
        int minPositive = points.stream().mapToInt(Point::size).filter(n -> n > 0).min().orElse(1);
        // log10 of where N = 0 is drawn: one decade left of the smallest positive size.
        double zeroAt = Math.floor(Math.log10(minPositive)) - 1;
        boolean hasZero = points.stream().anyMatch(p -> p.size() == 0);

        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT - FOOTER)
                .title(workload + ": time per call vs N")
                .xAxisTitle("N (" + sizeMeaning(workload) + ", log scale)")
                .yAxisTitle("time per call (log scale)")
                .build();
        var st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        st.setMarkerSize(16);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        st.setLegendBorderColor(Color.WHITE);
        st.setErrorBarsColorSeriesColor(true);
        // XChart ignores a log axis once a label function is set, so the chart plots log10 values on
        // linear axes and labels only the decades.
        // Between decades the label is blank but unique (XChart drops an axis whose labels repeat).
        st.setPlotGridVerticalLinesVisible(false);
        st.setxAxisTickLabelsFormattingFunction(x -> decade(x) == null ? "\u200B".repeat((int) Math.round(x * 10 + 100))
                : hasZero && Math.abs(x - zeroAt) < 1e-9 ? "0" : formatCount(Math.pow(10, decade(x))));
        st.setyAxisTickLabelsFormattingFunction(y -> decade(y) == null ? "" : formatNanos(Math.pow(10, decade(y))));
        if (!points.isEmpty()) {
            double lo = points.stream().mapToDouble(p -> lowerBound(p)).min().orElse(1);
            double hi = points.stream().mapToDouble(p -> p.score() + (p.scoreError() == null ? 0 : p.scoreError())).max().orElse(10);
            st.setYAxisMin(Math.floor(Math.log10(lo)));
            st.setYAxisMax(Math.ceil(Math.log10(hi)));
            double xmin = hasZero ? zeroAt : Math.floor(Math.log10(minPositive));
            int maxN = points.stream().mapToInt(Point::size).max().orElse(10);
            st.setXAxisMin(xmin - 0.5);
            st.setXAxisMax(Math.ceil(Math.max(Math.log10(Math.max(maxN, 1)), xmin + 1)) + 0.5);
        }

        Map<String, List<Point>> byPattern = new LinkedHashMap<>();
        for (String p : patternOrder) {
            byPattern.put(p, new ArrayList<>());
        }
        for (Point p : points) {
            byPattern.computeIfAbsent(p.pattern(), k -> new ArrayList<>()).add(p);
        }
        for (var e : byPattern.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            TreeMap<Integer, Point> sorted = new TreeMap<>();
            e.getValue().forEach(p -> sorted.put(p.size(), p));
            double[] x = new double[sorted.size()];
            double[] y = new double[sorted.size()];
            double[] err = new double[sorted.size()];
            int i = 0;
            for (Point p : sorted.values()) {
                x[i] = p.size() == 0 ? zeroAt : Math.log10(p.size());
                y[i] = Math.log10(p.score());
                // The CI in log space is asymmetric; draw its wider (lower) side both ways.
                err[i] = y[i] - Math.log10(lowerBound(p));
                i++;
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y, err);
            s.setLineColor(Palette.color(e.getKey()));
            s.setMarkerColor(Palette.color(e.getKey()));
            s.setMarker(Palette.marker(e.getKey()));
            s.setLineWidth(4f);
            s.setLineStyle(SeriesLines.SOLID);
        }
        return chart;
    }

    /** The lower end of a point's CI, kept above zero for the log scale. */
    private static double lowerBound(Point p) {
        double err = p.scoreError() == null ? 0 : p.scoreError();
        return Math.max(p.score() - err, p.score() * 0.05);
    }

    /** The integer decade at a tick position, or null between decades. */
    private static Integer decade(double v) {
        long r = Math.round(v);
        return Math.abs(v - r) < 1e-6 ? (int) r : null;
    }

    /** Renders PNG (with a footer naming machine, date and profile) and SVG. */
    public static void write(Run run, String workload, List<String> patternOrder, Path dir) throws IOException {
        XYChart chart = build(run, workload, patternOrder);
        if (chart.getSeriesMap().isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        chart.paint(g, WIDTH, HEIGHT - FOOTER);
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(24, HEIGHT - FOOTER, WIDTH - 24, HEIGHT - FOOTER);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.drawString(footer(run), 24, HEIGHT - 16);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve(workload + ".png").toFile());
        org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(workload).toString(),
                org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    static String footer(Run run) {
        var m = run.machine();
        String machine = m == null ? "unknown machine" : m.cpuModel() + ", " + m.cores() + " cores, "
                + Math.round(m.memoryBytes() / (1024.0 * 1024 * 1024)) + " GiB, JDK " + m.jdkVersion();
        String date = run.startedAt() == null ? "" : run.startedAt().substring(0, Math.min(10, run.startedAt().length()));
        return "gluebench · " + machine + " · " + date + " · profile " + run.profile()
                + " · mean of JMH iterations; bars: 99.9% CI (wider side)";
    }

    private static String sizeMeaning(String workload) {
        return switch (workload) {
            case "echo" -> "bytes";
            case "dot" -> "doubles per vector";
            case "nbody" -> "steps";
            default -> "size";
        };
    }

    static String formatCount(double x) {
        if (x >= 1e9) {
            return trim(x / 1e9) + "G";
        }
        if (x >= 1e6) {
            return trim(x / 1e6) + "M";
        }
        if (x >= 1e3) {
            return trim(x / 1e3) + "k";
        }
        return trim(x);
    }

    /** A duration in ns as a short human label: 12 ns, 3.4 µs, 5 ms, 1.2 s. */
    public static String formatNanos(double ns) {
        if (ns >= 1e9) {
            return trim(ns / 1e9) + " s";
        }
        if (ns >= 1e6) {
            return trim(ns / 1e6) + " ms";
        }
        if (ns >= 1e3) {
            return trim(ns / 1e3) + " µs";
        }
        return trim(ns) + " ns";
    }

    private static String trim(double v) {
        if (v >= 100 || Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(v >= 10 ? 3 : 2))
                .stripTrailingZeros().toPlainString();
    }
}
