package io.gluebench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Floor;
import io.gluebench.suite.FloorBenchmark;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Measures the raw floors of the mechanisms on this machine, in this run: an empty C call through
 * JNI and FFM (JMH); one byte ping-ponged between two C processes over a pipe, a Unix socket and
 * shared memory, unpinned and pinned (native/target/pingpong), and a C client of the CPython worker
 * (native/target/peerfloor); C calling a Python function through the CPython C API with the GIL
 * taken and released per call, as Jep and PEMJA do (native/target/pycall). A floor whose probe or
 * interpreter is missing is stored as not measured (NaN) with the reason, never guessed.
 */
public final class FloorRunner {
    private final PatternEnv env;

    public FloorRunner(PatternEnv env) {
        this.env = env;
    }

    public List<Floor> measure(Path runDir, Profile.JmhSettings s) throws IOException {
        return measure(runDir, s, null);
    }

    /**
     * The floors the given pattern families are read against (null: all of them): the JMH no-ops
     * for the JVM, JNI and FFM, the ping-pongs for workers, C calling CPython for Jep and PEMJA. A
     * run of Java alone does not wait a minute for socket and shared-memory probes it never uses.
     */
    public List<Floor> measure(Path runDir, Profile.JmhSettings s, java.util.Set<String> families) throws IOException {
        List<Floor> floors = new ArrayList<>();
        if (families == null || families.contains("jvm") || families.contains("jni") || families.contains("ffm")) {
            floors.addAll(jmhFloors(runDir, s));
        }
        if (families == null || families.contains("worker")) {
            pingpongFloors(floors);
        }
        if (families == null || families.contains("jep") || families.contains("pemja")) {
            floors.addAll(pycallFloors());
        }
        return floors;
    }

    private List<Floor> jmhFloors(Path runDir, Profile.JmhSettings s) throws IOException {
        if (!Files.isRegularFile(env.nativeLibrary())) {
            return List.of();
        }
        Path jmhFile = runDir.resolve("jmh").resolve("floors.json");
        Path log = runDir.resolve("logs").resolve("floors.log");
        Files.createDirectories(jmhFile.getParent());
        Files.createDirectories(log.getParent());
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(FloorBenchmark.class.getName()) + "\\.")
                .forks(1)
                .warmupIterations(s.warmupIterations())
                .warmupTime(TimeValue.milliseconds(s.warmupMillis()))
                .measurementIterations(s.measurementIterations())
                .measurementTime(TimeValue.milliseconds(s.measurementMillis()))
                .jvm(ForkFlags.javaBinary())
                .jvmArgs(ForkFlags.common(env).toArray(String[]::new))
                .result(jmhFile.toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        List<Floor> out = new ArrayList<>();
        try (OutputStream o = Files.newOutputStream(log); PrintStream ps = new PrintStream(o, true)) {
            for (RunResult rr : new Runner(options, OutputFormatFactory.createFormatInstance(ps, VerboseMode.NORMAL)).run()) {
                String name = rr.getParams().getBenchmark();
                name = name.substring(name.lastIndexOf('.') + 1);
                var r = rr.getPrimaryResult();
                out.add(new Floor(name, name.substring(0, name.indexOf('_')), r.getScore(),
                        Double.isNaN(r.getScoreError()) ? 0 : r.getScoreError(), "jmh",
                        "empty call, mean of JMH iterations; spread is the 99.9% CI half-width"));
            }
        } catch (RunnerException e) {
            out.add(new Floor("jni_noop", "jni", Double.NaN, 0, "jmh", "failed: " + e.getMessage()));
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

    private void pingpongFloors(List<Floor> out) {
        Path probe = env.pingpongProbe();
        if (!Files.isExecutable(probe)) {
            return;
        }
        for (String transport : List.of("pipe", "uds", "shm")) {
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
        }
        Path peer = env.peerFloorProbe();
        if (Files.isExecutable(peer) && Files.isExecutable(env.venvPython())) {
            for (String transport : List.of("pipe", "uds", "shm")) {
                for (String placement : List.of("free", "same-core", "split-cores")) {
                    List<String> cmd = List.of(peer.toString(), "--transport", transport, "--placement", placement,
                            "--iterations", "20000", "--", env.venvPython().toString(), "-m", "gluebench_py.worker",
                            "--compute", "python");
                    probe(cmd, env.pythonWorkloads(), transport + "_cpython_" + placement, transport,
                            "a C client and the CPython worker, PING (no payload), median of 20000", out);
                }
            }
        }
        for (int bytes : new int[] {1 << 20, 64 << 20}) {
            probe(List.of(probe.toString(), "--memcpy", Integer.toString(bytes)),
                    "memcpy_" + (bytes >> 20) + "MiB", "memcpy", "one memcpy of " + (bytes >> 20) + " MiB, median", out);
        }
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
