package io.gluebench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Analyzer;
import io.gluebench.analysis.Crossover;
import io.gluebench.analysis.Decision;
import io.gluebench.analysis.Fastest;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.result.Machine;
import io.gluebench.result.Family;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.WorkloadInfo;
import io.gluebench.run.Catalog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartRenderTest {
    static final String REFERENCE = "/results/amd-epyc-2c-24g-003596/20261125-184841-quick";
    static final List<String> KINDS = List.of("", "-overhead", "-speedup", "-decision", "-warmup");

    @TempDir
    static Path dir;
    static Run run;
    static List<Path> written;

    @BeforeAll
    static void renderReferenceRun() throws Exception {
        run = Catalog.complete(new RunStore().read(Path.of(System.getProperty("gluebench.home") + REFERENCE)));
        written = Charts.writeAll(run, Analyzer.analyze(run), ChartOptions.defaults(), dir);
    }

    @Test
    void everyChartOfTheReferenceRunIsWrittenAsPngAndSvg() throws Exception {
        Set<String> workloads = new LinkedHashSet<>();
        run.points().forEach(p -> workloads.add(p.workload()));
        assertEquals(Set.of("echo", "dot", "nbody"), workloads);
        for (String w : workloads) {
            for (String kind : KINDS) {
                for (String ext : List.of(".png", ".svg")) {
                    Path f = dir.resolve(w + kind + ext);
                    assertTrue(Files.isRegularFile(f), f + " exists");
                    assertTrue(written.contains(f), f + " is reported as written");
                }
            }
        }
        assertEquals(workloads.size() * KINDS.size() * 2, written.size());
    }

    @Test
    void pngsAreSlideSizedAndNotBlank() throws Exception {
        for (Path f : written) {
            if (!f.toString().endsWith(".png")) {
                continue;
            }
            BufferedImage img = ImageIO.read(f.toFile());
            assertNotNull(img, f + " reads as an image");
            assertEquals(3840, img.getWidth(), f + " width");
            assertEquals(2160, img.getHeight(), f + " height");
            Set<Integer> colours = new HashSet<>();
            long ink = 0;
            long seen = 0;
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != 0xFFFFFF) {
                        ink++;
                    }
                    seen++;
                }
            }
            assertTrue(colours.size() >= 20, f + " has " + colours.size() + " colours");
            assertTrue(ink >= 0.03 * seen, f + " is " + (100.0 * ink / seen) + "% non-white");
        }
    }

    @Test
    void svgsParseWithAnSvgRoot() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Path p : written) {
            if (p.toString().endsWith(".svg")) {
                Document doc = f.newDocumentBuilder().parse(p.toFile());
                assertEquals("svg", doc.getDocumentElement().getLocalName(), p + " root");
            }
        }
    }

    @Test
    void startupAndCallerChartsAreSlidesWithOneBarPerPattern(@TempDir Path out) throws Exception {
        Run r = run.withStartup(new io.gluebench.result.Startup("java", "dot", 1000, io.gluebench.result.Status.OK, 2, 4, List.of(600.0, 640.0),
                        List.of(1400.0, 1500.0), List.of(40_000.0, 9_000.0, 3_000.0), 2600.0, null, null))
                .withStartup(new io.gluebench.result.Startup("jep-python", "dot", 1000, io.gluebench.result.Status.OK, 2, 4, List.of(1600.0, 1700.0),
                        List.of(2500.0, 2600.0), List.of(300_000.0, 250_000.0, 240_000.0), 230_000.0, null, null))
                .withStartup(new io.gluebench.result.Startup("graalpy", "dot", 1000, io.gluebench.result.Status.FAILED, 2, 4, null, null, null,
                        null, "timed out", null))
                .withScaling(new io.gluebench.result.Scaling("worker-python", "dot", 1000, io.gluebench.result.Status.OK, List.of(1, 2),
                        List.of(4000.0, 7900.0), List.of(10.0, 10.0), 1.975, null, List.of()))
                .withScaling(new io.gluebench.result.Scaling("jep-python", "dot", 1000, io.gluebench.result.Status.OK, List.of(1, 2),
                        List.of(4000.0, 4100.0), List.of(10.0, 10.0), 1.025, null, List.of()));
        List<Path> files = StartupCharts.writeAll(r, out);
        for (String name : List.of(StartupCharts.STARTUP, StartupCharts.CURVE, StartupCharts.CALLERS)) {
            Path png = out.resolve(name + ".png");
            assertTrue(files.contains(png) && files.contains(out.resolve(name + ".svg")), name);
            var img = javax.imageio.ImageIO.read(png.toFile());
            assertEquals(3840, img.getWidth(), name);
        }
        assertEquals(6, files.size(), "the failed start-up draws no bar and no extra chart");
        assertTrue(StartupCharts.writeAll(run, out.resolve("none")).isEmpty(), "a run without them draws none");
    }

    @Test
    void paletteGivesEveryCataloguePatternItsOwnColourAndMarker() {
        Set<String> names = new java.util.LinkedHashSet<>(Patterns.names());
        names.addAll(List.of("jni-copy", "jep-list", "jep-numpy-scalar-loop", "jep-native", "worker-json",
                "worker-chatty", "spawn-per-call"));
        Set<String> pairs = new HashSet<>();
        for (String n : names) {
            Family family = Patterns.byName(n).map(sp -> sp.info().family()).orElse(Family.OTHER);
            Palette.Style s = Palette.style(n, family);
            assertTrue(pairs.add(s.color().getRGB() + "/" + s.markerName()), n + " shares its colour and marker");
            assertEquals(s, Palette.style(n, family), "the same style every time");
        }
        // Families share a hue: the numpy member is a darker shade of the python member.
        assertTrue(brightness(Palette.style("jep-numpy", Family.JEP).color())
                < brightness(Palette.style("jep-python", Family.JEP).color()));
        assertTrue(brightness(Palette.style("py4j-numpy", Family.PY4J).color())
                < brightness(Palette.style("py4j-python", Family.PY4J).color()));
        // Unknown names fall back deterministically, to the hue of the family the run stored, never
        // to one guessed from the name.
        assertEquals(Palette.style("jpype-python", Family.OTHER), Palette.style("jpype-python", Family.OTHER));
        assertEquals(0, Palette.style("jep-future", Family.JEP).color().getRed(), "a jep shade");
        assertEquals(Palette.style("x", Family.OTHER).color().getRed(), Palette.style("x", Family.OTHER).color().getBlue(),
                "grey for a family the run did not store");
        assertTrue(Palette.style("jep-future", Family.OTHER).color().getGreen()
                == Palette.style("jep-future", Family.OTHER).color().getRed(), "the name's first word is not read");
    }

    @Test
    void aPlacementSeriesKeepsItsPatternsColourAndTakesItsOwnMarker() {
        Run run = new Run(2, "r", "quick", "complete", null, null, null, java.util.Map.of(), List.of(),
                List.of(point("worker-python", null), point("worker-python", "same-core")), List.of(),
                List.of(Patterns.byName("worker-python").orElseThrow().info()), List.of());
        Palette.Style free = Palette.style(run, "worker-python");
        Palette.Style pinned = Palette.style(run, "worker-python@same-core");
        assertEquals(free.color(), pinned.color());
        assertNotEquals(free.markerName(), pinned.markerName());
    }

    private static io.gluebench.result.Point point(String pattern, String placement) {
        return new io.gluebench.result.Point("echo", pattern, 0, "pipe", placement, io.gluebench.result.Status.OK,
                "ns/op", 1.0, 0.1, List.of(1.0), List.of(), null, null, null, List.of(), 0);
    }

    @Test
    void antiPatternsAreDashed() {
        List<PatternInfo> infos = Patterns.ALL.stream().map(PatternSpec::info).toList();
        Run r = run.withCatalog(infos, run.workloads());
        for (PatternInfo i : infos) {
            assertEquals(i.antiPattern(), Palette.dashed(r, i.name()), i.name());
            assertEquals(i.antiPattern(), Palette.stroke(r, i.name(), 3f).getDashArray() != null, i.name());
        }
        assertTrue(Palette.dashed(r, "graalpy-interpreter"));
        assertFalse(Palette.dashed(r, "graalpy"));
    }

    @Test
    void decisionStripMergesWinnersAndPlacesBoundaries(@TempDir Path out) throws Exception {
        // jni wins at N=1, java at 100, jni again at 10k; jep-python is the only Python pattern.
        Run tiny = tinyRun(Map.of(
                "java", new double[] {100, 100, 10000},
                "jni", new double[] {50, 150, 9000},
                "jep-python", new double[] {500, 5000, 400000}));
        Analysis plain = new Analysis(List.of(), List.of(), List.of(), Fastest.rows(tiny), List.of());
        List<Decision.Segment> segs = Decision.strip(tiny, plain, "w");
        assertEquals(List.of("jni", "java", "jni"), segs.stream().map(Decision.Segment::pattern).toList());
        assertEquals(1, segs.get(0).fromN());
        assertEquals(10, segs.get(0).toN(), 1e-9, "geometric mean of 1 and 100");
        assertEquals(1000, segs.get(1).toN(), 1e-9, "geometric mean of 100 and 10k");
        assertEquals(10000, segs.get(2).toN());
        assertEquals(List.of(100), segs.get(1).sizes());
        assertFalse(segs.get(0).modelEdge());

        // A model crossover between the two winners inside the gap moves the boundary there.
        Crossover x = new Crossover("w", "jni", "java", 1, 100, 3.0, null, false, false);
        Analysis withModel = new Analysis(List.of(), List.of(x), List.of(), Fastest.rows(tiny), List.of());
        List<Decision.Segment> moved = Decision.strip(tiny, withModel, "w");
        assertEquals(3.0, moved.get(0).toN(), 1e-9);
        assertTrue(moved.get(0).modelEdge());
        assertEquals(3.0, moved.get(1).fromN(), 1e-9);

        List<Decision.Segment> python = Decision.pythonStrip(tiny, plain, "w");
        assertEquals(1, python.size());
        assertEquals("jep-python", python.get(0).pattern());
        assertEquals(List.of(1, 100, 10000), python.get(0).sizes());

        // The same small run renders every chart except warm-up (it has no warm-up scores).
        List<Path> files = Charts.writeAll(tiny, out);
        assertEquals(8, files.size(), files.toString());
        assertTrue(Files.isRegularFile(out.resolve("w-decision.png")));
    }

    @Test
    void aLongAdaptiveWarmUpAndOneSizeStillDraw(@TempDir Path out) throws Exception {
        // GraalPy warmed for 12 s in 50 ms batches: 240 warm-up values, one size, one point, a steady
        // state not reached (ringed).
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            warm.add(80_000 + 300_000_000.0 / (1 + i * i));
        }
        Point p = new Point("w", "jni", 1000, null, null, Point.OK, "ns/op", 80_000.0, 1_000.0,
                List.of(79_000.0, 81_000.0), warm, null, null, null, List.of(), 14.0, null,
                List.of(new io.gluebench.result.Fork(0, 0, List.of(79_000.0, 81_000.0), warm, 12.0, "no steady state",
                        -1, 14.0, null)), "no steady state", 79_000.0, 81_000.0);
        Run one = tinyRun(Map.of());
        one = new Run(one.formatVersion(), one.runId(), one.profile(), one.status(), one.startedAt(), one.finishedAt(),
                one.machine(), one.settings(), List.of(), List.of(p), List.of(), one.patterns(), one.workloads());
        List<Path> files = Charts.writeAll(one, out);
        assertTrue(Files.isRegularFile(out.resolve("w-warmup.png")), files.toString());
        assertTrue(Files.isRegularFile(out.resolve("w.png")), files.toString());
    }

    private static Run tinyRun(Map<String, double[]> scores) {
        int[] sizes = {1, 100, 10000};
        List<Point> points = new ArrayList<>();
        for (var e : scores.entrySet()) {
            for (int i = 0; i < sizes.length; i++) {
                double s = e.getValue()[i];
                points.add(new Point("w", e.getKey(), sizes[i], null, null, Point.OK, "ns/op", s, s * 0.02,
                        List.of(s, s, s), List.of(), null, null, null, List.of(), 1.0));
            }
        }
        Machine m = new Machine("test-machine", "host", "Test CPU", 2, 8L << 30, "Linux", "6.1", "Temurin", "25",
                Map.of(), "abc", false, "2026-01-01T00:00:00Z", 0.1);
        List<PatternInfo> infos = List.of(
                new PatternInfo("java", io.gluebench.result.Family.of("jvm"), io.gluebench.result.Kind.BASELINE, false, "", ""),
                new PatternInfo("jni", io.gluebench.result.Family.of("jni"), io.gluebench.result.Kind.NATIVE, false, "", ""),
                new PatternInfo("jep-python", io.gluebench.result.Family.of("jep"), io.gluebench.result.Kind.INTERPRETED, false, "", ""));
        return new Run(Run.FORMAT_VERSION, "tiny", "smoke", "complete", "2026-01-01T00:00:00Z", null, m, Map.of(),
                List.of(), points, List.of(), infos, List.of(new WorkloadInfo("w", "items", "N", "A test workload.")));
    }

    private static double brightness(java.awt.Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
