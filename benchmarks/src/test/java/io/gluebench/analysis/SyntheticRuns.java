package io.gluebench.analysis;

import io.gluebench.result.Machine;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.WorkloadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made runs for the comparison tests: known means, known samples, no measurement. */
public final class SyntheticRuns {
    /** Relative offsets of the samples around their mean: mean 0, spread about 1%. */
    static final double[] JITTER_5 = {-0.010, -0.005, 0.0, 0.005, 0.010};

    private SyntheticRuns() {
    }

    public static Machine machine(String id) {
        return new Machine(id, id, "Test CPU", 2, 1L << 30, "Linux", "6.1", "Test", "25", Map.of(), "abc1234", false,
                "2026-11-25T00:00:00Z", 0.1);
    }

    public static PatternInfo pattern(String name, String family, io.gluebench.result.Kind kind, String config) {
        return new PatternInfo(name, io.gluebench.result.Family.of(family), kind, false, "", "", config);
    }

    public static WorkloadInfo workload(String name, Double tolerance, String hash) {
        return new WorkloadInfo(name, "doubles per vector", "N", "", tolerance, hash);
    }

    /** An ok point whose samples are mean x (1 + jitter). */
    public static Point ok(String workload, String pattern, int size, double mean, double... jitter) {
        List<Double> samples = new ArrayList<>();
        for (double j : jitter.length == 0 ? JITTER_5 : jitter) {
            samples.add(mean * (1 + j));
        }
        double m = samples.stream().mapToDouble(Double::doubleValue).average().orElse(mean);
        return new Point(workload, pattern, size, null, null, Point.OK, "ns/op", m, 0.01 * m, samples, List.of(),
                null, null, null, List.of(), 1.0);
    }

    public static Point skipped(String workload, String pattern, int size, String reason) {
        return new Point(workload, pattern, size, null, null, Point.SKIPPED, "ns/op", null, null, List.of(), List.of(),
                null, reason, null, List.of(), 0.0);
    }

    public static Run run(String machine, String runId, List<Point> points, List<PatternInfo> patterns,
            List<WorkloadInfo> workloads) {
        Map<String, Object> settings = Map.of("profile", Map.of("name", "quick", "jmh",
                Map.of("warmupIterations", 2, "warmupMillis", 300, "measurementIterations", 5, "measurementMillis", 250)));
        return new Run(Run.FORMAT_VERSION, runId, "quick", "complete", "2026-11-25T00:00:00Z", "2026-11-25T00:10:00Z",
                machine(machine), settings, List.of(), points, List.of(), patterns, workloads);
    }

    /** The default catalogue: java (baseline), jep-python (interpreted), jep-numpy (native). */
    public static List<PatternInfo> patterns() {
        return List.of(pattern("java", "jvm", io.gluebench.result.Kind.BASELINE, "flags: -Xmx2g"),
                pattern("jep-python", "jep", io.gluebench.result.Kind.INTERPRETED, "flags: -Xmx2g -Djep=1"),
                pattern("jep-numpy", "jep", io.gluebench.result.Kind.NATIVE, "flags: -Xmx2g -Djep=1"));
    }

    public static List<WorkloadInfo> workloads() {
        return List.of(workload("dot", 1e-9, "hash-dot-1"));
    }

    /**
     * dot at N = 1, 10, 1000, 10000: jep-python t = 100 + 10 N, jep-numpy t = 1000 + N (they cross
     * at N = 100), java t = 5 + N, each scaled by the factor given for it.
     */
    public static List<Point> dotPoints(double javaFactor, double pythonFactor, double numpyFactor) {
        List<Point> out = new ArrayList<>();
        for (int n : new int[] {1, 10, 1000, 10000}) {
            out.add(ok("dot", "java", n, javaFactor * (5 + n)));
            out.add(ok("dot", "jep-python", n, pythonFactor * (100 + 10.0 * n)));
            out.add(ok("dot", "jep-numpy", n, numpyFactor * (1000 + n)));
        }
        return out;
    }
}
