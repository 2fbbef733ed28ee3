package io.gluebench.pattern.ffm;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.function.Supplier;

import static io.gluebench.workload.ResultKind.bits;

/**
 * `ffm-copy`: the C kernels of `ffm` through plain downcalls (no {@code critical} option), the data
 * copied from the Java arrays into off-heap segments on each call with {@code MemorySegment.copy}.
 * This is FFM as most code uses it: a heap segment is only accepted by a critical downcall. A
 * labelled variant; workloads where only N crosses are not applicable (they would equal `ffm`).
 */
public final class FfmCopyPattern implements Pattern {
    private Arena arena;

    @Override
    public void open(PatternEnv env) {
        FfmKernels.NOOP.type();
        arena = Arena.ofConfined();
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws PatternException {
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                MemorySegment seg = arena.allocate(Math.max(1, data.length));
                yield FfmPattern.ffm(() -> {
                    MemorySegment.copy(data, 0, seg, ValueLayout.JAVA_BYTE, 0, data.length);
                    return (long) FfmKernels.ECHO_OFFHEAP.invokeExact(seg, (long) data.length);
                });
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                MemorySegment sa = doubles(a.length);
                MemorySegment sb = doubles(b.length);
                yield FfmPattern.ffm(() -> {
                    MemorySegment.copy(a, 0, sa, ValueLayout.JAVA_DOUBLE, 0, a.length);
                    MemorySegment.copy(b, 0, sb, ValueLayout.JAVA_DOUBLE, 0, b.length);
                    return bits((double) FfmKernels.DOT_OFFHEAP.invokeExact(sa, sb, (long) a.length));
                });
            }
            case WorkloadInput.Matmul m -> {
                double[] a = m.a();
                double[] b = m.b();
                long n = m.n();
                MemorySegment sa = doubles(a.length);
                MemorySegment sb = doubles(b.length);
                yield FfmPattern.ffm(() -> {
                    MemorySegment.copy(a, 0, sa, ValueLayout.JAVA_DOUBLE, 0, a.length);
                    MemorySegment.copy(b, 0, sb, ValueLayout.JAVA_DOUBLE, 0, b.length);
                    return bits((double) FfmKernels.MATMUL_OFFHEAP.invokeExact(sa, sb, n));
                });
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                MemorySegment seg = doubles(data.length);
                yield FfmPattern.ffm(() -> {
                    MemorySegment.copy(data, 0, seg, ValueLayout.JAVA_DOUBLE, 0, data.length);
                    return bits((double) FfmKernels.SORT_OFFHEAP.invokeExact(seg, (long) data.length));
                });
            }
            case WorkloadInput.WordFreq w -> compound(workload, FfmKernels.WORDFREQ_OFFHEAP, input);
            case WorkloadInput.Csv c -> compound(workload, FfmKernels.CSVPARSE_OFFHEAP, input);
            case WorkloadInput.Records r -> compound(workload, FfmKernels.RECORDS_OFFHEAP, input);
            case WorkloadInput.Nbody n -> notApplicable(workload);
            case WorkloadInput.Spectralnorm n -> notApplicable(workload);
            case WorkloadInput.Mandelbrot n -> notApplicable(workload);
            case WorkloadInput.Fannkuch f -> notApplicable(workload);
        };
    }

    private MemorySegment doubles(int count) {
        return arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(1, count));
    }

    /** What the kernel reads is made inside the timed call (see Marshal.nativeInput), then copied off-heap. */
    private Call compound(Workload workload, MethodHandle kernel, WorkloadInput input) {
        Supplier<byte[]> bytes = Marshal.nativeInput(input);
        int size = bytes.get().length;
        String name = Marshal.nativeKernel(workload.resultKind());
        MemorySegment in = arena.allocate(Math.max(1, size));
        MemorySegment out = arena.allocate(Marshal.RESULT_CAPACITY);
        byte[] result = new byte[Marshal.RESULT_CAPACITY];
        return CompoundCall.of(() -> {
            byte[] b = bytes.get();
            MemorySegment.copy(b, 0, in, ValueLayout.JAVA_BYTE, 0, b.length);
            long written;
            try {
                written = (long) kernel.invokeExact(in, (long) b.length, out, (long) Marshal.RESULT_CAPACITY);
            } catch (Throwable t) {
                throw FfmPattern.rethrow(t);
            }
            if (written > 0) {
                MemorySegment.copy(out, ValueLayout.JAVA_BYTE, 0, result, 0, (int) written);
            }
            return Marshal.nativeResult(workload.resultKind(), written, result, name);
        });
    }

    private static Call notApplicable(Workload w) throws PatternException {
        throw new PatternException("only N crosses for " + w.name() + ", so this variant would equal ffm");
    }

    @Override
    public void close() {
        if (arena != null) {
            arena.close();
            arena = null;
        }
    }
}
