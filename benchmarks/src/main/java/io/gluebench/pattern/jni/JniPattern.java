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
        };
    }

    @Override
    public void close() {
    }
}
