package io.gluebench.pattern.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Wordfreq;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SpawnPerCallTest {
    private static PatternEnv env() {
        PatternEnv env = TestEnv.env();
        boolean have = Files.isExecutable(env.venvPython());
        if (TestEnv.requireAll()) {
            assertTrue(have, "the project's venv is missing: " + env.venvPython());
        }
        Assumptions.assumeTrue(have, "no project venv; run ./gluebench setup");
        return env;
    }

    /** A spawner of {@code python -c script} with the given timeout. */
    private static SpawnPerCall script(PatternEnv env, String script, Duration timeout) throws PatternException {
        return new SpawnPerCall(List.of(env.venvPython().toString(), "-c", script), env.pythonWorkloads(), timeout);
    }

    private static void assertReaped(long pid) {
        assertTrue(pid > 0, "a process was started");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " was reaped");
        assertTrue(ProcessHandle.current().children().noneMatch(c -> c.pid() == pid), "no child " + pid + " is left");
    }

    private static long ping(SpawnPerCall s) throws PatternException {
        s.request(1).put(Frames.OP_PING);
        return s.callScalar(1);
    }

    @Test
    void everyCallIsANewProcessAndEachIsReaped() throws Exception {
        PatternEnv env = env();
        SpawnPattern p = new SpawnPattern();
        p.open(env);
        try (SpawnPerCall s = new SpawnPerCall(List.of(env.venvPython().toString(), "-m", "gluebench_py.once"),
                env.pythonWorkloads(), Duration.ofSeconds(60))) {
            Dot dot = new Dot();
            var in = dot.input(100);
            Call call = WorkerPattern.bindFrames(s, dot, in);
            List<Long> pids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                assertTrue(dot.agrees(in, dot.referenceBits(in), call.invoke()));
                pids.add(s.lastPid());
                assertReaped(s.lastPid());
            }
            assertEquals(3, pids.stream().distinct().count(), "one process per call: " + pids);
            Wordfreq wordfreq = new Wordfreq();
            var words = wordfreq.input(500);
            Call compound = p.bind(wordfreq, words);
            compound.invoke();
            assertTrue(wordfreq.agrees(words, wordfreq.referenceCompound(words), compound.compound()));
        } finally {
            p.close();
        }
    }

    @Test
    void aScriptThatHangsIsKilledAtTheTimeoutAndReaped() throws Exception {
        PatternEnv env = env();
        try (SpawnPerCall s = script(env, "import time; time.sleep(60)", Duration.ofMillis(700))) {
            long start = System.nanoTime();
            PatternException e = assertThrows(PatternException.class, () -> ping(s));
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "killed long before the script's 60 s");
            assertTrue(e.getMessage().contains("was killed after the timeout of 700 ms"), e.getMessage());
            assertReaped(s.lastPid());
        }
    }

    @Test
    void aScriptThatFailsQuotesItsStderrAndExitCode() throws Exception {
        PatternEnv env = env();
        try (SpawnPerCall s = script(env, "import sys; sys.stderr.write('boom: no answer today\\n'); sys.exit(3)",
                Duration.ofSeconds(60))) {
            PatternException e = assertThrows(PatternException.class, () -> ping(s));
            assertTrue(e.getMessage().contains("boom: no answer today") && e.getMessage().contains("exit code 3"),
                    e.getMessage());
            assertReaped(s.lastPid());
        }
    }

    @Test
    void aMalformedReplyOrANonZeroExitFailsTheCall() throws Exception {
        PatternEnv env = env();
        String badStatus = "import sys; sys.stdin.buffer.read(); sys.stdout.buffer.write(b'\\x02\\x00\\x00\\x00\\x07x')";
        try (SpawnPerCall s = script(env, badStatus, Duration.ofSeconds(60))) {
            PatternException e = assertThrows(PatternException.class, () -> ping(s));
            assertTrue(e.getMessage().contains("sent a malformed reply (status 7"), e.getMessage());
            assertReaped(s.lastPid());
        }
        String okThenFail = "import sys; sys.stdin.buffer.read(); "
                + "sys.stdout.buffer.write(b'\\x09\\x00\\x00\\x00\\x00' + bytes(8)); sys.stdout.flush(); sys.exit(4)";
        try (SpawnPerCall s = script(env, okThenFail, Duration.ofSeconds(60))) {
            PatternException e = assertThrows(PatternException.class, () -> ping(s));
            assertTrue(e.getMessage().contains("exited with code 4 after its reply"), e.getMessage());
        }
        String twoReplies = "import sys; sys.stdin.buffer.read(); sys.stdout.buffer.write(2 * (b'\\x09\\x00\\x00\\x00\\x00' + bytes(8)))";
        try (SpawnPerCall s = script(env, twoReplies, Duration.ofSeconds(60))) {
            PatternException e = assertThrows(PatternException.class, () -> ping(s));
            assertTrue(e.getMessage().contains("more than one reply frame"), e.getMessage());
        }
    }

    @Test
    void anErrorReplyFromTheRealScriptIsAPatternException() throws Exception {
        PatternEnv env = env();
        try (SpawnPerCall s = new SpawnPerCall(List.of(env.venvPython().toString(), "-m", "gluebench_py.once"),
                env.pythonWorkloads(), Duration.ofSeconds(60))) {
            s.request(1).put((byte) 42);
            PatternException e = assertThrows(PatternException.class, () -> s.call(1));
            assertTrue(e.getMessage().contains("answered with an error: unknown op 42"), e.getMessage());
            assertEquals(0L, ping(s), "the next call is a new process");
        }
    }
}
