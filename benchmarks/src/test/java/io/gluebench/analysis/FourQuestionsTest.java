package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.result.Family;
import io.gluebench.result.Kind;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.Scaling;
import io.gluebench.run.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four questions, answered from a synthetic run whose cost models are known. */
class FourQuestionsTest {
    /** CPython's pure Python (py): 1 us + 100 ns per element; the same work in numpy (np): 50 us + 1 ns. */
    private static Run run(List<Scaling> scaling) {
        return run(scaling, false);
    }

    /** With {@code worker}: numpy in a worker process too (wn): 100 us + 1 ns per element, on a 2-core machine. */
    private static Run run(List<Scaling> scaling, boolean worker) {
        List<Point> points = new ArrayList<>(CostModelTest.line("w", "py", 1_000, 100, 0.01, 2));
        points.addAll(CostModelTest.line("w", "np", 50_000, 1, 0.01, 3));
        List<io.gluebench.result.PatternInfo> patterns = new ArrayList<>(CostModelTest.run(points).patterns());
        if (worker) {
            points.addAll(CostModelTest.line("w", "wn", 100_000, 1, 0.01, 4));
            patterns.add(new io.gluebench.result.PatternInfo("wn", io.gluebench.result.Family.of("worker"), io.gluebench.result.Kind.NATIVE, false,
                    "", ""));
        }
        Run r = CostModelTest.run(points);
        return new Run(r.formatVersion(), r.runId(), r.profile(), r.status(), r.startedAt(), r.finishedAt(),
                SyntheticRuns.machine("m2"), r.settings(), r.floors(), r.points(), r.skipped(), patterns, r.workloads(),
                List.of(), scaling);
    }

    private static Advisor.Advice advise(Run run, int n, Double r, Integer t) {
        return Advisor.advise(run, Analyzer.analyze(run), "w", n, r, t);
    }

    @Test
    void theBatchSizeIsWhereTheFixedCostFallsUnderATenthOfTheCall() {
        Run run = run(List.of());
        Analysis a = Analyzer.analyze(run);
        CostModel np = a.model("w", "np").orElseThrow();
        Advisor.Advice adv = Advisor.advise(run, a, "w", 1_000, null);
        FourQuestions.Batch b = FourQuestions.batch(a, "w", 1_000,
                adv.ranking().stream().filter(r -> r.pattern().equals("np")).findFirst());
        assertNotNull(b);
        // Hand-worked: a <= 0.1 (a + b N)  <=>  N >= 9 a / b = 9 x 50,000 / 1 = 450,000.
        assertEquals(9 * np.fixedNs() / np.perUnitNs(), b.batchN(), 1e-6 * b.batchN());
        assertEquals(450_000, b.batchN(), 0.05 * 450_000);
        // At N=1000 the crossing is a / (a + b N) = 50,000 / 51,000 of the call.
        assertEquals(50_000.0 / 51_000, b.shareAtN(), 0.03);
        String q2 = adv.questions().get(1).text();
        assertTrue(q2.contains("falls under 10%"), q2);
    }

    @Test
    void belowTheCrossoverTheAnswerIsGlueAndTheAdviceIsToStay() {
        Advisor.Advice adv = advise(run(List.of()), 50, 1000.0, null);
        assertEquals(4, adv.questions().size());
        assertEquals("glue", adv.questions().get(0).verdict(), adv.questions().get(0).text());
        assertTrue(adv.questions().get(0).text().contains("cross at N*"), adv.questions().get(0).text());
        assertEquals("keep it in Python", adv.recommendation().action());
        assertEquals("py", adv.recommendation().pattern());
        assertTrue(adv.questions().get(1).text().contains("of a core"), adv.questions().get(1).text());
        assertEquals("not measured", adv.questions().get(3).verdict());
    }

    @Test
    void aboveTheCrossoverTheComputeGoesNative() {
        Advisor.Advice adv = advise(run(List.of()), 50_000, null, null);
        assertEquals("compute", adv.questions().get(0).verdict(), adv.questions().get(0).text());
        assertEquals("move the compute into native code in process", adv.recommendation().action());
        assertEquals("np", adv.recommendation().pattern());
    }

    @Test
    void manyCallersOnAPatternThatSerialisesGoOutOfProcessOnlyWhenThatIsFaster() {
        Scaling serial = new Scaling("np", "w", 100_000, io.gluebench.result.Status.OK, List.of(1, 2), List.of(1000.0, 1010.0), List.of(5.0, 5.0),
                1.01, null, List.of(), List.of(), 0.95, 1.07, "serialised: the callers wait for one another");
        // N=50,000: np 100 us a call, wn 150 us. 4 callers serialised on np wait ~400 us each; 4 workers on
        // 2 cores give each ~300 us: out of process.
        Advisor.Advice adv = advise(run(List.of(serial), true), 50_000, null, 4);
        assertEquals("serialises", adv.questions().get(3).verdict(), adv.questions().get(3).text());
        assertTrue(adv.questions().get(3).text().contains("np ×1.01 [0.95–1.07] (serialised)"), adv.questions().get(3).text());
        assertEquals("move it out of process", adv.recommendation().action(), adv.recommendation().because());
        assertEquals("wn", adv.recommendation().pattern());
        // 2 callers: ~200 us serialised against ~150 us; 1 caller: in process.
        assertEquals("move it out of process", advise(run(List.of(serial), true), 50_000, null, 2).recommendation().action());
        assertEquals("move the compute into native code in process",
                advise(run(List.of(serial), true), 50_000, null, 1).recommendation().action());
        // Without a worker measured there is nothing to move to.
        assertEquals("move the compute into native code in process",
                advise(run(List.of(serial)), 50_000, null, 4).recommendation().action());
    }

