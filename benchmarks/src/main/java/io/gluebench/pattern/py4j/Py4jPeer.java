package io.gluebench.pattern.py4j;

import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PythonChild;
import io.gluebench.pattern.Scratch;
import io.gluebench.pattern.StderrTail;
import io.gluebench.pattern.worker.RequestFrames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import py4j.ClientServer;

/**
 * One CPython process serving {@link PyKernel} through Py4J, and this JVM's half of the Py4J
 * ClientServer that reaches it, set up as PySpark sets up its Python side: this JVM starts the
 * process, the process starts its Py4J server on an ephemeral port of 127.0.0.1 and prints the port
 * on stdout, and this JVM connects to it. Every connection authenticates with a token made here
 * from SecureRandom for this process alone and handed over in its environment, never on its command
 * line. The Python side never calls back, so this JVM's Py4J server is never started: nothing
 * listens on the Java side. This JVM's sockets have TCP_NODELAY on ({@link NoDelaySockets}).
 *
 * <p>Py4J gives each calling thread its own connection, so the peer may be called from any thread,
 * one call at a time per thread. Its stderr goes to a file whose tail is quoted when it fails.
 */
final class Py4jPeer implements AutoCloseable {
    static final String TOKEN_VARIABLE = "GLUEBENCH_PY4J_TOKEN";
    static final String PORT_LINE = "GLUEBENCH_PY4J_PORT ";
    private static final int START_SECONDS = 30;

    private final Process process;
    private final Path stderrFile;
    private final ClientServer clientServer;
    private final PyKernel kernel;
    private final int port;

    /** Starts {@code command} (the server module) in {@code workDir} with a fresh token. */
    static Py4jPeer start(List<String> command, Path workDir) throws PatternException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        return new Py4jPeer(command, workDir, token, token);
    }

    /** As {@link #start}, with the token the process gets and the one this JVM presents apart. */
    Py4jPeer(List<String> command, Path workDir, String pythonToken, String javaToken) throws PatternException {
        Path err = null;
        Process p = null;
        ClientServer cs = null;
        try {
            err = Scratch.newFile("gluebench-py4j-", ".stderr");
            ProcessBuilder pb = PythonChild.builder(command, workDir, err);
            pb.environment().put(TOKEN_VARIABLE, pythonToken);
            p = pb.start();
            int listening = readPort(p);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            cs = new ClientServer.ClientServerBuilder()
                    .javaPort(0).javaAddress(loopback)
                    .pythonPort(listening).pythonAddress(loopback)
                    .authToken(javaToken)
                    .socketFactory(new NoDelaySockets())
                    .autoStartJavaServer(false)
                    .build();
            kernel = (PyKernel) cs.getPythonServerEntryPoint(new Class<?>[] {PyKernel.class});
            port = listening;
        } catch (IOException | RuntimeException e) {
            String tail = err == null ? "" : "; its stderr ends with:\n" + StderrTail.of(err);
            stop(cs, p);
            throw new PatternException("cannot start the py4j server " + command + ": " + e.getMessage() + tail, e);
        }
        process = p;
        stderrFile = err;
        clientServer = cs;
        long pong;
        try {
            pong = callScalar(RequestFrames.ping());
        } catch (PatternException e) {
            close();
            throw e;
        }
        if (pong != 0) {
            close();
            throw new PatternException("the py4j server answered PING with " + pong + " instead of 0");
        }
    }

    /** The port line on the process's stdout, waited for at most START_SECONDS. */
    private static int readPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }, r -> Thread.ofVirtual().start(r));
        String got;
        try {
            got = line.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no port line within " + START_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the port line");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (got == null || !got.startsWith(PORT_LINE)) {
            throw new IOException(got == null ? "it exited before printing its port" : "it printed '" + got
                    + "' instead of its port");
        }
        try {
            return Integer.parseInt(got.substring(PORT_LINE.length()).strip());
        } catch (NumberFormatException e) {
            throw new IOException("it printed a bad port line '" + got + "'");
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends one request payload as Base64 text; returns the ok reply's result bytes, little-endian. */
    ByteBuffer call(byte[] request) throws PatternException {
        return call(request, false);
    }

    /**
     * Sends one request payload, as Base64 text or ({@code asBytes}) as Py4J's byte array; returns
     * the ok reply's result bytes, little-endian.
     */
    ByteBuffer call(byte[] request, boolean asBytes) throws PatternException {
        byte[] reply;
        try {
            reply = asBytes ? kernel.callBytes(request) : kernel.call(Base64.getEncoder().encodeToString(request));
        } catch (RuntimeException e) {
            throw failure("failed (" + describe(e) + ")", e);
        }
        String problem = RequestFrames.problem(reply);
        if (problem != null) {
            throw failure(problem, null);
        }
        return ByteBuffer.wrap(reply, 1, reply.length - 1).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** As {@link #call}, for the 8-byte result of a scalar workload. */
    long callScalar(byte[] request) throws PatternException {
        return callScalar(request, false);
    }

    /** As {@link #call(byte[], boolean)}, for the 8-byte result of a scalar workload. */
    long callScalar(byte[] request, boolean asBytes) throws PatternException {
        ByteBuffer r = call(request, asBytes);
        if (r.remaining() != 8) {
            throw failure("sent an ok reply of " + (r.remaining() + 1) + " bytes where 9 were due", null);
        }
        return r.getLong(0);
    }

    /** Py4J's exception, with the cause that says what happened (a refused token is one). */
    private static String describe(RuntimeException e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            s.append(": ").append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        String text = s.toString();
        return text.contains("Authentication") || text.contains("authenticat")
                ? "the server refused this JVM's auth token; " + text : text;
    }

    private PatternException failure(String what, Throwable cause) {
        return new PatternException("the py4j server " + what + PythonChild.exitNote(process) + "; its stderr ends with:\n"
                + StderrTail.of(stderrFile), cause);
    }

    /**
     * Shuts this JVM's ClientServer down (its connections and their threads, which would otherwise
     * keep the fork alive), then closes the process's stdin, on which the Python side shuts its
     * server down and exits; waits for it, kills it after 2 s.
     */
    @Override
    public void close() {
        stop(clientServer, process);
        Scratch.delete(stderrFile);
    }

    private static void stop(ClientServer cs, Process p) {
        if (cs != null) {
            cs.shutdown();
        }
        if (p != null) {
            PythonChild.end(p);
        }
    }
}
