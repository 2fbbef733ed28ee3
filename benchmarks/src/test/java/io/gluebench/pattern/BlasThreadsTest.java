package io.gluebench.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlasThreadsTest {
    @Test
    void oneThreadUnlessToldOtherwise() {
        String before = System.getProperty(BlasThreads.PROPERTY);
        try {
            System.clearProperty(BlasThreads.PROPERTY);
            assertEquals(1, BlasThreads.configured());
            assertEquals(Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1"),
                    BlasThreads.variables());
            System.setProperty(BlasThreads.PROPERTY, "4");
            assertEquals("4", BlasThreads.variables().get("OPENBLAS_NUM_THREADS"));
            System.setProperty(BlasThreads.PROPERTY, "0");
            assertTrue(BlasThreads.variables().isEmpty(), "0: the library decides");
        } finally {
            if (before == null) {
                System.clearProperty(BlasThreads.PROPERTY);
            } else {
                System.setProperty(BlasThreads.PROPERTY, before);
            }
        }
    }

    @Test
    void anEmbeddedInterpreterSeesTheCountInThisProcesssEnvironment() throws Throwable {
        BlasThreads.applyToThisProcess();
        Linker linker = Linker.nativeLinker();
        MethodHandle getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = (MemorySegment) getenv.invokeExact(arena.allocateFrom("OPENBLAS_NUM_THREADS"));
            assertTrue(!v.equals(MemorySegment.NULL), "set by applyToThisProcess");
            assertEquals(Integer.toString(BlasThreads.configured()), v.reinterpret(16).getString(0));
        }
    }
}
