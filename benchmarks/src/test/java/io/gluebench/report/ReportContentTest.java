package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Analyzer;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.SkippedPattern;
import io.gluebench.result.WorkloadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportContentTest {
    static final List<String> SECTIONS = List.of("Summary", "Charts", "Scores", "Allocation per call", "Cost models", "Overhead share",
            "Skipped and failed", "Anti-patterns", "Start-up and warm-up", "Threads and the GIL", "Stability warnings", "Machine",
            "Floors");

    @TempDir
    Path dir;

    @Test
    void referenceRunGivesBothFilesWithEverySectionAndEveryChart() throws Exception {
        Run run = ReferenceRun.copyTo(dir);
        List<Path> written = Reports.writeAll(run, Analyzer.analyze(run), dir);
        assertEquals(List.of(dir.resolve("report.html"), dir.resolve("report.md")), written);
        written.forEach(p -> assertTrue(Files.isRegularFile(p), p + " exists"));
        String html = Files.readString(dir.resolve("report.html"));
        String md = Files.readString(dir.resolve("report.md"));

        int htmlAt = -1;
        int mdAt = -1;
        for (String s : SECTIONS) {
            int h = html.indexOf("<h2>" + HtmlWriter.escape(s) + "</h2>");
            int m = md.indexOf("\n## " + MarkdownReport.escape(s) + "\n");
            assertTrue(h > htmlAt, "html section " + s + ", after the one before");
            assertTrue(m > mdAt, "markdown section " + s + ", after the one before");
            htmlAt = h;
            mdAt = m;
        }
        for (Path png : Reports.charts(dir.resolve("charts"))) {
            byte[] screen = HtmlReport.forScreen(Files.readAllBytes(png));
            byte[] svg = HtmlReport.smallerSvg(png, screen.length);
            String src = svg != null ? "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg)
                    : "data:image/png;base64," + Base64.getEncoder().encodeToString(screen);
            assertTrue(html.contains("src=\"" + src + "\""), "embedded " + png.getFileName());
            assertTrue(md.contains("](charts/" + png.getFileName() + ")"), "referenced " + png.getFileName());
        }
        assertEquals(ReferenceRun.pngCount(dir), count(html, "<img "), "one img per chart");
        assertTrue(html.contains(run.machine().cpuModel()), "machine CPU model");
        assertTrue(html.contains(run.machine().gitCommit()), "git commit");
        assertTrue(html.contains("jep-python") && html.contains("N≈"), "a crossover sentence");

        Matcher m = Pattern.compile("(?i)\\b(src|href|action|srcset|poster|data)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            String v = m.group(2).toLowerCase();
            assertFalse(v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//"), "external reference " + v);
        }
        assertFalse(html.contains("http://") || html.contains("https://"), "no absolute URL anywhere");
        assertFalse(html.toLowerCase().contains("<script"), "no script");
        assertFalse(html.contains("@import") || html.contains("url("), "no external style resource");
    }

    @Test
    void reportCommandWritesBothFilesAndPrintsTheirPaths() throws Exception {
        ReferenceRun.copyTo(dir);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            code = new picocli.CommandLine(new io.gluebench.cli.ReportCommand()).setOut(new java.io.PrintWriter(out))
                    .execute(dir.toString());
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        String text = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains(dir.resolve("report.html").toString()) && text.contains(dir.resolve("report.md").toString()), text);
        assertTrue(Files.size(dir.resolve("report.html")) > 10_000);
    }

    @Test
    void chartsAreGroupedPerWorkloadInKindOrder() throws Exception {
        Run run = ReferenceRun.copyTo(dir);
        Path charts = dir.resolve("charts");
        var replace = java.nio.file.StandardCopyOption.REPLACE_EXISTING;
        Files.copy(charts.resolve("dot.png"), charts.resolve("dot-warmup.png"), replace);
        Files.copy(charts.resolve("dot.png"), charts.resolve("dot-overhead.png"), replace);
        Files.copy(charts.resolve("echo.png"), charts.resolve("extra.png"), replace);
        Reports.writeAll(run, Analyzer.analyze(run), dir);
        String md = Files.readString(dir.resolve("report.md"));
        int main = md.indexOf("](charts/dot.png)");
        int overhead = md.indexOf("](charts/dot-overhead.png)");
        int warmup = md.indexOf("](charts/dot-warmup.png)");
        int nbody = md.indexOf("](charts/nbody.png)");
        int extra = md.indexOf("](charts/extra.png)");
        assertTrue(main > 0 && main < overhead && overhead < warmup, "dot, then overhead, then warm-up");
        assertTrue(warmup < nbody && nbody < extra, "workloads in run order, unknown charts last");
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(ReferenceRun.pngCount(dir), count(html, "<img "), "every PNG, the extra one included");
    }

    @Test
    void textFromTheRunIsEscaped() throws Exception {
        String evil = "<script>alert(1)</script>";
        Point ok = new Point("dot", "java", 10, null, null, Point.OK, "ns/op", 50.0, 1.0, List.of(50.0, 49.0, 51.0, 50.0, 50.0),
                List.of(), null, null, null, List.of(), 1);
        Point ok2 = new Point("dot", "java", 100, null, null, Point.OK, "ns/op", 500.0, 1.0, List.of(500.0, 499.0, 501.0, 500.0, 500.0),
                List.of(), null, null, null, List.of(), 1);
        Point failed = new Point("dot", "jni", 10, null, null, Point.FAILED, "ns/op", null, null, List.of(), List.of(),
                null, "crashed: " + evil, null, List.of(), 1);
        Point skipped = new Point("dot", "x\"><img src=x onerror=alert(1)>", 10, null, null, Point.SKIPPED, "ns/op", null, null,
                List.of(), List.of(), null, evil, null, List.of(), 1);
        Run run = new Run(Run.FORMAT_VERSION, "run-" + evil, "quick", "complete", "2026-11-25T00:00:00Z", null, null, Map.of(),
                List.of(), List.of(ok, ok2, failed, skipped), List.of(new SkippedPattern("graalpy", evil)),
                List.of(new PatternInfo("java", io.gluebench.result.Family.of("jvm"), io.gluebench.result.Kind.of("baseline"), false, "", ""),
                        new PatternInfo("jni", io.gluebench.result.Family.of("jni"), io.gluebench.result.Kind.of("native"), true, "", "why: " + evil)),
                List.of(new WorkloadInfo("dot", "doubles | per vector", "N", evil)));
        Analysis a = Analyzer.analyze(run);
        Reports.writeAll(run, a, dir);
        String html = Files.readString(dir.resolve("report.html"));
        String md = Files.readString(dir.resolve("report.md"));
        assertFalse(html.contains(evil), "raw script in html");
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "id=\"" + ids.group(1) + "\" appears twice in report.html");
        }
        assertTrue(seen.contains("skipped"), "the section keeps its id: " + seen);
        assertFalse(html.toLowerCase().contains("<script"), "no script element at all");
        assertFalse(html.contains("<img src=x"), "attribute break-out");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped reason shown");
        assertTrue(html.contains("why: &lt;script&gt;"), "anti-pattern why escaped");
        assertFalse(md.contains("<script"), "raw script in markdown");
        assertTrue(md.contains("&lt;script&gt;"), "escaped in markdown");
        int columns = -1;
        for (String line : md.split("\n")) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int pipes = countPipes(line);
            if (columns < 0) {
                columns = pipes;
            }
            assertEquals(columns, pipes, "a table row keeps its columns: " + line);
        }
        assertTrue(md.contains("doubles \\| per vector"), "pipe escaped in markdown tables");
    }

    private static int countPipes(String s) {
        return s.replace("\\|", "").length() - s.replace("\\|", "").replace("|", "").length();
    }

    private static long count(String s, String needle) {
        long n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
