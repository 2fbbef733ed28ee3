package io.gluebench.pattern.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The uds and shm transports: privacy of their files, clean-up, and a worker that dies mid-call. */
class TransportTest {
    @Test
    void theCatalogueDeclaresTheTransportEachWorkerPatternUses() {
        for (io.gluebench.pattern.PatternSpec spec : io.gluebench.pattern.Patterns.ALL) {
            if (spec.family() != io.gluebench.result.Family.WORKER) {
                assertEquals(null, spec.transport(), spec.name() + " runs in the JVM's process");
            } else if (spec.create() instanceof WorkerPattern w) {
                assertEquals(w.transport().id(), spec.transport(), spec.name());
            } else {
                assertEquals("pipe", spec.transport(), spec.name() + " talks over pipes");
            }
        }
    }

    private static List<String> worker(PatternEnv env) {
        boolean have = Files.isExecutable(env.venvPython());
        if (TestEnv.requireAll()) {
            assertTrue(have, "the project's venv is missing: " + env.venvPython());
        }
        Assumptions.assumeTrue(have, "no project venv; run ./gluebench setup");
        return List.of(env.venvPython().toString(), "-m", "gluebench_py.worker", "--compute", "python");
    }

    private static long ping(WorkerProcess w) throws PatternException {
        w.request(1).put(Frames.OP_PING);
        return w.callScalar(1);
    }

    @Test
    void udsLivesInAPrivateDirectoryAndLeavesNothingBehind() throws Exception {
        PatternEnv env = TestEnv.env();
        UdsLink link = new UdsLink();
        Path dir = link.directory();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        WorkerProcess w = new WorkerProcess(worker(env), env.pythonWorkloads(), link);
        ProcessHandle pid = ProcessHandle.of(w.pid()).orElseThrow();
        try {
            assertEquals(0L, ping(w));
            assertFalse(Files.exists(dir.resolve("worker.sock")), "the socket file goes once the worker is connected");
        } finally {
            w.close();
        }
        assertFalse(Files.exists(dir), "the private directory is removed on close");
        assertFalse(pid.isAlive(), "the worker is reaped");
    }

    @Test
    void shmIsPrivateCarriesLargePayloadsAndLeavesNothingBehind() throws Exception {
        PatternEnv env = TestEnv.env();
        ShmLink link = new ShmLink(1 << 20, 50);
        Path dir = link.directory();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("worker.shm"))));
        WorkerProcess w = new WorkerProcess(worker(env), env.pythonWorkloads(), link);
        ProcessHandle pid = ProcessHandle.of(w.pid()).orElseThrow();
        try {
            assertEquals(0L, ping(w));
            byte[] data = new byte[(1 << 20) - 1];
            java.util.Arrays.fill(data, (byte) 3);
            ByteBuffer req = w.request(1 + data.length);
            req.put(Frames.OP_ECHO).put(data);
            assertEquals(3L * data.length, w.callScalar(1 + data.length), "a payload filling the whole area");
            PatternException tooBig = assertThrows(PatternException.class, () -> w.request(2 << 20));
            assertTrue(tooBig.getMessage().contains("exceeds the shared area"), tooBig.getMessage());
            assertEquals(0L, ping(w), "still serving after a refused request");
        } finally {
            w.close();
        }
        assertFalse(Files.exists(dir), "the mapping's file and directory are removed on close");
        assertFalse(pid.isAlive(), "the worker is reaped");
    }

    @Test
    void aWorkerKilledMidSessionFailsTheCallInsteadOfHanging() throws Exception {
        PatternEnv env = TestEnv.env();
        for (Transport t : Transport.values()) {
            Link link = switch (t) {
                case PIPE -> new PipeLink();
                case UDS -> new UdsLink();
                case SHM -> new ShmLink(1 << 16, 50);
            };
            WorkerProcess w = new WorkerProcess(worker(env), env.pythonWorkloads(), link);
            try {
                assertEquals(0L, ping(w));
                ProcessHandle.of(w.pid()).orElseThrow().destroyForcibly();
                PatternException e = assertThrows(PatternException.class, () -> ping(w), t.id());
                assertTrue(e.getMessage().contains("the worker"), t.id() + ": " + e.getMessage());
            } finally {
                w.close();
            }
        }
    }

    @Test
    void theDirectoriesOfDeadJvmsAreSweptAndLiveOnesKept() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        Path orphan = Files.createTempDirectory(base, "gluebench-uds-" + dead.pid() + "-");
        Files.writeString(orphan.resolve("worker.sock"), "left by a killed fork");
        Path mine = PrivateDir.create(null, "gluebench-uds-");
        try {
            assertTrue(mine.getFileName().toString().startsWith("gluebench-uds-" + ProcessHandle.current().pid() + "-"));
            assertTrue(WorkerPattern.sweepOrphans() >= 1);
            assertFalse(Files.exists(orphan), "a dead JVM's directory is removed");
            assertTrue(Files.exists(mine), "a live JVM's directory is kept");
        } finally {
            PrivateDir.delete(orphan);
            PrivateDir.delete(mine);
        }
    }

    @Test
    void aWorkerThatCannotMapTheFileSaysWhy() throws Exception {
        PatternEnv env = TestEnv.env();
        List<String> cmd = new java.util.ArrayList<>(worker(env));
        Path junk = Files.createTempFile("gluebench-not-shm-", ".shm");
        try {
            Files.write(junk, new byte[8192]);
            cmd.addAll(List.of("--transport", "shm", "--shm", junk.toString()));
            Process p = new ProcessBuilder(cmd).directory(env.pythonWorkloads().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(1, p.waitFor());
            assertTrue(out.contains("magic") && out.lines().count() == 1, out);
        } finally {
            Files.deleteIfExists(junk);
        }
    }
}
