package io.gluebench.suite;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.PointSession;
import io.gluebench.result.RunStore;
import io.gluebench.workload.Workloads;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measures: the time of one call of a workload through a pattern, input already in place, answer
 * returned to Java. Excluded: input generation, interpreter start, worker spawn and the check of
 * the answer against the Java reference, all done once in the trial setup.
 *
 * <p>Scope.Thread: setup, calls and teardown run on the one benchmark thread, which Jep requires.
 * The harness's fork ({@code run.ForkMain}) sets -Dgluebench.status=FILE for each point; the setup
 * writes the verification verdict there so the harness can report it, passed or failed. With
 * -Dgluebench.warmup the setup then warms the call until its time per call is steady (the adaptive
 * warm-up, whose batch series goes to -Dgluebench.warmupFile), before JMH's own iterations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PointBenchmark {
    public static final String STATUS_PROPERTY = "gluebench.status";
    /** "batch,min,cap" in ms: warm the call adaptively in the set-up (see AdaptiveWarmup). */
    public static final String WARMUP_PROPERTY = "gluebench.warmup";
    /** Where the set-up writes the adaptive warm-up's batch series (JSON). */
    public static final String WARMUP_FILE_PROPERTY = "gluebench.warmupFile";

    @Param({"echo"})
    public String workload;

    @Param({"java"})
    public String pattern;

    @Param({"0"})
    public int size;

    private PointSession session;
    private Call call;
    private AdaptiveWarmup.Series warmed;
    private long compiledBeforeMeasurement = -1;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        var w = Workloads.byName(workload).orElseThrow(() -> new IllegalArgumentException("unknown workload " + workload));
        var p = Patterns.byName(pattern).orElseThrow(() -> new IllegalArgumentException("unknown pattern " + pattern));
        PatternEnv env = PatternEnv.fromSystem()
                .withAllowInterpreter(Boolean.getBoolean("gluebench.allowInterpreter"));
        try {
            session = PointSession.open(p, w, size, env);
            writeStatus(session.verification());
        } catch (PointSession.VerificationException e) {
            writeStatus(e.verification());
            throw new IllegalStateException("not timed: " + e.getMessage(), e);
        }
        call = Faults.maybeSlow(pattern, session.call());
        try {
            Faults.maybeCrash(pattern);
        } catch (Throwable t) {
            throw new IllegalStateException("fault injection failed: " + t, t);
        }
        AdaptiveWarmup warmup = AdaptiveWarmup.parse(System.getProperty(WARMUP_PROPERTY));
        if (warmup != null) {
            warmed = warmup.run(call, session::compilations);
            writeWarmup(warmed);
            compiledBeforeMeasurement = session.compilations();
        }
    }

    private static void writeWarmup(AdaptiveWarmup.Series series) throws java.io.IOException {
        String file = System.getProperty(WARMUP_FILE_PROPERTY);
        if (file != null) {
            new RunStore().writeJson(Path.of(file), series);
        }
    }

    private static void writeStatus(Object verdict) throws java.io.IOException {
        String file = System.getProperty(STATUS_PROPERTY);
        if (file != null) {
            new RunStore().writeJson(Path.of(file), verdict);
        }
    }

    @Benchmark
    public long call() throws Exception {
        return call.invoke();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (warmed != null && compiledBeforeMeasurement >= 0) {
            // JMH's warm-up iterations run between the two readings; they are part of its measured trial.
            writeWarmup(warmed.withMeasured(session.compilations() - compiledBeforeMeasurement));
        }
        if (session != null) {
            session.close();
        }
    }
}
