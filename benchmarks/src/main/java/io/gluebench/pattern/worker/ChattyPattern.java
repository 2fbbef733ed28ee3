package io.gluebench.pattern.worker;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;

/**
 * `worker-chatty` (anti-pattern): the persistent pure-Python worker of `worker-python`, over the
 * same pipes and binary frames, called once per element instead of once per batch. A timed call of
 * `dot` is N round trips of DOT_ADD (one pair each; the worker adds a * b to a running sum, left to
 * right as dot's loop does) and one DOT_TAKE that returns the sum, so the answer is the same double
 * as `worker-python`'s; `echo` is N ECHO_ADD round trips of one byte and one ECHO_TAKE. N + 1 round
 * trips per call: at N = 0 it is one round trip, like `worker-python`. Each reply is checked (the
 * worker counts the elements it was given, and the take fails unless it got all N).
 *
 * <p>Only these two workloads are a sum over elements; every other one is not applicable (see
 * {@link #notApplicable}). Above {@link #MAX_ELEMENTS} a single call would take seconds to
 * minutes, so such sizes are not applicable either.
 */
public final class ChattyPattern implements Pattern {
    /** The largest N timed: 100,000 round trips of ~10-50 µs are already seconds per call. */
    public static final int MAX_ELEMENTS = 100_000;

    private final PatternChild<WorkerProcess> worker = new PatternChild<>();

    /** Why worker-chatty does not run {@code workload} at {@code size}, or null when it does. */
    public static String notApplicable(Workload workload, int size) {
        WorkloadInput in = workload.input(workload.minSize());
        boolean elementwise = in instanceof WorkloadInput.Dot || in instanceof WorkloadInput.Echo;
        if (!elementwise) {
            boolean onlyN = in instanceof WorkloadInput.Nbody || in instanceof WorkloadInput.Spectralnorm
                    || in instanceof WorkloadInput.Mandelbrot || in instanceof WorkloadInput.Fannkuch;
            return onlyN
                    ? "only N crosses for " + workload.name() + ": there are no elements to send one per round trip"
                    : workload.name() + "'s answer is not a sum over its elements, so one element per round trip "
                            + "has no meaning (worker-chatty runs echo and dot)";
        }
        if (size > MAX_ELEMENTS) {
            return "worker-chatty at N=" + size + " would make " + size + " round trips per call (seconds to "
                    + "minutes); it runs up to N=" + MAX_ELEMENTS;
        }
        return null;
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        worker.hold(env, WorkerPattern.start(env, "python", Transport.PIPE));
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws PatternException {
        String why = notApplicable(workload, size(input));
        if (why != null) {
            throw new PatternException(why);
        }
        WorkerProcess w = worker.get();
        return switch (input) {
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                yield () -> {
                    for (int i = 0; i < a.length; i++) {
                        ByteBuffer req = w.request(17);
                        req.put(Frames.OP_DOT_ADD).putDouble(a[i]).putDouble(b[i]);
                        expectCount(w.callScalar(17), i + 1);
                    }
                    return take(w, Frames.OP_DOT_TAKE, a.length);
                };
            }
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                yield () -> {
                    for (int i = 0; i < data.length; i++) {
                        ByteBuffer req = w.request(2);
                        req.put(Frames.OP_ECHO_ADD).put(data[i]);
                        expectCount(w.callScalar(2), i + 1);
                    }
                    return take(w, Frames.OP_ECHO_TAKE, data.length);
                };
            }
            default -> throw new IllegalStateException("notApplicable let " + workload.name() + " through");
        };
    }

    private static int size(WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Dot d -> d.a().length;
            case WorkloadInput.Echo e -> e.data().length;
            default -> 0;
        };
    }

    private static void expectCount(long got, int expected) throws PatternException {
        if (got != expected) {
            throw new PatternException("the worker counted " + got + " elements where " + expected + " were sent");
        }
    }

    private static long take(WorkerProcess w, byte op, int n) throws PatternException {
        ByteBuffer req = w.request(5);
        req.put(op).putInt(n);
        return w.callScalar(5);
    }

    @Override
    public String engine() {
        return worker.engine(w -> "CPython worker pid " + w.pid() + " over pipe, one element per round trip");
    }

    @Override
    public void close() {
        worker.close();
    }
}
