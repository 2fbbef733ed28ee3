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
    void aPointsWorkerIsStartedWithTheLargestFrameThePointSendsAsItsCap() throws Exception {
        PatternEnv env = TestEnv.env();
        python(env);
        var dot = Workloads.byName("dot").orElseThrow();
        WorkerPattern p = new WorkerPattern(false);
        p.open(env);
        try {
            p.bind(dot, dot.input(100_000));
            long pid = Long.parseLong(p.engine().replaceAll(".*pid (\\d+).*", "$1"));
            List<String> args = List.of(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow());
            int at = args.indexOf("--max-frame");
            assertTrue(at >= 0, "the cap is stated: " + args);
            assertEquals(Integer.toString(5 + 16 * 100_000), args.get(at + 1), "dot's frame at N=100,000, not 1 GiB");
            assertEquals(WorkerPattern.MIN_FRAME, WorkerPattern.maxFrame(dot, dot.input(10)), "small points get the floor");
        } finally {
            p.close();
        }
    }

    @Test
    void aFrameOverTheCapIsRefusedAndNamesTheLimit() throws Exception {
        PatternEnv env = TestEnv.env();
        python(env);
        WorkerProcess w = WorkerPattern.start(env, "python", Transport.PIPE, 4096);
        try {
            java.nio.ByteBuffer req = w.request(8001);
            req.put(Frames.OP_ECHO).put(new byte[8000]);
            PatternException e = assertThrows(PatternException.class, () -> w.callScalar(8001));
            assertTrue(e.getMessage().contains("4096"), e.getMessage());
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
