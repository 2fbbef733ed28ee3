package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gluebench.analysis.Analyzer;
import io.gluebench.analysis.ScalingFactor;
import io.gluebench.chart.StartupCharts;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.Scaling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The callers measurement in the summary table, the report and the chart: every factor with its
 * interval (or "no interval"), every inconclusive one said so with its reason; runs written before
 * the forks still load and render.
 */
class CallersRenderTest {
    /** Three entries of results/vm-970ce9/20261126-023858-quick/run.json, as written (one fork per count). */
    static final String OLD_SCALING = """
            [{"pattern": "java", "workload": "dot", "size": 100000, "status": "ok", "threads": [1, 2], "opsPerSecond": [10331.218908486413, 20639.435060541735], "errors": [1409.6398086106883, 2103.4292123148152], "factor": 1.9977734712007509, "reason": null, "jmhFiles": ["jmh/scaling-dot-java-100000-t1.json", "jmh/scaling-dot-java-100000-t2.json"], "ok": true},
             {"pattern": "jep-python", "workload": "dot", "size": 100000, "status": "ok", "threads": [1, 2], "opsPerSecond": [101.60834673084605, 79.44328729994477], "errors": [92.3674659044624, 56.04402833672546], "factor": 0.7818578872303169, "reason": null, "jmhFiles": ["jmh/scaling-dot-jep-python-100000-t1.json", "jmh/scaling-dot-jep-python-100000-t2.json"], "ok": true},
             {"pattern": "worker-numpy-shm", "workload": "dot", "size": 100000, "status": "ok", "threads": [1, 2], "opsPerSecond": [461.730820080536, 1139.5665890173461], "errors": [349.4947226196372, 5122.727495084501], "factor": 2.4680323241549713, "reason": null, "jmhFiles": ["jmh/scaling-dot-worker-numpy-shm-100000-t1.json", "jmh/scaling-dot-worker-numpy-shm-100000-t2.json"], "ok": true}]
            """;

    @TempDir
    Path dir;

    private final RunStore store = new RunStore();

    /** The reference run with its "scaling" list replaced by {@code json}, read back through the validator. */
    private Run withScaling(String json) throws Exception {
        ReferenceRun.copyTo(dir);
        ObjectNode tree = (ObjectNode) store.mapper().readTree(dir.resolve(RunStore.RUN_FILE).toFile());
        tree.set("scaling", store.mapper().readTree(json));
        store.mapper().writeValue(dir.resolve(RunStore.RUN_FILE).toFile(), tree);
        return ReferenceRun.read(dir);
    }

    @Test
    void anOlderRunsFactorsLoadAndRenderWithoutAnIntervalAndAboveTheCoresAsInconclusive() throws Exception {
        Run run = withScaling(OLD_SCALING);
        assertEquals(2, run.machine().cores());
        Scaling shm = run.scaling().get(2);
        assertNull(shm.forkSamples());
        assertFalse(shm.hasInterval());
        assertNull(shm.verdict());

        String table = TextTable.scaling(run);
        assertTrue(table.contains("×2.00 (no interval)") && table.contains("×0.78 (no interval)"), table);
        assertTrue(table.contains("inconclusive: above the 2 cores (no interval)"), table);
        assertTrue(table.contains("serialised (no interval)"), table);
        assertFalse(table.contains(" ± "), "an older run's errors are JMH's 99.9%, not printed as the interval: " + table);
        assertTrue(TextTable.callersLine(shm, 2).startsWith("×2.47 (no interval) with 2 callers: inconclusive: ×2.47"
                + " is above the number of cores (2)"), TextTable.callersLine(shm, 2));

        Reports.writeAll(run, Analyzer.analyze(run), dir);
        String md = Files.readString(dir.resolve("report.md"));
        String callers = md.substring(md.indexOf("## Threads and the GIL"));
        assertTrue(callers.contains("one fork per count, so its factors have no interval"), callers);
        assertTrue(callers.contains("×2.47 (no interval) inconclusive"), callers);
        assertTrue(callers.contains("the 1-caller rate is slowed by something 2 callers avoid (a worker woken on the other core) or is unstable (no interval: one fork)."), callers);
        assertTrue(callers.contains("parallel: each caller's work runs on its own core (no interval: one fork)."), callers);

        List<Path> charts = StartupCharts.writeAll(run, dir.resolve("charts-old"));
        assertTrue(charts.contains(dir.resolve("charts-old").resolve(StartupCharts.CALLERS + ".png")), charts.toString());
    }

    @Test
    void aForkedRunsFactorsRenderWithTheirIntervalAndVerdict() throws Exception {
        List<List<List<Double>>> samples = List.of(
                List.of(List.of(1000.0, 1010.0, 995.0, 1005.0), List.of(980.0, 990.0, 985.0, 975.0),
                        List.of(1020.0, 1015.0, 1030.0, 1025.0)),
                List.of(List.of(1950.0, 1940.0, 1960.0, 1955.0), List.of(1900.0, 1910.0, 1890.0, 1905.0),
                        List.of(1980.0, 1990.0, 1970.0, 1985.0)));
        ScalingFactor.Estimate e = ScalingFactor.estimate(List.of(1, 2), samples);
        Scaling parallel = new Scaling("worker-python", "dot", 100000, Point.OK, List.of(1, 2), e.opsPerSecond(),
                e.halfWidths(), e.factor(), null, List.of("jmh/scaling-dot-worker-python-100000-t1-f1.json"), samples,
                e.low(), e.high(), ScalingFactor.verdict(e, 2));
        Scaling failed = new Scaling("jep-python", "dot", 100000, Point.FAILED, List.of(1, 2),
                java.util.Arrays.asList(100.0, null), java.util.Arrays.asList(3.0, null), null, "2 callers, fork 2 of 3:"
                        + " timed out after 60 s", List.of(), List.of(List.of(List.of(99.0, 101.0)), List.of(List.of(),
                        List.of())), null, null, null);
        Run run = withScaling(store.mapper().writeValueAsString(List.of(parallel, failed)));
        assertEquals(parallel, run.scaling().get(0), "written and read back unchanged");
        assertEquals(failed, run.scaling().get(1));

        String text = StartupCharts.factorText(parallel);
        assertTrue(text.matches("×1\\.9\\d \\(1\\.\\d\\d–\\d\\.\\d\\d\\)"), text);
        String table = TextTable.scaling(run);
        assertTrue(table.contains(text) && table.contains("parallel") && table.contains(" ± "), table);
        assertTrue(table.contains("failed"), table);

        Reports.writeAll(run, Analyzer.analyze(run), dir);
        String md = Files.readString(dir.resolve("report.md"));
        String callers = md.substring(md.indexOf("## Threads and the GIL"));
        assertTrue(callers.contains("3 forks per count"), callers);
        assertTrue(callers.contains(text) && callers.contains("parallel: each caller's work runs on its own core."),
                callers);
        assertTrue(callers.contains("timed out after 60 s"), callers);
    }
}
