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
 * JNI and FFM (JMH), and one byte ping-ponged between two C processes over a pipe and a Unix
 * socket, unpinned and pinned to one core (native/target/pingpong).
 */
public final class FloorRunner {
    private final PatternEnv env;

    public FloorRunner(PatternEnv env) {
        this.env = env;
    }

    public List<Floor> measure(Path runDir, Profile.JmhSettings s) throws IOException {
        List<Floor> floors = new ArrayList<>(jmhFloors(runDir, s));
        floors.addAll(probeFloors());
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

    private List<Floor> probeFloors() {
        Path probe = env.pingpongProbe();
        if (!Files.isExecutable(probe)) {
            return List.of();
        }
        List<Floor> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String transport : List.of("pipe", "uds")) {
            for (String placement : List.of("free", "same-core")) {
                String json = Exec.output(null, 60, List.of(probe.toString(), "--transport", transport,
                        "--placement", placement, "--iterations", "20000"));
                if (json == null) {
                    continue;
                }
                try {
                    JsonNode n = mapper.readTree(json.lines().reduce((a, b) -> b).orElse("{}"));
                    out.add(new Floor(transport + "_pingpong_" + placement, transport,
                            n.path("median_ns").asDouble(),
                            n.path("p90_ns").asDouble() - n.path("p10_ns").asDouble(), "probe",
                            "C processes, 1 byte each way, median of 20000 round trips; spread is p90 - p10"));
                } catch (IOException ignored) {
                    // A probe that printed garbage is left out rather than guessed.
                }
            }
        }
        return out;
    }
}
