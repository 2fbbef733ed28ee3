package io.gluebench.pattern.worker;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.Placement;
import io.gluebench.workload.CompoundWire;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * `worker-python` and `worker-numpy` (pipes), `worker-*-uds` and `worker-*-shm`: a persistent
 * CPython worker that this JVM starts in {@link #bind} (with the largest frame the point sends as its
 * cap, so a bad header cannot make it allocate more), reached over one {@link Transport}. Each
 * timed call encodes the input into the transport's request buffer (serialisation is part of the
 * crossing; over shm that buffer is the shared mapping itself), sends it and decodes the reply.
 * Spawning is outside the timed call.
 */
public final class WorkerPattern implements Pattern {
    private final boolean numpy;
    private final Transport transport;
    private final PatternChild<WorkerProcess> worker = new PatternChild<>();

    public WorkerPattern(boolean numpy) {
        this(numpy, Transport.PIPE);
    }

    public WorkerPattern(boolean numpy, Transport transport) {
        this.numpy = numpy;
        this.transport = transport;
    }

    /** The smallest cap a worker is started with: room for PING, LOAD and the size-only requests. */
    static final int MIN_FRAME = 1 << 16;

    private PatternEnv env;
    private int cap;

    @Override
    public void open(PatternEnv env) throws PatternException {
        this.env = env;
        pythonCommand(env, "gluebench_py.worker");     // the project's Python is there, or the remedy now
    }

