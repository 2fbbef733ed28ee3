package io.gluebench.report;

import io.gluebench.analysis.Analysis;
import io.gluebench.result.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Writes both reports of a run folder: report.html and report.md, over the PNGs in its charts/. */
public final class Reports {
    public static final String CHARTS_DIR = "charts";

    private Reports() {
    }

    /** Returns the written files: runDir/report.html, then runDir/report.md. */
    public static List<Path> writeAll(Run run, Analysis analysis, Path runDir) throws IOException {
        List<Path> charts = charts(runDir.resolve(CHARTS_DIR));
        Path html = HtmlReport.write(run, analysis, charts, runDir.resolve(HtmlReport.FILE));
        Path md = MarkdownReport.write(run, analysis, charts, runDir.resolve(MarkdownReport.FILE));
        return List.of(html, md);
    }

    /** The PNG files in a charts folder, sorted by name; none when the folder does not exist. */
    public static List<Path> charts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
        }
    }
}
