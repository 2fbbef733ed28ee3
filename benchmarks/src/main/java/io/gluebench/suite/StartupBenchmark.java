package io.gluebench.suite;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.PointSession;
import io.gluebench.workload.Workloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Measures start-up and warm-up, apart from the steady state. SingleShotTime, no JMH warm-up, one
 * call per iteration, in a fresh fork:
 * <ul>
 *   <li>iteration 1: open the pattern (load the library, create the interpreter or context, spawn
 *       the worker), bind the input, make the first call and check its answer against the Java
 *       reference: the time to the first checked result;</li>
 *   <li>iterations 2..K: one call each, the warm-up curve of the first K calls.</li>
 * </ul>
 * Excluded: generating the input and the Java reference once beforehand (the harness's own class
 * loading), and the JVM's own boot, which the fork reports separately (process start to first result)
 * by appending one JSON line per fork to -Dgluebench.status=FILE, with the verdict.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StartupBenchmark {
    /** Where the fork writes its line: the same property as a point's verdict. */
    public static final String STATUS_PROPERTY = PointBenchmark.STATUS_PROPERTY;

    @Param({"echo"})
    public String workload;

    @Param({"java"})
    public String pattern;

    @Param({"0"})
    public int size;

    private PointSession session;
    private Call call;
    private io.gluebench.pattern.PatternSpec spec;
    private io.gluebench.workload.Workload work;
    private PatternEnv env;
    private long answeredAtMillis;
    private boolean reported;

    /**
     * Not timed: looks up the workload and the pattern (the catalogue's lambdas are bootstrapped
     * here), generates the input and computes the Java reference once, so the harness's own class
     * loading is done before iteration 1 and its time is the pattern's, not gluebench's.
     */
    @Setup(Level.Trial)
    public void warmHarness() {
        work = Workloads.byName(workload).orElseThrow(() -> new IllegalArgumentException("unknown workload " + workload));
        spec = Patterns.byName(pattern).orElseThrow(() -> new IllegalArgumentException("unknown pattern " + pattern));
        env = PatternEnv.fromSystem().withAllowInterpreter(Boolean.getBoolean("gluebench.allowInterpreter"));
        work.referenceText(work.input(size));
    }

    @Benchmark
    public long call() throws Exception {
        if (call != null) {
            return call.invoke();
        }
        try {
            session = PointSession.open(spec, work, size, env);
        } catch (PointSession.VerificationException e) {
            report(e.verification());
            throw new IllegalStateException("not timed: " + e.getMessage(), e);
        }
        answeredAtMillis = System.currentTimeMillis();
        call = session.call();
        try {
            Faults.maybeCrash(pattern);
        } catch (Throwable t) {
            throw new IllegalStateException("fault injection failed: " + t, t);
        }
        return 1;
    }

    /** Not timed: writes the verdict and the time from the JVM's start to the first answer. */
    @TearDown(Level.Iteration)
    public void reportFirstAnswer() throws IOException {
        if (session != null && !reported) {
            reported = true;
            report(session.verification());
        }
    }

    private void report(Object verdict) throws IOException {
        String file = System.getProperty(STATUS_PROPERTY);
        if (file == null) {
            return;
        }
        long at = answeredAtMillis > 0 ? answeredAtMillis : System.currentTimeMillis();
        double sinceStart = ProcessHandle.current().info().startInstant()
                .map(i -> (at - i.toEpochMilli()) * 1.0).orElse(Double.NaN);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sinceJvmStartMillis", Double.isNaN(sinceStart) ? null : sinceStart);
        line.put("verification", verdict);
        String json = new io.gluebench.result.RunStore().mapper().writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(line);
        Files.writeString(Path.of(file), json + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (session != null) {
            session.close();
        }
    }
}
