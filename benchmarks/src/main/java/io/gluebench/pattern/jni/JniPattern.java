package io.gluebench.pattern.jni;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.util.function.Supplier;

import static io.gluebench.workload.ResultKind.bits;

/**
 * `jni`: Java calls the C kernel through JNI; arrays are pinned, not copied. Strings are encoded to
 * UTF-8 and records flattened (see {@link Marshal}) inside the timed call, because C needs bytes.
 */
public final class JniPattern implements Pattern {
    @Override
    public void open(PatternEnv env) {
        System.load(env.nativeLibrary().toString());
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                yield () -> JniKernels.echo(data, data.length);
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                yield () -> bits(JniKernels.dot(a, b, a.length));
            }
            case WorkloadInput.Nbody n -> {
                int steps = n.steps();
                yield () -> bits(JniKernels.nbody(steps));
            }
            case WorkloadInput.Spectralnorm n -> {
                int size = n.n();
                yield () -> bits(JniKernels.spectralnorm(size));
            }
            case WorkloadInput.Mandelbrot n -> {
                int size = n.n();
                yield () -> JniKernels.mandelbrot(size);
            }
            case WorkloadInput.Matmul m -> {
                double[] a = m.a();
                double[] b = m.b();
                int size = m.n();
                yield () -> bits(JniKernels.matmul(a, b, size));
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                yield () -> bits(JniKernels.sort(data, data.length));
            }
            case WorkloadInput.Fannkuch f -> {
                int size = f.n();
                yield () -> JniKernels.fannkuch(size);
            }
            case WorkloadInput.WordFreq w -> compound(workload, input, JniKernels::wordfreq);
            case WorkloadInput.Records r -> compound(workload, input, JniKernels::records);
            case WorkloadInput.Csv c -> compound(workload, input, JniKernels::csvparse);
        };
    }

    /** A compound kernel: bytes in, the result layout out, returns the bytes written (or GB_ERR_*). */
    @FunctionalInterface
    interface BytesKernel {
        int run(byte[] in, int n, byte[] out);
    }

    private static Call compound(Workload workload, WorkloadInput input, BytesKernel kernel) {
        Supplier<byte[]> bytes = Marshal.nativeInput(input);
        byte[] out = new byte[Marshal.RESULT_CAPACITY];
        String name = Marshal.nativeKernel(workload.resultKind());
        return CompoundCall.of(() -> {
            byte[] in = bytes.get();
            return Marshal.nativeResult(workload.resultKind(), kernel.run(in, in.length, out), out, name);
        });
    }

    @Override
    public void close() {
    }
}
