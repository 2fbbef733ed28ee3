package io.gluebench.pattern.py4j;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.worker.FrameExchange;
import io.gluebench.pattern.worker.WorkerPattern;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * `py4j-python` and `py4j-numpy`: the RPC-framework peer of `worker-*`. A persistent CPython
 * process, started in {@link #open}, serves the worker's request payloads through a Py4J
 * ClientServer entry point over loopback TCP (see {@link Py4jPeer}). Each timed call encodes the
 * request payload, Base64-encodes it into the Py4J command, waits for Python to decode it, compute
 * and answer, and decodes the reply: Py4J's text protocol and both Base64 passes are the crossing.
 * Spawning, the port handshake and authentication are outside the timed call.
 *
 * <p>`py4j-python-bytes` (labelled) passes the request as a Java byte[] instead, as most code
 * would, and so pays Py4J's Python-side decoding of it one byte at a time.
 */
public final class Py4jPattern implements Pattern {
    private final boolean numpy;
    private final boolean asBytes;
    private Py4jPeer peer;

    public Py4jPattern(boolean numpy) {
        this(numpy, false);
    }

    public Py4jPattern(boolean numpy, boolean asBytes) {
        this.numpy = numpy;
        this.asBytes = asBytes;
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        peer = Py4jPeer.start(WorkerPattern.pythonCommand(env, "gluebench_py.py4j_server",
                "--compute", numpy ? "numpy" : "python"), env.pythonWorkloads());
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws PatternException {
        Exchange exchange = new Exchange(peer, asBytes);
        if (workload.userSource() != null) {
            WorkerPattern.load(exchange, workload, numpy);      // the peer's kernel is a worker: LOAD the file
        }
        return WorkerPattern.bindFrames(exchange, workload, input);
    }

    /**
     * Py4J as a {@link FrameExchange}: the worker's encoder writes each request into a reused heap
     * buffer, and the call hands its bytes to Py4J as one value (Base64 text, or a byte[]).
     */
    private static final class Exchange implements FrameExchange {
        private final Py4jPeer peer;
        private final boolean asBytes;
        private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

        Exchange(Py4jPeer peer, boolean asBytes) {
            this.peer = peer;
            this.asBytes = asBytes;
        }

        @Override
        public ByteBuffer request(int capacity) {
            if (buffer.capacity() < capacity) {
                buffer = ByteBuffer.allocate(Math.max(capacity, 2 * buffer.capacity())).order(ByteOrder.LITTLE_ENDIAN);
            }
            return buffer.clear();
        }

        @Override
        public ByteBuffer call(int length) throws PatternException {
            return peer.call(Arrays.copyOf(buffer.array(), length), asBytes);
        }
    }

    @Override
    public String engine() {
        return peer == null ? "" : "CPython pid " + peer.pid() + " via Py4J ClientServer on 127.0.0.1:" + peer.port()
                + (asBytes ? ", requests as byte[]" : "");
    }

    @Override
    public void close() {
        if (peer != null) {
            peer.close();
            peer = null;
        }
    }
}
