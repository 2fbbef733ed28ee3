package io.gluebench.pattern.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.Workloads;
import io.gluebench.workload.builtin.Nbody;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WorkerProcessTest {
    private static String python(PatternEnv env) {
        boolean have = Files.isExecutable(env.venvPython());
        if (TestEnv.requireAll()) {
            assertTrue(have, "the project's venv is missing: " + env.venvPython());
        }
        Assumptions.assumeTrue(have, "no project venv; run ./gluebench setup");
        return env.venvPython().toString();
    }

    @Test
    void aWorkerThatDiesFailsWithTheTailOfItsStderr() throws Exception {
        PatternEnv env = TestEnv.env();
        WorkerProcess w = new WorkerProcess(List.of(python(env), "-c",
                "import sys; sys.stderr.write('first line\\nboom: the worker gave up\\n'); sys.exit(3)"), env.pythonWorkloads());
        try {
            byte[] ping = {1, 0, 0, 0, Frames.OP_PING};
            PatternException e = assertThrows(PatternException.class, () -> w.roundTrip(ping, ping.length));
            assertTrue(e.getMessage().contains("boom: the worker gave up"), e.getMessage());
            assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
        } finally {
            w.close();
        }
    }

    @Test
    void theRealWorkerAnswersEveryWorkload() throws Exception {
        PatternEnv env = TestEnv.env();
        python(env);
        for (Transport transport : Transport.values()) {
          for (boolean numpy : new boolean[] {false, true}) {
            WorkerPattern p = new WorkerPattern(numpy, transport);
            p.open(env);
            try {
                for (var w : Workloads.ALL) {
                    var in = w.input(w instanceof Nbody ? 10 : Math.max(w.minSize(), Math.min(w.maxSize() / 2, 57)));
                    Call c = p.bind(w, in);
                    if (numpy && !w.hasNumpyVariant()) {
                        PatternException e = assertThrows(PatternException.class, c::invoke);
                        assertTrue(e.getMessage().contains("no numpy variant for " + w.name()), e.getMessage());
                        continue;
                    }
                    if (w.resultKind().isCompound()) {
                        var expected = w.referenceCompound(in);
                        c.invoke();
                        assertTrue(w.agrees(in, expected, c.compound()),
                                w.name() + " numpy=" + numpy + " over " + transport.id() + ": " + c.compound());
                        c.invoke();
                        assertTrue(w.agrees(in, expected, c.compound()), "a second call gives the same answer");
                        continue;
                    }
                    long expected = w.referenceBits(in);
                    assertTrue(w.agrees(in, expected, c.invoke()), w.name() + " numpy=" + numpy + " over " + transport.id());
                    assertTrue(w.agrees(in, expected, c.invoke()), "a second call gives the same answer");
                }
            } finally {
                p.close();
            }
          }
        }
    }

    @Test
    void anErrorReplyBecomesAPatternException() throws Exception {
        PatternEnv env = TestEnv.env();
        WorkerProcess w = new WorkerProcess(List.of(python(env), "-m", "gluebench_py.worker", "--compute", "python"),
                env.pythonWorkloads());
        try {
            byte[] bad = {1, 0, 0, 0, 42};
            PatternException e = assertThrows(PatternException.class, () -> w.roundTrip(bad, bad.length));
            assertTrue(e.getMessage().contains("answered with an error"), e.getMessage());
            byte[] ping = {1, 0, 0, 0, Frames.OP_PING};
            assertEquals(0L, w.roundTrip(ping, ping.length), "the worker keeps serving after an error");
        } finally {
            w.close();
        }
    }
}
