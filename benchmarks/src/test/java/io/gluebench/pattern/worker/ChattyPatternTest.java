package io.gluebench.pattern.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.Patterns;
import io.gluebench.run.Applicability;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Echo;
import io.gluebench.workload.builtin.Nbody;
import io.gluebench.workload.builtin.Sort;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ChattyPatternTest {
    private static PatternEnv env() {
        PatternEnv env = TestEnv.env();
        boolean have = Files.isExecutable(env.venvPython());
        if (TestEnv.requireAll()) {
            assertTrue(have, "the project's venv is missing: " + env.venvPython());
        }
        Assumptions.assumeTrue(have, "no project venv; run ./gluebench setup");
        return env;
    }

    @Test
    void onePerElementGivesTheSameBitsAsOneBatch() throws Exception {
        PatternEnv env = env();
        try (ChattyPattern chatty = new ChattyPattern(); WorkerPattern batch = new WorkerPattern(false)) {
            chatty.open(env);
            batch.open(env);
            for (Workload w : new Workload[] {new Dot(), new Echo()}) {
                for (int n : new int[] {0, 1, 333}) {
                    var in = w.input(n);
                    long got = chatty.bind(w, in).invoke();
                    assertTrue(w.agrees(in, w.referenceBits(in), got), w.name() + " n=" + n);
                    assertEquals(batch.bind(w, in).invoke(), got, w.name() + " n=" + n + ": the same sum in the same order");
                    assertEquals(got, chatty.bind(w, in).invoke(), "the worker's running sum was reset by the take");
                }
            }
        }
    }

    @Test
    void everyOtherWorkloadAndHugeSizesAreSkippedWithTheReason() {
        var spec = Patterns.byName("worker-chatty").orElseThrow();
        for (Workload w : Workloads.ALL) {
            String why = Applicability.notApplicable(spec, w);
            if (w instanceof Dot || w instanceof Echo) {
                assertNull(why, w.name());
                assertNull(Applicability.notApplicable(spec, w, ChattyPattern.MAX_ELEMENTS));
                assertTrue(Applicability.notApplicable(spec, w, ChattyPattern.MAX_ELEMENTS + 1).contains("round trips per call"));
            } else {
                assertTrue(why != null && why.contains(w.name()), w.name() + ": " + why);
            }
        }
        assertTrue(Applicability.notApplicable(spec, new Sort()).contains("not a sum over its elements"));
        assertTrue(Applicability.notApplicable(spec, new Nbody()).contains("only N crosses"));
    }

    @Test
    void bindRefusesAWorkloadWithoutElementsAndAKilledWorkerFailsTheCall() throws Exception {
        PatternEnv env = env();
        try (ChattyPattern chatty = new ChattyPattern()) {
            chatty.open(env);
            PatternException e = assertThrows(PatternException.class,
                    () -> chatty.bind(new Sort(), new Sort().input(10)));
            assertTrue(e.getMessage().contains("not a sum over its elements"), e.getMessage());
            Dot dot = new Dot();
            Call call = chatty.bind(dot, dot.input(50));
            long pid = Long.parseLong(chatty.engine().replaceAll("^CPython worker pid (\\d+) .*$", "$1"));
            ProcessHandle worker = ProcessHandle.of(pid).orElseThrow();
            worker.destroyForcibly();
            worker.onExit().get();
            PatternException died = assertThrows(PatternException.class, call::invoke);
            assertTrue(died.getMessage().contains("the worker died"), died.getMessage());
        }
    }
}
