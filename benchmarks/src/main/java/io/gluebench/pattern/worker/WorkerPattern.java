package io.gluebench.pattern.worker;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.CompoundWire;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * `worker-python` and `worker-numpy`: a persistent CPython worker that this JVM starts in
 * {@link #open}, reached over stdin/stdout pipes with length-prefixed binary frames. Each timed
 * call encodes the input into a frame (serialisation is part of the crossing), writes it, and
 * reads the reply. Spawning is outside the timed call.
 */
public final class WorkerPattern implements Pattern {
    private final boolean numpy;
    private WorkerProcess worker;

    public WorkerPattern(boolean numpy) {
        this.numpy = numpy;
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        if (!Files.isExecutable(env.venvPython())) {
            throw new PatternException("the project's Python is missing (" + env.venvPython() + "); run ./gluebench setup");
        }
        worker = new WorkerProcess(List.of(env.venvPython().toString(), "-m", "gluebench_py.worker",
                "--compute", numpy ? "numpy" : "python"), env.pythonWorkloads());
        byte[] ping = {1, 0, 0, 0, Frames.OP_PING};
        long pong = worker.roundTrip(ping, ping.length);
        if (pong != 0) {
            throw new PatternException("the worker answered PING with " + pong + " instead of 0");
        }
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) {
        WorkerProcess w = worker;
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                byte[] frame = new byte[5 + data.length];
                ByteBuffer buf = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
                yield () -> {
                    buf.clear();
                    buf.putInt(1 + data.length).put(Frames.OP_ECHO).put(data);
                    return w.roundTrip(frame, buf.position());
                };
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                byte[] frame = new byte[9 + 16 * a.length];
                ByteBuffer buf = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
                yield () -> {
                    buf.clear();
                    buf.putInt(5 + 16 * a.length).put(Frames.OP_DOT).putInt(a.length);
                    buf.asDoubleBuffer().put(a).put(b);
                    return w.roundTrip(frame, frame.length);
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
                byte[] frame = new byte[9 + 8 * (a.length + b.length)];
                ByteBuffer buf = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
                yield () -> {
                    buf.clear();
                    buf.putInt(frame.length - 4).put(Frames.OP_MATMUL).putInt(size);
                    buf.asDoubleBuffer().put(a).put(b);
                    return w.roundTrip(frame, frame.length);
                };
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                byte[] frame = new byte[9 + 8 * data.length];
                ByteBuffer buf = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
                yield () -> {
                    buf.clear();
                    buf.putInt(frame.length - 4).put(Frames.OP_SORT).putInt(data.length);
                    buf.asDoubleBuffer().put(data);
                    return w.roundTrip(frame, frame.length);
                };
            }
            case WorkloadInput.WordFreq t -> text(w, workload, Frames.OP_WORDFREQ, t.text());
            case WorkloadInput.Csv c -> text(w, workload, Frames.OP_CSVPARSE, c.text());
            case WorkloadInput.Records r -> {
                List<Sale> sales = r.sales();
                byte[] body = new byte[Marshal.recordsRequestSize(sales)];
                ByteBuffer buf = ByteBuffer.wrap(body);
                byte[] header = new byte[5];
                ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(1 + body.length).put(Frames.OP_RECORDS);
                yield CompoundCall.of(() -> {
                    buf.clear();
                    Marshal.encodeRecords(sales, buf);
                    return CompoundWire.decode(workload.resultKind(), w.roundTripPayload(header, 5, body, body.length));
                });
            }
        };
    }

    /** A request whose body is a string's UTF-8 bytes, encoded per call; the reply is a compound result. */
    private static Call text(WorkerProcess w, Workload workload, byte op, String text) {
        byte[] header = new byte[5];
        ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        return CompoundCall.of(() -> {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            head.clear();
            head.putInt(1 + utf8.length).put(op);
            return CompoundWire.decode(workload.resultKind(), w.roundTripPayload(header, 5, utf8, utf8.length));
        });
    }

    /** A request that carries only N: the frame is rebuilt on each call like every other. */
    private static Call sizeOnly(WorkerProcess w, byte op, int n) {
        byte[] frame = new byte[9];
        ByteBuffer buf = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        return () -> {
            buf.clear();
            buf.putInt(5).put(op).putInt(n);
            return w.roundTrip(frame, frame.length);
        };
    }

    @Override
    public String engine() {
        return worker == null ? "" : "CPython worker pid " + worker.pid() + " over pipes";
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }
}
