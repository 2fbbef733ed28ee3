package io.gluebench.cli;

import static io.gluebench.cli.CliRun.assertOneLine;
import static io.gluebench.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * chart RUN --pattern a,b,c redraws a subset of a stored run as a slide, measuring nothing: into the
 * run's charts/ folder under a name that carries the subset (never over the run's own charts), or
 * into --out DIR as slide-workload.png. Mistakes are one line and exit 2.
 */
class ChartSlidesTest {
    static final String RUN = "results/vm-bfab2a/20261204-195532-quick";
    static final String FOUR = "java,jep-python,jep-numpy,worker-numpy";

    @TempDir
    Path tmp;
    Path runDir;

    @BeforeEach
    void copyTheCommittedRun() throws Exception {
        runDir = Files.createDirectories(tmp.resolve("run"));
        Files.copy(TestEnv.home().resolve(RUN).resolve("run.json"), runDir.resolve("run.json"));
    }

    static BufferedImage decode(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " decodes");
        assertEquals(3840, img.getWidth());
        assertEquals(2160, img.getHeight());
        return img;
    }

    @Test
    void aSubsetGoesIntoChartsUnderANameThatCarriesItAndLeavesTheRunsChartsAlone() throws Exception {
        Path charts = Files.createDirectories(runDir.resolve("charts"));
        byte[] own = {1, 2, 3};
        Files.write(charts.resolve("dot.png"), own);
        CliRun o = run("chart", runDir.toString(), "--pattern", FOUR, "--highlight", "jep-numpy", "--title", "Where numpy wins");
        assertEquals(0, o.code(), o.err());
        for (String w : List.of("dot", "echo")) {
            Path png = charts.resolve(w + "@java_jep-python_jep-numpy_worker-numpy.png");
            decode(png);
            assertTrue(Files.isRegularFile(charts.resolve(w + "@java_jep-python_jep-numpy_worker-numpy.svg")), w);
        }
        assertArrayEquals(own, Files.readAllBytes(charts.resolve("dot.png")), "the run's own chart is untouched");
        try (Stream<Path> s = Files.list(charts)) {
            assertEquals(5, s.count(), "two slides as PNG and SVG, and the run's own chart");
        }
    }

    @Test
    void outWritesSlideFilesForTheWorkloadsAsked() throws Exception {
        Path out = tmp.resolve("slides");
        CliRun o = run("chart", runDir.toString(), "--pattern", FOUR, "--workload", "dot", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        decode(out.resolve("slide-dot.png"));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("slide-dot.png", "slide-dot.svg"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(runDir.resolve("charts")), "nothing written into the run");
    }

    @Test
    void mistakesAreOneLineWithWhatTheRunHas() {
        assertOneLine(run("chart", runDir.toString(), "--pattern", "java,jep-numpyy"),
                "--pattern jep-numpyy is not in this run", "(did you mean 'jep-numpy'?)", "it has: java, jni,");
        assertOneLine(run("chart", runDir.toString(), "--pattern", "java,cython"), "--pattern cython is not in this run");
        assertOneLine(run("chart", runDir.toString(), "--pattern", FOUR, "--highlight", "jep-numpi"),
                "--highlight jep-numpi is not one of --pattern", "(did you mean 'jep-numpy'?)");
        assertOneLine(run("chart", runDir.toString(), "--highlight", "jep-numpy"), "--highlight draws a slide",
                "--pattern");
        assertOneLine(run("chart", runDir.toString(), "--pattern", FOUR, "--workload", "dto"),
                "--workload dto has no point", "(did you mean 'dot'?)");
        assertFalse(Files.exists(runDir.resolve("charts")), "a refused command writes nothing");
    }

    @Test
    void aLongSubsetGetsAShortStableName() {
        List<String> many = List.of("jep-numpy-scalar-loop", "worker-python", "worker-numpy", "worker-json",
                "worker-chatty", "spawn-per-call", "py4j-python", "py4j-numpy", "py4j-python-bytes");
        String name = ChartCommand.subsetName("dot", many);
        assertTrue(name.matches("dot@9-patterns-[0-9a-f]{8}"), name);
        assertEquals(name, ChartCommand.subsetName("dot", many));
        assertEquals("dot@java_jni", ChartCommand.subsetName("dot", List.of("java", "jni")));
    }
}
