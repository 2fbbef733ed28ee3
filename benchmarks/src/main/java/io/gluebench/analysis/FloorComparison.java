package io.gluebench.analysis;

import io.gluebench.result.Floor;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each pattern's no-op round trip (echo at N = 0) beside the raw floor of its mechanism measured
 * in the same run: how much a pattern adds above what its mechanism costs at best.
 */
public final class FloorComparison {
    private FloorComparison() {
    }

    /** The floor each in-process family is read against; a worker's is its transport's, at its placement. */
    static final Map<String, String> FLOOR_OF_FAMILY = Map.of(
            "jvm", "java_noop",
            "jni", "jni_noop",
            "ffm", "ffm_noop",
            "jep", "jni_noop",
            "pemja", "jni_noop",
            "worker", "pipe_pingpong_free");

    /**
     * One row.
     *
     * @param ratio        pattern time / floor time, null when there is no floor for the family
     * @param peerFloorNs  for a worker: the round trip of a C client to the CPython worker over the
     *                     same transport and placement (what CPython's request handling adds to the
     *                     C floor), null otherwise or when not measured
     * @param peerRatio    pattern time / peer floor: what the JVM side adds
     */
    public record Row(String pattern, double echoZeroNs, String floor, Double floorNs, Double ratio,
            Double peerFloorNs, Double peerRatio) {
        public Row(String pattern, double echoZeroNs, String floor, Double floorNs, Double ratio) {
            this(pattern, echoZeroNs, floor, floorNs, ratio, null, null);
        }
    }

    public static List<Row> rows(Run run) {
        List<Row> rows = new ArrayList<>();
        for (Point p : run.points()) {
            if (!p.workload().equals("echo") || p.size() != 0 || !p.isOk()) {
                continue;
            }
            String family = family(p.pattern());
            String floorName = family.equals("worker")
                    ? (p.transport() == null ? "pipe" : p.transport()) + "_pingpong_"
                            + (p.placement() == null ? "free" : p.placement())
                    : FLOOR_OF_FAMILY.get(family);
            Optional<Floor> floor = run.floors().stream()
                    .filter(f -> f.name().equals(floorName) && f.nsPerOp() > 0).findFirst();
            String peerName = family.equals("worker") ? floorName.replace("_pingpong_", "_cpython_") : null;
            Optional<Floor> peer = run.floors().stream()
                    .filter(f -> f.name().equals(peerName) && f.nsPerOp() > 0).findFirst();
            rows.add(new Row(p.pattern(), p.score(), floor.map(Floor::name).orElse(null),
                    floor.map(Floor::nsPerOp).orElse(null), floor.map(f -> p.score() / f.nsPerOp()).orElse(null),
                    peer.map(Floor::nsPerOp).orElse(null), peer.map(f -> p.score() / f.nsPerOp()).orElse(null)));
        }
        return rows;
    }

    static String family(String pattern) {
        if (pattern.equals("java")) {
            return "jvm";
        }
        int dash = pattern.indexOf('-');
        return dash < 0 ? pattern : pattern.substring(0, dash);
    }
}
