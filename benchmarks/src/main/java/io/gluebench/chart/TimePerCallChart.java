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
        double zeroAt = Math.pow(10, Math.floor(Math.log10(minPositive)) - 1);

        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT - FOOTER)
                .title(workload + ": time per call vs N")
                .xAxisTitle("N (" + sizeMeaning(workload) + ")")
                .yAxisTitle("time per call")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        chart.getStyler().setMarkerSize(16);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        chart.getStyler().setLegendBorderColor(Color.WHITE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> Math.abs(x - zeroAt) < zeroAt * 1e-6 && !has(points, zeroAt)
                ? "0" : formatCount(x));
        chart.getStyler().setyAxisTickLabelsFormattingFunction(TimePerCallChart::formatNanos);

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
                x[i] = p.size() == 0 ? zeroAt : p.size();
                y[i] = p.score();
                // An error bar may not reach zero on a log axis: clip it just above.
                err[i] = p.scoreError() == null ? 0 : Math.min(p.scoreError(), p.score() * 0.95);
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

    private static boolean has(List<Point> points, double x) {
        return points.stream().anyMatch(p -> p.size() == x);
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
                + " · mean of JMH iterations, bars: 99.9% CI";
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
        return v >= 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : String.format(java.util.Locale.ROOT, "%.2g", v);
    }
}