    /**
     * The command that runs {@code module} of python-workloads with the project's Python, prefixed
     * by the env's placement (which also pins this JVM); a clear error if the venv is missing.
     */
    public static List<String> pythonCommand(PatternEnv env, String module, String... args) throws PatternException {
        if (!Files.isExecutable(env.venvPython())) {
            throw new PatternException("the project's Python is missing (" + env.venvPython() + "); run ./gluebench setup");
        }
        List<String> command = new java.util.ArrayList<>(Pinning.apply(env.placement()));
        command.addAll(List.of(env.venvPython().toString(), "-m", module));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts the worker module with {@code compute} over {@code transport}, pinned as the env's
     * placement asks, and checks that it answers PING.
     */
    static WorkerProcess start(PatternEnv env, String compute, Transport transport) throws PatternException {
        return start(env, compute, transport, 0);
    }

    /**
     * As {@link #start(PatternEnv, String, Transport)}, with the largest request frame the worker
     * accepts ({@code --max-frame}; 0 leaves the framing's own limit): a header announcing more is
     * refused before the worker allocates anything for it.
     */
    static WorkerProcess start(PatternEnv env, String compute, Transport transport, int maxFrame) throws PatternException {
        Placement placement = env.placement();
        List<String> command = maxFrame > 0
                ? pythonCommand(env, "gluebench_py.worker", "--compute", compute, "--max-frame", Integer.toString(maxFrame))
                : pythonCommand(env, "gluebench_py.worker", "--compute", compute);
        Link link;
        try {
            link = switch (transport) {
                case PIPE -> new PipeLink();
                case UDS -> new UdsLink();
                // Sharing one core, spinning only delays the peer: yield at once.
                case SHM -> new ShmLink(ShmLink.DEFAULT_CAPACITY, placement == Placement.SAME_CORE ? 0 : 50);
            };
        } catch (IOException e) {
            throw new PatternException("cannot set up the " + transport.id() + " transport: " + e.getMessage(), e);
        }
        WorkerProcess worker = new WorkerProcess(command, env.pythonWorkloads(), link);
        try {
            ping(worker, "the worker");
        } catch (PatternException e) {
            worker.close();
            throw e;
        }
        return worker;
    }

    /** Sends PING; fails unless {@code who} answers 0. */
    static void ping(FrameExchange x, String who) throws PatternException {
        x.request(1).put(Frames.OP_PING);
        long pong = x.callScalar(1);
        if (pong != 0) {
            throw new PatternException(who + " answered PING with " + pong + " instead of 0");
        }
    }

    /**
     * Deletes what killed JVMs left behind (their socket and shared-memory directories); the
     * harness calls it after every fork. Returns how many directories were removed.
     */
    public static int sweepOrphans() {
        return PrivateDir.sweepOrphans();
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws PatternException {
        int needs = maxFrame(workload, input);
        if (worker.get() == null || needs > cap) {      // bound again with a larger input: a worker with room
            worker.close();
            worker.hold(env, start(env, numpy ? "numpy" : "python", transport, needs));
            cap = needs;
        }
        if (workload.userSource() != null) {
            load(worker.get(), workload, numpy);
        }
        return bindFrames(worker.get(), workload, input);
    }

    /**
     * Makes the worker load the user's file (LOAD): from then on the op of the workload's shape calls
     * its compute, or compute_numpy with {@code numpy}; an import error comes back as the file's one line.
     */
    public static void load(FrameExchange w, Workload workload, boolean numpy) throws PatternException {
        if (numpy && !workload.hasNumpyVariant()) {
            throw new PatternException("no numpy variant for " + workload.name() + ": " + workload.noNumpy());
        }
        byte[] path = workload.userSource().path().getBytes(StandardCharsets.UTF_8);
        ByteBuffer req = w.request(2 + path.length);
        req.put(Frames.OP_LOAD).put((byte) (numpy ? 1 : 0)).put(path);
        long ok = w.callScalar(req.position());
        if (ok != 0) {
            throw new PatternException("the worker answered LOAD with " + ok + " instead of 0");
        }
    }

    /**
     * The cap a point's worker is started with: the largest request the point sends (its input, or
     * the LOAD of a user's file), at least {@link #MIN_FRAME}; never the framing's 1 GiB.
     */
    static int maxFrame(Workload workload, WorkloadInput input) {
        int load = workload.userSource() == null ? 0
                : 2 + workload.userSource().path().getBytes(StandardCharsets.UTF_8).length;
        return Math.max(MIN_FRAME, Math.max(load, requestLength(input)));
    }

    /** The length of the request frame {@link #bindFrames} sends for {@code input}. */
    static int requestLength(WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> 1 + e.data().length;
            case WorkloadInput.Dot d -> 5 + 16 * d.a().length;
            case WorkloadInput.Nbody n -> 5;
            case WorkloadInput.Spectralnorm n -> 5;
            case WorkloadInput.Mandelbrot n -> 5;
            case WorkloadInput.Fannkuch f -> 5;
            case WorkloadInput.Matmul m -> 5 + 8 * (m.a().length + m.b().length);
            case WorkloadInput.Sort so -> 5 + 8 * so.data().length;
            case WorkloadInput.WordFreq t -> 1 + t.text().getBytes(StandardCharsets.UTF_8).length;
            case WorkloadInput.Csv c -> 1 + c.text().getBytes(StandardCharsets.UTF_8).length;
            case WorkloadInput.Records r -> 1 + Marshal.recordsRequestSize(r.sales());
        };
    }

    /**
     * The timed call of one workload over any {@link FrameExchange}: each invoke encodes the input
     * into the exchange's request buffer, sends it and decodes the reply.
     */
    public static Call bindFrames(FrameExchange exchange, Workload workload, WorkloadInput input) {
        // A function that returns bytes: they cross back whole and are read into their digest here.
        FrameExchange w = workload.resultKind() != io.gluebench.workload.ResultKind.BYTES ? exchange : new FrameExchange() {
            @Override
            public ByteBuffer request(int capacity) throws io.gluebench.pattern.PatternException {
                return exchange.request(capacity);
            }

            @Override
            public ByteBuffer call(int length) throws io.gluebench.pattern.PatternException {
                return exchange.call(length);
            }

            @Override
            public long callScalar(int length) throws io.gluebench.pattern.PatternException {
                return io.gluebench.workload.ResultKind.digest(exchange.call(length));
            }
        };
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                yield () -> {
                    ByteBuffer req = w.request(1 + data.length);
                    req.put(Frames.OP_ECHO).put(data);
                    return w.callScalar(req.position());
                };
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                int length = requestLength(d);
                yield () -> {
                    ByteBuffer req = w.request(length);
                    req.put(Frames.OP_DOT).putInt(a.length);
                    req.slice(5, 16 * a.length).order(req.order()).asDoubleBuffer().put(a).put(b);
                    return w.callScalar(length);
                };
            }
            case WorkloadInput.Nbody n -> sizeOnly(w, Frames.OP_NBODY, n.steps());
            case WorkloadInput.Spectralnorm n -> sizeOnly(w, Frames.OP_SPECTRALNORM, n.n());
            case WorkloadInput.Mandelbrot n -> sizeOnly(w, Frames.OP_MANDELBROT, n.n());
            case WorkloadInput.Fannkuch f -> sizeOnly(w, Frames.OP_FANNKUCH, f.n());
            case WorkloadInput.Matmul m -> {
                double[] a = m.a();
                double[] b = m.b();
                int size = m.n();
                int length = requestLength(m);
                yield () -> {
                    ByteBuffer req = w.request(length);
                    req.put(Frames.OP_MATMUL).putInt(size);
                    req.slice(5, length - 5).order(req.order()).asDoubleBuffer().put(a).put(b);
                    return w.callScalar(length);
                };
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                int length = requestLength(so);
                yield () -> {
                    ByteBuffer req = w.request(length);
                    req.put(Frames.OP_SORT).putInt(data.length);
                    req.slice(5, length - 5).order(req.order()).asDoubleBuffer().put(data);
                    return w.callScalar(length);
                };
            }
            case WorkloadInput.WordFreq t -> text(w, workload, Frames.OP_WORDFREQ, t.text());
            case WorkloadInput.Csv c -> text(w, workload, Frames.OP_CSVPARSE, c.text());
            case WorkloadInput.Records r -> {
                List<Sale> sales = r.sales();
                int length = requestLength(r);
                if (!workload.resultKind().isCompound()) {       // a user's function over records
                    yield () -> {
                        ByteBuffer req = w.request(length);
                        req.put(Frames.OP_RECORDS);
                        Marshal.encodeRecords(sales, req);
                        return w.callScalar(length);
                    };
                }
                yield CompoundCall.of(() -> {
                    ByteBuffer req = w.request(length);
                    req.put(Frames.OP_RECORDS);
                    Marshal.encodeRecords(sales, req);
                    return CompoundWire.decode(workload.resultKind(), w.call(length));
                });
            }
        };
    }

    /**
     * A request whose body is a string's UTF-8 bytes, encoded per call; the reply is a compound result,
     * or a number for a user's function over text.
     */
    private static Call text(FrameExchange w, Workload workload, byte op, String text) {
        if (!workload.resultKind().isCompound()) {
            return () -> {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                ByteBuffer req = w.request(1 + utf8.length);
                req.put(op).put(utf8);
                return w.callScalar(req.position());
            };
        }
        return CompoundCall.of(() -> {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            ByteBuffer req = w.request(1 + utf8.length);
            req.put(op).put(utf8);
            return CompoundWire.decode(workload.resultKind(), w.call(req.position()));
        });
    }

    /** A request that carries only N: the frame is rebuilt on each call like every other. */
    private static Call sizeOnly(FrameExchange w, byte op, int n) {
        return () -> {
            ByteBuffer req = w.request(5);
            req.put(op).putInt(n);
            return w.callScalar(5);
        };
    }

    @Override
    public String engine() {
        return worker.engine(w -> "CPython worker pid " + w.pid() + " over " + transport.id());
    }

    public Transport transport() {
        return transport;
    }

    @Override
    public void close() {
        worker.close();
    }
}
