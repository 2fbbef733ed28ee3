package io.gluebench.suite;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.ffm.FfmKernels;
import io.gluebench.pattern.jni.JniKernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures: the raw floor of an in-process crossing, a call of an empty C function, so that each
 * pattern's echo at N=0 can be read against it. `java_noop` is the baseline of the harness itself
 * (an empty Java method returning a constant through the same benchmark shape).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FloorBenchmark {

    @Setup
    public void load() {
        System.load(PatternEnv.fromSystem().nativeLibrary().toString());
    }

    @Benchmark
    public long java_noop() {
        return 0L;
    }

    @Benchmark
    public void jni_noop() {
        JniKernels.noop();
    }

    @Benchmark
    public void ffm_noop() throws Throwable {
        FfmKernels.NOOP.invokeExact();
    }

    @Benchmark
    public void ffm_noop_critical() throws Throwable {
        FfmKernels.NOOP_CRITICAL.invokeExact();
    }
}
