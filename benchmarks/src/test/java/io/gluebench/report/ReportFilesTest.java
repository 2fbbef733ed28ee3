package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder from elsewhere: the report embeds only real PNGs of charts/ and writes through no link. */
class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void onlyRealPngsWithSafeNamesAreEmbedded() throws Exception {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        Files.write(charts.resolve("dot.png"), png);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "private key");
        Files.createSymbolicLink(charts.resolve("linked.png"), secret);
        Files.writeString(charts.resolve("fake.png"), "not a png");
        Files.write(charts.resolve("we ird.png"), png);
        assertEquals(List.of(charts.resolve("dot.png")), Reports.charts(charts));
    }

    @Test
    void aReportIsNotWrittenThroughALink() throws Exception {
        Path target = Files.writeString(dir.resolve("bashrc"), "keep");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.createSymbolicLink(run.resolve(HtmlReport.FILE), target);
        assertThrows(java.io.IOException.class, () -> Reports.writeAll(null, null, run));
        assertEquals("keep", Files.readString(target));
    }

    @Test
    void aChartsFolderThatIsALinkIsNotReadAndTheReportVerbRefusesItInOneLine() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(elsewhere.resolve("dot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        Path run = Files.createDirectories(dir.resolve("linked-run"));
        Path charts = Files.createSymbolicLink(run.resolve("charts"), elsewhere);
        var refused = assertThrows(io.gluebench.result.Names.LinkRefused.class, () -> Reports.charts(charts));
        assertTrue(refused.getMessage().contains("is a symbolic link"), refused.getMessage());
    }

    @Test
    void aRunFileThatIsALinkIsRefused() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run-with-link"));
        Path real = Files.writeString(dir.resolve("real.json"), "{}");
        Files.createSymbolicLink(run.resolve("run.json"), real);
        var refused = assertThrows(io.gluebench.result.ResultFormatException.class,
                () -> new io.gluebench.result.RunStore().read(run));
        assertTrue(refused.getMessage().contains("is a symbolic link"), refused.getMessage());
    }
}
