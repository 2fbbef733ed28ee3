package io.gluebench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Family;
import io.gluebench.result.Floor;
import io.gluebench.suite.FloorBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Measures the raw floors of the mechanisms on this machine, in this run: an empty C call through
 * JNI and FFM (JMH, in a fork of {@link ForkLauncher}); one byte ping-ponged between two C processes over a pipe, a Unix socket and
 * shared memory, unpinned and pinned (native/target/pingpong), and a C client of the CPython worker
 * (native/target/peerfloor); C calling a Python function through the CPython C API with the GIL
 * taken and released per call, as Jep and PEMJA do (native/target/pycall). A floor whose probe or
 * interpreter is missing is stored as not measured (NaN) with the reason, never guessed.
 */
public final class FloorRunner {
    /** How long the JMH floors' fork may run before it is killed. */
    static final int JMH_TIMEOUT_SECONDS = 600;

    private final PatternEnv env;
    private final ForkLauncher launcher;
    private final int timeoutSeconds;

    public FloorRunner(PatternEnv env) {
        this(env, new ForkLauncher(env, new io.gluebench.result.RunStore(), ForkOptions.NONE, false), JMH_TIMEOUT_SECONDS);
    }

    FloorRunner(PatternEnv env, ForkLauncher launcher, int timeoutSeconds) {
        this.env = env;
        this.launcher = launcher;
        this.timeoutSeconds = timeoutSeconds;
    }

    public List<Floor> measure(Path runDir, Profile.JmhSettings s) throws IOException {
        return measure(runDir, s, null);
    }

    /**
     * The floors the given pattern families are read against (null: all of them): the JMH no-ops
     * for the JVM, JNI and FFM, the ping-pongs for workers, C calling CPython for Jep and PEMJA. A
     * run of Java alone does not wait a minute for socket and shared-memory probes it never uses.
     */
    public List<Floor> measure(Path runDir, Profile.JmhSettings s, java.util.Set<Family> families) throws IOException {
        return measure(steps(runDir, s, families), (step, measured) -> { });
    }

    /** The work of one step: the floors it measured. */
    @FunctionalInterface
    interface Work {
        List<Floor> run() throws IOException;
    }

    /** One step of the floors phase, for the run's progress: what it measures and its estimated seconds. */
    record Step(String name, double seconds, Work work) {
    }

    /** The steps that measure the floors of these families (null: all), in order. */
    List<Step> steps(Path runDir, Profile.JmhSettings s, java.util.Set<Family> families) {
        List<Step> steps = new ArrayList<>();
        if (families == null || families.contains(Family.JVM) || families.contains(Family.JNI) || families.contains(Family.FFM)) {
            // One fork: the JVM's start and four no-op benchmarks of one warm-up and the measured iterations.
            double each = (s.warmupIterations() * s.warmupMillis() + s.measurementIterations() * s.measurementMillis()) / 1000.0;
            steps.add(new Step("floors: JNI and FFM no-ops", 1 + 4 * each, () -> jmhFloors(runDir, s)));
        }
        if ((families == null || families.contains(Family.WORKER)) && Files.isExecutable(env.pingpongProbe())) {
            for (String transport : TRANSPORTS) {
                // Measured here: 4 s for a pipe's or a socket's five probes, 0.5 s for shared memory's.
                steps.add(new Step("floors: " + transport + " ping-pongs", transport.equals("shm") ? 0.5 : 4,
                        () -> pingpongFloors(transport)));
            }
            if (Files.isExecutable(env.peerFloorProbe()) && Files.isExecutable(env.venvPython())) {
                for (String transport : TRANSPORTS) {
                    steps.add(new Step("floors: " + transport + " to the CPython worker", transport.equals("shm") ? 0.5 : 3,
                            () -> peerFloors(transport)));
                }
            }
            steps.add(new Step("floors: memcpy", 0.5, this::memcpyFloors));
        }
        if (families == null || families.contains(Family.JEP) || families.contains(Family.PEMJA)) {
            steps.add(new Step("floors: C calling CPython", 0.5, this::pycallFloors));
        }
        return steps;
    }

