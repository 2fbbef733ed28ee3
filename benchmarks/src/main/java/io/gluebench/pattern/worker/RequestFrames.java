package io.gluebench.pattern.worker;

import io.gluebench.pattern.Marshal;
import io.gluebench.workload.Sale;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The worker's request payloads ({@link Frames}: op byte, then body) as whole byte arrays, for a
 * peer that takes a request as one value (the py4j patterns) instead of writing it into a
 * transport's buffer as {@link WorkerPattern} does. The supplier encodes the input afresh on each
 * call, so serialisation stays inside the timed call, as it does for the worker.
 */
public final class RequestFrames {
    private RequestFrames() {
    }

    /** The PING payload: the peer answers with the scalar 0. */
    public static byte[] ping() {
        return new byte[] {Frames.OP_PING};
    }

    /** The request payload for {@code input}, encoded on every get(). */
    public static Supplier<byte[]> of(WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                yield () -> {
                    byte[] req = new byte[1 + data.length];
                    req[0] = Frames.OP_ECHO;
                    System.arraycopy(data, 0, req, 1, data.length);
                    return req;
                };
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                yield () -> {
                    ByteBuffer req = allocate(5 + 16 * a.length).put(Frames.OP_DOT).putInt(a.length);
                    req.slice(5, 16 * a.length).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(a).put(b);
                    return req.array();
                };
            }
            case WorkloadInput.Nbody n -> sizeOnly(Frames.OP_NBODY, n.steps());
            case WorkloadInput.Spectralnorm n -> sizeOnly(Frames.OP_SPECTRALNORM, n.n());
            case WorkloadInput.Mandelbrot n -> sizeOnly(Frames.OP_MANDELBROT, n.n());
            case WorkloadInput.Fannkuch f -> sizeOnly(Frames.OP_FANNKUCH, f.n());
            case WorkloadInput.Matmul m -> {
                double[] a = m.a();
                double[] b = m.b();
                int size = m.n();
                yield () -> {
                    ByteBuffer req = allocate(5 + 8 * (a.length + b.length)).put(Frames.OP_MATMUL).putInt(size);
                    req.slice(5, 8 * (a.length + b.length)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
                            .put(a).put(b);
                    return req.array();
                };
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                yield () -> {
                    ByteBuffer req = allocate(5 + 8 * data.length).put(Frames.OP_SORT).putInt(data.length);
                    req.slice(5, 8 * data.length).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(data);
                    return req.array();
                };
            }
            case WorkloadInput.WordFreq t -> text(Frames.OP_WORDFREQ, t.text());
            case WorkloadInput.Csv c -> text(Frames.OP_CSVPARSE, c.text());
            case WorkloadInput.Records r -> {
                List<Sale> sales = r.sales();
                yield () -> {
                    ByteBuffer req = allocate(1 + Marshal.recordsRequestSize(sales)).put(Frames.OP_RECORDS);
                    Marshal.encodeRecords(sales, req);
                    return req.array();
                };
            }
        };
    }

    /**
     * What is wrong with a reply payload (status byte, then the result or a UTF-8 message): null
     * for an ok reply, else the peer's error message or a description of the malformed reply.
     */
    public static String problem(byte[] reply) {
        if (reply == null || reply.length == 0) {
            return "sent an empty reply";
        }
        if (reply[0] == Frames.STATUS_OK) {
            return null;
        }
        if (reply[0] == Frames.STATUS_ERROR) {
            return "answered with an error: " + new String(reply, 1, reply.length - 1, StandardCharsets.UTF_8);
        }
        return "sent a malformed reply (status " + reply[0] + ", length " + reply.length + ")";
    }

    private static ByteBuffer allocate(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A body that is a string's UTF-8 bytes, encoded per call like the worker's. */
    private static Supplier<byte[]> text(byte op, String text) {
        return () -> {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] req = new byte[1 + utf8.length];
            req[0] = op;
            System.arraycopy(utf8, 0, req, 1, utf8.length);
            return req;
        };
    }

    /** A request that carries only N. */
    private static Supplier<byte[]> sizeOnly(byte op, int n) {
        return () -> allocate(5).put(op).putInt(n).array();
    }
}
