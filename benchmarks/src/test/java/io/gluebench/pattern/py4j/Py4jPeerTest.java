package io.gluebench.pattern.py4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.worker.RequestFrames;
import io.gluebench.run.Doctor;
import io.gluebench.run.Fingerprint;
import io.gluebench.run.ForkFlags;
import io.gluebench.workload.WorkloadInput;
import io.gluebench.workload.builtin.Echo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Py4J peer's life: it starts, answers, and on close leaves no process, no listening port and
 * no thread behind (a leftover non-daemon thread would keep a JMH fork alive); a wrong token is
 * refused with a message that says so; a server that dies before its port line is reported.
 */
class Py4jPeerTest {
    private static PatternEnv env;

    @BeforeAll
    static void setUp() {
        env = TestEnv.env();
        Doctor.Availability a = new Doctor(env, new Fingerprint(env).versions())
                .check(Patterns.byName("py4j-python").orElseThrow());
        if (TestEnv.requireAll()) {
            assertTrue(a.available(), "py4j-python must be available here: " + a.reason());
        }
        Assumptions.assumeTrue(a.available(), () -> "py4j-python skipped: " + a.reason());
    }

    private static List<String> command(String compute) {
        return List.of(env.venvPython().toString(), "-m", "gluebench_py.py4j_server", "--compute", compute);
    }

    @Test
    void startsAnswersAndLeavesNothingBehindWhenClosed() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        Py4jPeer peer = Py4jPeer.start(command("python"), env.pythonWorkloads());
        long pid = peer.pid();
        int port = peer.port();
        Echo workload = new Echo();
        WorkloadInput echo = workload.input(1000);
        assertEquals(workload.referenceBits(echo), peer.callScalar(RequestFrames.echo(((io.gluebench.workload.WorkloadInput.Echo) echo).data())));
        assertEquals(workload.referenceBits(echo), peer.callScalar(RequestFrames.echo(((io.gluebench.workload.WorkloadInput.Echo) echo).data()), true),
                "the same answer with the request as Py4J's byte[]");
        Thread other = new Thread(() -> {
            try {
                peer.callScalar(RequestFrames.ping());
            } catch (PatternException e) {
                throw new AssertionError(e);
            }
        }, "second-caller");
        other.start();
        other.join();
        assertTrue(listening(port), "the server listens on 127.0.0.1:" + port);

        peer.close();

        assertFalse(peer.isAlive(), "the Python process is reaped");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no process " + pid);
        assertFalse(listening(port), "nothing listens on " + port + " after close");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<Thread> left = nonDaemonThreads();
        while (System.nanoTime() < deadline) {
            left = nonDaemonThreads();
            left.removeAll(before);
            left.removeIf(t -> t.getName().equals("second-caller"));
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(left.isEmpty(), "non-daemon threads left running: " + left);
    }

    @Test
    void aRequestLongerThanPy4jsWriteBufferIsNotHeldBackByNagle() throws Exception {
        try (Py4jPeer peer = Py4jPeer.start(command("python"), env.pythonWorkloads())) {
            byte[] request = RequestFrames.echo(((io.gluebench.workload.WorkloadInput.Echo) new Echo().input(10_000)).data());
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                peer.callScalar(request);
                best = Math.min(best, System.nanoTime() - t0);
            }
            // With Nagle on, every such call waits ~40 ms for Python's delayed ACK.
            assertTrue(best < TimeUnit.MILLISECONDS.toNanos(20), "best call took " + best / 1e6 + " ms");
        }
    }

    @Test
    void aWrongTokenIsRefusedAndTheProcessReaped() {
        Set<Long> children = children();
        PatternException e = assertThrows(PatternException.class,
                () -> new Py4jPeer(command("python"), env.pythonWorkloads(), "the-right-token", "a-wrong-token"));
        assertTrue(e.getMessage().contains("refused this JVM's auth token"), e.getMessage());
        Set<Long> left = children();
        left.removeAll(children);
        assertTrue(left.isEmpty(), "child processes left: " + left);
    }

    @Test
    void anErrorReplyIsReportedWithThePythonMessage() throws Exception {
        try (Py4jPeer peer = Py4jPeer.start(command("numpy"), env.pythonWorkloads())) {
            // op 2 (DOT) announcing n = 9 but carrying no doubles
            PatternException e = assertThrows(PatternException.class,
                    () -> peer.callScalar(new byte[] {2, 9, 0, 0, 0}));
            assertTrue(e.getMessage().contains("answered with an error: ValueError: bad length: DOT body"),
                    e.getMessage());
            assertEquals(0, peer.callScalar(RequestFrames.ping()), "the server keeps serving");
        }
    }

    @Test
    void aServerThatDiesBeforeItsPortLineIsReported() {
        PatternException e = assertThrows(PatternException.class,
                () -> Py4jPeer.start(command("cobol"), env.pythonWorkloads()));
        assertTrue(e.getMessage().contains("exited before printing its port"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid choice: 'cobol'"), "stderr is quoted: " + e.getMessage());
    }

    @Test
    void aForkThatUsedThePatternExitsAtOnce() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ForkFlags.javaBinary());
        cmd.addAll(ForkFlags.common(env));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Py4jPeerTest.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        long start = System.nanoTime();
        byte[] out = p.getInputStream().readAllBytes();
        boolean ended = p.waitFor(20, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!ended) {
            p.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(ended && seconds < 10, "the fork ended " + (ended ? "after " + seconds + " s" : "not at all") + ": " + text);
        assertEquals(0, p.exitValue(), text);
        Echo echo = new Echo();
        assertTrue(text.contains("echo: " + echo.referenceBits(echo.input(100))), text);
    }

    /** The fork: opens py4j-python, calls it, closes it and returns from main without System.exit. */
    public static void main(String[] args) throws Exception {
        try (Pattern p = Patterns.byName("py4j-python").orElseThrow().create()) {
            p.open(PatternEnv.fromSystem());
            Echo echo = new Echo();
            Call c = p.bind(echo, echo.input(100));
            System.out.println("echo: " + c.invoke());
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
                .collect(Collectors.toSet());
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
