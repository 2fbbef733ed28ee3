package io.gluebench.pattern.ffm;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.lang.foreign.MemorySegment;

import static io.gluebench.workload.ResultKind.bits;

/** `ffm`: Java calls the same C kernel as `jni` through java.lang.foreign, on heap segments. */
public final class FfmPattern implements Pattern {
    @Override
    public void open(PatternEnv env) {
        // Loading the class links the library and builds the handles.
        FfmKernels.NOOP.type();
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                yield ffm(() -> (long) FfmKernels.ECHO.invokeExact(MemorySegment.ofArray(data), (long) data.length));
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                yield ffm(() -> bits((double) FfmKernels.DOT.invokeExact(
                        MemorySegment.ofArray(a), MemorySegment.ofArray(b), (long) a.length)));
            }
            case WorkloadInput.Nbody n -> {
                long steps = n.steps();
                yield ffm(() -> bits((double) FfmKernels.NBODY.invokeExact(steps)));
            }
            case WorkloadInput.Spectralnorm n -> {
                long size = n.n();
                yield ffm(() -> bits((double) FfmKernels.SPECTRALNORM.invokeExact(size)));
            }
            case WorkloadInput.Mandelbrot n -> {
                long size = n.n();
                yield ffm(() -> (long) FfmKernels.MANDELBROT.invokeExact(size));
            }
            case WorkloadInput.Matmul m -> {
                double[] a = m.a();
                double[] b = m.b();
                long size = m.n();
                yield ffm(() -> bits((double) FfmKernels.MATMUL.invokeExact(
                        MemorySegment.ofArray(a), MemorySegment.ofArray(b), size)));
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                yield ffm(() -> bits((double) FfmKernels.SORT.invokeExact(
                        MemorySegment.ofArray(data), (long) data.length)));
            }
            case WorkloadInput.Fannkuch f -> {
                long size = f.n();
                yield ffm(() -> (long) FfmKernels.FANNKUCH.invokeExact(size));
            }
        };
    }

    /** A downcall as the timed call; invokeExact's Throwable becomes the call's Exception. */
    @FunctionalInterface
    interface Downcall {
        long run() throws Throwable;
    }

    private static Call ffm(Downcall d) {
        return () -> {
            try {
                return d.run();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        };
    }

    static Exception rethrow(Throwable t) {
        if (t instanceof Error err) {
            throw err;
        }
        return t instanceof Exception ex ? ex : new RuntimeException(t);
    }

    @Override
    public void close() {
    }
}
