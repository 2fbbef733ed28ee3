package io.gluebench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.analysis.Analysis;
import io.gluebench.analysis.Analyzer;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A large run's default chart draws one line per family in full (its fastest member, from the
 * analysis) and the rest faint; a highlight draws one pattern thick and every other in full.
 */
class FamilyLinesTest {
    static final String LARGE = "/results/vm-bfab2a/20261204-195532-quick";
    static final String UNSETTLED = "~ never steady";

    static Run read(String dir) throws Exception {
        return Catalog.complete(new RunStore().read(Path.of(System.getProperty("gluebench.home") + dir)));
    }

    static Set<String> inLegend(XYChart chart) {
        Set<String> out = new TreeSet<>();
        chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).forEach(s -> out.add(s.getName()));
        out.remove(UNSETTLED);
        return out;
    }

    @Test
    void aLargeRunDrawsEachFamilysFastestInFullAndTheRestFaint() throws Exception {
        Run run = read(LARGE);
        Analysis a = Analyzer.analyze(run);
        XYChart chart = TimePerCallChart.build(run, a, "dot", Charts.patternOrder(run), null);
        assertTrue(chart.getSeriesMap().size() > TimePerCallChart.FAINT_ABOVE, "a large chart");
        assertEquals(new TreeSet<>(a.findings("dot").familyLeads().values()), inLegend(chart));
        assertEquals(7, inLegend(chart).size(), "one line per family: jvm, jni, ffm, jep, pemja, worker, py4j");
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (!s.isShowInLegend()) {
                assertEquals(TimePerCallChart.FAINT_WIDTH, s.getLineWidth(), s.getName());
                assertTrue(s.getLineColor().getAlpha() < 255, s.getName() + " is translucent");
            }
        }
    }

    @Test
    void aHighlightDrawsOnePatternThickAndNoneFaint() throws Exception {
        Run run = read(LARGE);
        XYChart chart = TimePerCallChart.build(run, Analyzer.analyze(run), "dot", Charts.patternOrder(run), "jep-numpy");
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.getName().equals(UNSETTLED)) {
                continue;
            }
            assertTrue(s.isShowInLegend(), s.getName());
            assertEquals(s.getName().equals("jep-numpy") ? TimePerCallChart.HIGHLIGHT_WIDTH : 4f, s.getLineWidth(), s.getName());
        }
        assertEquals("jep-numpy", List.copyOf(chart.getSeriesMap().keySet()).stream()
                .filter(n -> !n.equals(UNSETTLED)).reduce((x, y) -> y).orElseThrow(), "drawn last, over the others");
    }

    @Test
    void aSmallRunDrawsEveryLineInFull() throws Exception {
        Run run = read(ChartRenderTest.REFERENCE);
        XYChart chart = TimePerCallChart.build(run, Analyzer.analyze(run), "dot", Charts.patternOrder(run), null);
        assertTrue(chart.getSeriesMap().values().stream().allMatch(XYSeries::isShowInLegend));
    }
}