    /** Runs the steps in order, telling {@code done} each step and its floors as it ends. */
    List<Floor> measure(List<Step> steps, java.util.function.BiConsumer<Step, List<Floor>> done) throws IOException {
        List<Floor> floors = new ArrayList<>();
        for (Step step : steps) {
            List<Floor> measured = step.work().run();
            floors.addAll(measured);
            done.accept(step, measured);
        }
        return floors;
    }

    private static final List<String> TRANSPORTS = List.of("pipe", "uds", "shm");

    private List<Floor> jmhFloors(Path runDir, Profile.JmhSettings s) throws IOException {
        if (!Files.isRegularFile(env.nativeLibrary())) {
            return List.of();
        }
        ForkJob.Jmh jmh = new ForkJob.Jmh("^" + Pattern.quote(FloorBenchmark.class.getName()) + "\\.", null, null, 1,
                s.warmupIterations(), s.warmupMillis(), s.measurementIterations(), s.measurementMillis(), 0, null);
        ForkJob.Entry e = launcher.entry(runDir, "floors", "the floors", Map.of(), Map.of());
        ForkLauncher.Result r = launcher.run(runDir, new ForkLauncher.Fork("fork-floors", null, null, jmh, List.of(e), Map.of(),
                timeoutSeconds)).get(0);
        List<Floor> out = new ArrayList<>();
        Path jmhFile = Path.of(e.jmhFile());
        if (r.ok() && Files.exists(jmhFile)) {
            for (JsonNode b : new ObjectMapper().readTree(jmhFile.toFile())) {
                String name = b.path("benchmark").asText();
                name = name.substring(name.lastIndexOf('.') + 1);
                JsonNode m = b.path("primaryMetric");
                double error = m.path("scoreError").asDouble(Double.NaN);
                out.add(new Floor(name, name.substring(0, name.indexOf('_')), m.path("score").asDouble(),
                        Double.isNaN(error) ? 0 : error, "jmh",
                        "empty call, mean of JMH iterations; spread is the 99.9% CI half-width"));
            }
        } else {
            String why = r.reason(null, runDir);
            out.add(new Floor("jni_noop", "jni", Double.NaN, 0, "jmh", "failed: "
                    + (why == null ? "JMH returned no result" : why.lines().findFirst().orElse(""))));
        }
        return out;
    }

    /** One in-process CPython floor: its name, the probe's --call and --gil, its note. */
    private record PycallFloor(String name, String call, String gil, String note) {
    }

    /** cpython_call is what jep-* and pemja-* are read against; the other two explain it. */
    private static final List<PycallFloor> PYCALL_FLOORS = List.of(
            new PycallFloor("cpython_call", "noop", "release",
                    "C calls def noop(): pass through the CPython C API, taking and releasing the GIL around each call"
                            + " as Jep and PEMJA do; median of 20000 batches of 100 calls, per call; spread is p90 - p10"),
            new PycallFloor("cpython_call_echo", "echo", "release",
                    "as cpython_call, calling def echo(x): return x with an int made from a C long and read back"),
            new PycallFloor("cpython_call_gil", "noop", "held",
                    "as cpython_call with the GIL held throughout: cpython_call minus this is the GIL hand-off"));

    /** The in-process CPython floors; each not measured, with the reason, when the probe cannot run. */
    List<Floor> pycallFloors() {
        List<Floor> out = new ArrayList<>();
        Path probe = env.pycallProbe();
        String missing = !Files.isExecutable(probe)
                ? "skipped: the probe " + probe + " is missing; make -C native pycall builds it (it needs the venv"
                        + " and a shared libpython; ./gluebench setup)"
                : !Files.isExecutable(env.venvPython())
                        ? "skipped: no venv python at " + env.venvPython() + "; ./gluebench setup makes it"
                        : null;
        for (PycallFloor f : PYCALL_FLOORS) {
            if (missing != null) {
                out.add(new Floor(f.name(), "cpython", Double.NaN, Double.NaN, "probe", missing));
                continue;
            }
            List<String> cmd = List.of(probe.toString(), "--call", f.call(), "--gil", f.gil(),
                    "--iterations", "20000", "--python", env.venvPython().toString());
            Exec.Outcome o = Exec.run(null, 120, cmd);
            if (o.exit() != 0) {
                String line = o.output().lines().filter(l -> !l.isBlank()).findFirst().orElse("no message");
                out.add(new Floor(f.name(), "cpython", Double.NaN, Double.NaN, "probe",
                        (line.contains("error while loading shared libraries")
                                ? "skipped: the probe cannot load libpython: " : "failed: ") + line));
                continue;
            }
            parse(o.output(), f.name(), "cpython", f.note(), out);
        }
        return out;
    }