    @Test
    void aFastInProcessPatternStaysEvenWhenItSerialises() {
        Scaling serial = new Scaling("np", "w", 100_000, io.gluebench.result.Status.OK, List.of(1, 2), List.of(1000.0, 1010.0), List.of(5.0, 5.0),
                1.01, null, List.of(), List.of(), 0.95, 1.07, "serialised: the callers wait for one another");
        // N=10,000: np 60 us, wn 110 us. 3 callers serialised on np wait ~180 us each; 3 workers on 2 cores
        // ~220 us each: stay in process.
        Advisor.Advice adv = advise(run(List.of(serial), true), 10_000, null, 3);
        assertEquals("move the compute into native code in process", adv.recommendation().action());
        assertTrue(adv.recommendation().because().contains("even serialised"), adv.recommendation().because());
    }

    /**
     * CPython's py and np as above, and two Java-to-C patterns: zc (zero-copy) 1 us + 1 ns per element,
     * cp 1 us + 3 ns; cp stores {@code twin} as its zero-copy twin, ch stores itself as chatty.
     */
    private static Run copyRun(String twin, Boolean chatty) {
        List<Point> points = new ArrayList<>(CostModelTest.line("w", "py", 1_000, 100, 0.01, 2));
        points.addAll(CostModelTest.line("w", "np", 50_000, 1, 0.01, 3));
        points.addAll(CostModelTest.line("w", "zc", 1_000, 1, 0.01, 5));
        points.addAll(CostModelTest.line("w", "cp", 1_000, 3, 0.01, 6));
        points.addAll(CostModelTest.line("w", "ch", 10_000, 5_000, 0.01, 7));
        List<PatternInfo> patterns = new ArrayList<>(CostModelTest.run(points).patterns());
        patterns.add(new PatternInfo("zc", Family.JNI, Kind.NATIVE, false, "", "", null, null, false));
        patterns.add(new PatternInfo("cp", Family.JNI, Kind.NATIVE, false, "", "", null, twin, false));
        patterns.add(new PatternInfo("ch", Family.WORKER, Kind.INTERPRETED, true, "", "", null, null, chatty));
        Run r = CostModelTest.run(points);
        return new Run(r.formatVersion(), r.runId(), r.profile(), r.status(), r.startedAt(), r.finishedAt(),
                SyntheticRuns.machine("m2"), r.settings(), r.floors(), r.points(), r.skipped(), patterns, r.workloads(),
                List.of(), List.of());
    }

    @Test
    void theCopyingPairsAreTheRunsStoredTwins() {
        Advisor.Advice adv = advise(copyRun("zc", false), 100_000, null, null);
        String q3 = adv.questions().get(2).text();
        assertEquals(List.of(List.of("cp", "zc")), FourQuestions.copyPairs(copyRun("zc", false)));
        assertTrue(q3.startsWith("At N=100,000: cp's copy costs "), q3);
        assertTrue(q3.endsWith(" over zc."), q3);
        assertEquals("copies cost", adv.questions().get(2).verdict(), q3);
    }

    @Test
    void aPatternWithoutAStoredTwinMakesNoPair() {
        Advisor.Advice adv = advise(copyRun(null, false), 100_000, null, null);
        assertEquals(List.of(), FourQuestions.copyPairs(copyRun(null, false)));
        assertEquals("not measured", adv.questions().get(2).verdict());
        assertTrue(adv.questions().get(2).text().contains("No copying variant ran next to its zero-copy pattern for w"),
                adv.questions().get(2).text());
    }

    @Test
    void theBatchingEvidenceIsThePatternStoredAsChatty() {
        String q2 = advise(copyRun(null, true), 1_000, null, null).questions().get(1).text();
        assertTrue(q2.contains("The evidence: ch, one round trip per element, takes "), q2);
        for (Boolean notChatty : java.util.Arrays.asList(false, null)) {
            String without = advise(copyRun(null, notChatty), 1_000, null, null).questions().get(1).text();
            assertTrue(!without.contains("The evidence"), without);
        }
    }

    @Test
    void anOldCommittedRunGetsItsPairsFromTheCatalogue() throws Exception {
        // Stored before zeroCopyTwin and chatty existed: the file has neither, the catalogue fills both.
        Run stored = new RunStore().read(TestEnv.home().resolve("results/vm-bfab2a/20261204-195532-quick"));
        assertEquals(List.of(), FourQuestions.copyPairs(stored));
        Run run = Catalog.complete(stored);
        // The list FourQuestions kept before the pairs moved into the catalogue, in its order.
        assertEquals(List.of(List.of("jni-copy", "jni"), List.of("ffm-copy", "ffm"), List.of("jep-numpy-copy", "jep-numpy"),
                List.of("pemja-numpy", "jep-numpy"), List.of("py4j-python", "py4j-python-bytes")),
                FourQuestions.copyPairs(run));
        assertEquals(List.of("worker-chatty"), run.patterns().stream().filter(i -> Boolean.TRUE.equals(i.chatty()))
                .map(PatternInfo::name).toList());
        String q2 = Advisor.advise(run, Analyzer.analyze(run), "dot", 1_000, null, null).questions().get(1).text();
        assertTrue(q2.contains("The evidence: worker-chatty, one round trip per element"), q2);
    }
}
