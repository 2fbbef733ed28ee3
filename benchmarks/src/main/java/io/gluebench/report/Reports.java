package io.gluebench.report;

import io.gluebench.analysis.Analysis;
import io.gluebench.result.Names;
import io.gluebench.result.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Writes both reports of a run folder: report.html and report.md, over the PNGs in its charts/. */
public final class Reports {
    public static final String CHARTS_DIR = "charts";

    private Reports() {
    }

    /**
     * Lays out the run's report once and draws it twice: runDir/report.html, then runDir/report.md.
     * Returns the written files.
     */
    public static List<Path> writeAll(Run run, Analysis analysis, Path runDir) throws IOException {
        Path htmlFile = runDir.resolve(HtmlReport.FILE);
        Path mdFile = runDir.resolve(MarkdownReport.FILE);
        Names.refuseLink(htmlFile);
        Names.refuseLink(mdFile);
        Doc.Report report = ReportBuilder.build(run, analysis, charts(runDir.resolve(CHARTS_DIR)));
        Path html = save(HtmlReport.render(report), htmlFile);
        Path md = save(MarkdownReport.render(report), mdFile);
        return List.of(html, md);
    }

    /** Writes text as UTF-8 to a file, creating its folder; returns the file. */
    static Path save(String text, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The PNG files in a charts folder, sorted by name; none when the folder does not exist. A run
     * folder may come from elsewhere, and the HTML report embeds these files' bytes, so only real
     * PNGs are taken: regular files (not links, which could point anywhere), with a safe name, the
     * PNG signature and at most {@link #MAX_CHART_BYTES}.
     */
    public static List<Path> charts(Path dir) throws IOException {
        Names.refuseLink(dir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .filter(p -> Names.isSeries(p.getFileName().toString()))
                    .filter(Reports::isPng)
                    .sorted().toList();
        }
    }

    public static final long MAX_CHART_BYTES = 64L << 20;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static boolean isPng(Path p) {
        try {
            if (Files.size(p) > MAX_CHART_BYTES) {
                return false;
            }
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
            }
        } catch (IOException e) {
            return false;
        }
    }
}
