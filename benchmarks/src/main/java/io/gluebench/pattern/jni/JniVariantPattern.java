package io.gluebench.pattern.jni;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

import static io.gluebench.workload.ResultKind.bits;

/**
 * `jni-copy` and `jni-direct-buffer`: the C kernels of `jni`, with the data crossing the two other
 * ways JNI offers. Labelled variants, not anti-patterns: which one wins depends on N, and that
 * crossover is what they are here to show.
 * <ul>
 * <li>copy: the C side copies each Java array with Get&lt;Type&gt;ArrayRegion into malloc'd memory
 *     (results back with SetByteArrayRegion); it never holds the GC off, and pays a copy per call.</li>
 * <li>direct buffer: each call copies the Java array into a reused direct ByteBuffer (on the Java
 *     side), and C reads it through GetDirectBufferAddress: the path of code whose data must pass
 *     through NIO anyway.</li>
 * </ul>
 * Workloads where only N crosses are not applicable (the call would equal `jni`).
 */
public final class JniVariantPattern implements Pattern {
    /** How the data crosses. */
    public enum Mode { COPY, DIRECT }

    private final Mode mode;

    public JniVariantPattern(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void open(PatternEnv env) {
        System.load(env.nativeLibrary().toString());
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws PatternException {
        boolean copy = mode == Mode.COPY;
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                ByteBuffer buf = direct(data.length);
                yield copy ? () -> JniKernels.echoCopy(data, data.length)
                        : () -> JniKernels.echoDirect(buf.clear().put(data), data.length);
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                ByteBuffer da = direct(8 * a.length);
                ByteBuffer db = direct(8 * b.length);
                yield copy ? () -> bits(JniKernels.dotCopy(a, b, a.length))
                        : () -> bits(JniKernels.dotDirect(fill(da, a), fill(db, b), a.length));
            }
            case WorkloadInput.Matmul m -> {
                double[] a = m.a();
                double[] b = m.b();
                int n = m.n();
                ByteBuffer da = direct(8 * a.length);
                ByteBuffer db = direct(8 * b.length);
                yield copy ? () -> bits(JniKernels.matmulCopy(a, b, n))
                        : () -> bits(JniKernels.matmulDirect(fill(da, a), fill(db, b), n));
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                ByteBuffer buf = direct(8 * data.length);
                yield copy ? () -> bits(JniKernels.sortCopy(data, data.length))
                        : () -> bits(JniKernels.sortDirect(fill(buf, data), data.length));
            }
            case WorkloadInput.WordFreq w -> compound(workload, 0, input);
            case WorkloadInput.Csv c -> compound(workload, 2, input);
            case WorkloadInput.Records r -> compound(workload, 1, input);
            case WorkloadInput.Nbody n -> notApplicable(workload);
            case WorkloadInput.Spectralnorm n -> notApplicable(workload);
            case WorkloadInput.Mandelbrot n -> notApplicable(workload);
            case WorkloadInput.Fannkuch f -> notApplicable(workload);
        };
    }

    /** which: the kernel's number in the C glue (0 wordfreq, 1 records, 2 csvparse). */
    private Call compound(Workload workload, int which, WorkloadInput input) {
        Supplier<byte[]> bytes = Marshal.nativeInput(input);
        int size = bytes.get().length;
        String kernel = Marshal.nativeKernel(workload.resultKind());
        byte[] out = new byte[Marshal.RESULT_CAPACITY];
        if (mode == Mode.COPY) {
            return CompoundCall.of(() -> {
                byte[] in = bytes.get();
                return Marshal.nativeResult(workload.resultKind(), JniKernels.compoundCopy(which, in, in.length, out),
                        out, kernel);
            });
        }
        ByteBuffer in = direct(size);
        ByteBuffer result = direct(Marshal.RESULT_CAPACITY);
        return CompoundCall.of(() -> {
            byte[] b = bytes.get();
            in.clear().put(b);
            int written = JniKernels.compoundDirect(which, in, b.length, result);
            if (written > 0) {
                result.get(0, out, 0, written);
            }
            return Marshal.nativeResult(workload.resultKind(), written, out, kernel);
        });
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(Math.max(8, bytes)).order(ByteOrder.nativeOrder());
    }

    private static ByteBuffer fill(ByteBuffer buf, double[] values) {
        buf.clear().asDoubleBuffer().put(values);
        return buf;
    }

    private static Call notApplicable(Workload w) throws PatternException {
        throw new PatternException("only N crosses for " + w.name() + ", so this variant would equal jni");
    }

    @Override
    public void close() {
    }
}
