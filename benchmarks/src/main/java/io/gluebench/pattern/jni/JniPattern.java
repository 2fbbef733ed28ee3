package io.gluebench.pattern.jni;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;

import static io.gluebench.workload.ResultKind.bits;

/** `jni`: Java calls the C kernel through JNI; arrays are pinned, not copied. */
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
        };
    }

    @Override
    public void close() {
    }
}
