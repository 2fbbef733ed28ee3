package io.gluebench.pattern.ffm;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

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
            // The handles stay static finals in each call (the JIT folds them); the bytes C reads
            // are made per call by Marshal.nativeInput.
            case WorkloadInput.WordFreq w -> {
                Supplier<byte[]> bytes = Marshal.nativeInput(input);
                byte[] out = new byte[Marshal.RESULT_CAPACITY];
                yield compound(workload, out, () -> {
                    byte[] in = bytes.get();
                    return (long) FfmKernels.WORDFREQ.invokeExact(MemorySegment.ofArray(in), (long) in.length,
                            MemorySegment.ofArray(out), (long) out.length);
                });
            }
            case WorkloadInput.Records r -> {
                Supplier<byte[]> bytes = Marshal.nativeInput(input);
                byte[] out = new byte[Marshal.RESULT_CAPACITY];
                yield compound(workload, out, () -> {
                    byte[] in = bytes.get();
                    return (long) FfmKernels.RECORDS.invokeExact(MemorySegment.ofArray(in), (long) in.length,
                            MemorySegment.ofArray(out), (long) out.length);
                });
            }
            case WorkloadInput.Csv c -> {
                Supplier<byte[]> bytes = Marshal.nativeInput(input);
                byte[] out = new byte[Marshal.RESULT_CAPACITY];
                yield compound(workload, out, () -> {
                    byte[] in = bytes.get();
                    return (long) FfmKernels.CSVPARSE.invokeExact(MemorySegment.ofArray(in), (long) in.length,
                            MemorySegment.ofArray(out), (long) out.length);
                });
            }
        };
    }

    /** A downcall as the timed call; invokeExact's Throwable becomes the call's Exception. */
    @FunctionalInterface
    interface Downcall {
        long run() throws Throwable;
    }

    static Call ffm(Downcall d) {
        return () -> {
            try {
                return d.run();
            } catch (Throwable t) {
                throw rethrow(t);
            }
        };
    }

    /** A compound kernel as the timed call: the downcall returns the bytes written into out, then decode. */
    private static Call compound(Workload workload, byte[] out, Downcall d) {
        String kernel = Marshal.nativeKernel(workload.resultKind());
        return CompoundCall.of(() -> {
            long written;
            try {
                written = d.run();
            } catch (Throwable t) {
                throw rethrow(t);
            }
            return Marshal.nativeResult(workload.resultKind(), written, out, kernel);
        });
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
