package io.gluebench.pattern.ffm;

import io.gluebench.pattern.PatternEnv;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcall handles to the C kernels of native/include/gluebench.h. They are static finals because
 * that is how FFM is meant to be used for speed: the JIT treats them as constants and inlines the
 * downcall. The library is found from the project home (-Dgluebench.home) when this class loads.
 *
 * <p>Kernels that read arrays use {@code critical(true)}, the only option under which a downcall
 * accepts heap segments, so Java arrays are read in place with no copy.
 */
public final class FfmKernels {
    private FfmKernels() {
    }

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIB = SymbolLookup.libraryLookup(
            PatternEnv.fromSystem().nativeLibrary(), Arena.global());

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment symbol = LIB.find(name)
                .orElseThrow(() -> new IllegalStateException("symbol " + name + " not found in libgluebench.so"));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    public static final MethodHandle NOOP = handle("gb_noop", FunctionDescriptor.ofVoid());
    public static final MethodHandle NOOP_CRITICAL = handle("gb_noop", FunctionDescriptor.ofVoid(),
            Linker.Option.critical(false));
    public static final MethodHandle ECHO = handle("gb_echo",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
    public static final MethodHandle DOT = handle("gb_dot",
            FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
    public static final MethodHandle NBODY = handle("gb_nbody",
            FunctionDescriptor.of(JAVA_DOUBLE, JAVA_LONG));
    public static final MethodHandle SPECTRALNORM = handle("gb_spectralnorm",
            FunctionDescriptor.of(JAVA_DOUBLE, JAVA_LONG));
    public static final MethodHandle MANDELBROT = handle("gb_mandelbrot",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    public static final MethodHandle MATMUL = handle("gb_matmul",
            FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
    public static final MethodHandle SORT = handle("gb_sort",
            FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
    public static final MethodHandle FANNKUCH = handle("gb_fannkuch",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));

    /** (const uint8_t *in, int64_t n, uint8_t *out, int64_t cap) -> bytes written or GB_ERR_*. */
    private static final FunctionDescriptor COMPOUND = FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS,
            JAVA_LONG);
    public static final MethodHandle WORDFREQ = handle("gb_wordfreq", COMPOUND, Linker.Option.critical(true));
    public static final MethodHandle RECORDS = handle("gb_records", COMPOUND, Linker.Option.critical(true));
    public static final MethodHandle CSVPARSE = handle("gb_csvparse", COMPOUND, Linker.Option.critical(true));

    // ffm-copy: the same kernels through plain downcalls (no critical option), on off-heap segments.
    public static final MethodHandle ECHO_OFFHEAP = handle("gb_echo", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG));
    public static final MethodHandle DOT_OFFHEAP = handle("gb_dot",
            FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG));
    public static final MethodHandle MATMUL_OFFHEAP = handle("gb_matmul",
            FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG));
    public static final MethodHandle SORT_OFFHEAP = handle("gb_sort", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG));
    public static final MethodHandle WORDFREQ_OFFHEAP = handle("gb_wordfreq", COMPOUND);
    public static final MethodHandle RECORDS_OFFHEAP = handle("gb_records", COMPOUND);
    public static final MethodHandle CSVPARSE_OFFHEAP = handle("gb_csvparse", COMPOUND);
}