    /** One transport's round trips between two C processes, at each placement, and 1 MiB across it. */
    private List<Floor> pingpongFloors(String transport) {
        List<Floor> out = new ArrayList<>();
        Path probe = env.pingpongProbe();
        for (String placement : List.of("free", "same-core", "split-cores")) {
            List<String> cmd = new ArrayList<>(List.of(probe.toString(), "--transport", transport,
                    "--placement", placement, "--iterations", "20000"));
            if (placement.equals("same-core")) {
                cmd.addAll(List.of("--spin-us", "0"));
            }
            probe(cmd, transport + "_pingpong_" + placement, transport,
                    "C processes, a round trip with no payload, median of 20000; spread is p90 - p10", out);
        }
        for (String placement : List.of("same-core", "split-cores")) {
            List<String> cmd = new ArrayList<>(List.of(probe.toString(), "--transport", transport,
                    "--placement", placement, "--iterations", "300", "--payload", Integer.toString(1 << 20)));
            if (placement.equals("same-core")) {
                cmd.addAll(List.of("--spin-us", "0"));
            }
            probe(cmd, transport + "_1MiB_" + placement, transport,
                    "C processes, 1 MiB there and 1 byte back, median of 300", out);
        }
        return out;
    }

    /** A C client's round trips to the CPython worker over one transport, at each placement. */
    private List<Floor> peerFloors(String transport) {
        List<Floor> out = new ArrayList<>();
        for (String placement : List.of("free", "same-core", "split-cores")) {
            List<String> cmd = List.of(env.peerFloorProbe().toString(), "--transport", transport, "--placement", placement,
                    "--iterations", "20000", "--", env.venvPython().toString(), "-m", "gluebench_py.worker",
                    "--compute", "python");
            probe(cmd, env.pythonWorkloads(), transport + "_cpython_" + placement, transport,
                    "a C client and the CPython worker, PING (no payload), median of 20000", out);
        }
        return out;
    }

    private List<Floor> memcpyFloors() {
        List<Floor> out = new ArrayList<>();
        for (int bytes : new int[] {1 << 20, 64 << 20}) {
            probe(List.of(env.pingpongProbe().toString(), "--memcpy", Integer.toString(bytes)),
                    "memcpy_" + (bytes >> 20) + "MiB", "memcpy", "one memcpy of " + (bytes >> 20) + " MiB, median", out);
        }
        return out;
    }

    private static void probe(List<String> cmd, String name, String mechanism, String note, List<Floor> out) {
        probe(cmd, null, name, mechanism, note, out);
    }

    private static void probe(List<String> cmd, Path dir, String name, String mechanism, String note, List<Floor> out) {
        String json = Exec.output(dir, 120, cmd);
        if (json != null) {
            parse(json, name, mechanism, note, out);
        }
    }

    private static void parse(String json, String name, String mechanism, String note, List<Floor> out) {
        try {
            JsonNode n = new ObjectMapper().readTree(json.lines().reduce((a, b) -> b).orElse("{}"));
            double bw = n.path("bandwidth_bytes_per_s").asDouble(0);
            out.add(new Floor(name, mechanism, n.path("median_ns").asDouble(),
                    n.path("p90_ns").asDouble() - n.path("p10_ns").asDouble(), "probe",
                    bw > 0 ? note + String.format(java.util.Locale.ROOT, "; %.1f GB/s", bw / 1e9) : note));
        } catch (IOException ignored) {
            // A probe that printed garbage is left out rather than guessed.
        }
    }
}
