package io.gluebench.analysis;

import io.gluebench.result.Family;
import io.gluebench.result.Floor;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each pattern's no-op round trip (echo at N = 0) beside the raw floor of its own mechanism measured
 * in the same run: how much a pattern adds above what its mechanism costs at best.
 */
public final class FloorComparison {
    private FloorComparison() {
    }

    /**
     * The floor each in-process family is read against: Jep and PEMJA against C calling CPython
     * with the GIL taken per call (what they do per call), FFM against its critical no-op; a
     * worker's is its transport's, at its placement.
     */
    static final Map<Family, String> FLOOR_OF_FAMILY = Map.of(
            Family.JVM, "java_noop",
            Family.JNI, "jni_noop",
            Family.FFM, "ffm_noop_critical",
            Family.JEP, "cpython_call",
            Family.PEMJA, "cpython_call",
            Family.WORKER, "pipe_pingpong_free");

    /**
     * One row.
     *
     * @param ratio        pattern time / floor time, null when there is no floor for the family
     * @param ratioLow     the ratio's conservative interval: the point's low end (score - scoreError)
     *                     over the floor's high end; null when the point's error or the floor's
     *                     spread is unknown
     * @param ratioHigh    the point's high end over the floor's low end; null also when the floor's
     *                     low end is not above 0. The floor's ends are nsPerOp ∓ spread / 2 for a
     *                     probe (spread = p90 - p10) and nsPerOp ∓ spread for JMH (spread = the
     *                     99.9% half-width)
     * @param peerFloorNs  for a worker: the round trip of a C client to the CPython worker over the
     *                     same transport and placement (what CPython's request handling adds to the
     *                     C floor), null otherwise or when not measured
     * @param peerRatio    pattern time / peer floor: what the JVM side adds
     */
    public record Row(String pattern, double echoZeroNs, String floor, Double floorNs, Double ratio,
            Double ratioLow, Double ratioHigh, Double peerFloorNs, Double peerRatio) {
        public Row(String pattern, double echoZeroNs, String floor, Double floorNs, Double ratio,
                Double peerFloorNs, Double peerRatio) {
            this(pattern, echoZeroNs, floor, floorNs, ratio, null, null, peerFloorNs, peerRatio);
        }

        public Row(String pattern, double echoZeroNs, String floor, Double floorNs, Double ratio) {
            this(pattern, echoZeroNs, floor, floorNs, ratio, null, null, null, null);
        }
    }

    public static List<Row> rows(Run run) {
        List<Row> rows = new ArrayList<>();
        for (Point p : run.points()) {
            if (!p.workload().equals("echo") || p.size() != 0 || !p.isOk()) {
                continue;
            }
            Family family = family(run, p.pattern());
            String floorName = family == Family.WORKER
                    ? (p.transport() == null ? "pipe" : p.transport()) + "_pingpong_"
                            + (p.placement() == null ? "free" : p.placement())
                    : FLOOR_OF_FAMILY.get(family);
            Optional<Floor> floor = measured(run, floorName);
            String peerName = family == Family.WORKER ? floorName.replace("_pingpong_", "_cpython_") : null;
            Optional<Floor> peer = measured(run, peerName);
            double[] interval = floor.map(f -> interval(p, f)).orElse(null);
            rows.add(new Row(p.series(), p.score(), floor.map(Floor::name).orElse(null),
                    floor.map(Floor::nsPerOp).orElse(null), floor.map(f -> p.score() / f.nsPerOp()).orElse(null),
                    interval == null ? null : interval[0], interval == null || Double.isNaN(interval[1]) ? null : interval[1],
                    peer.map(Floor::nsPerOp).orElse(null), peer.map(f -> p.score() / f.nsPerOp()).orElse(null)));
        }
        return rows;
    }

    private static Optional<Floor> measured(Run run, String name) {
        return run.floors().stream().filter(f -> f.name().equals(name) && f.nsPerOp() > 0).findFirst();
    }

    /**
     * The ratio's interval {low, high}, high NaN when the floor's low end is not above 0; null when
     * the point's error or the floor's spread is unknown.
     */
    static double[] interval(Point p, Floor f) {
        Double err = p.scoreError();
        if (err == null || !Double.isFinite(err) || !Double.isFinite(f.spread())) {
            return null;
        }
        double half = "jmh".equals(f.source()) ? f.spread() : f.spread() / 2;
        double pointLo = Math.max(0, p.score() - err);
        double pointHi = p.score() + err;
        double floorLo = f.nsPerOp() - half;
        double floorHi = f.nsPerOp() + half;
        return new double[] {pointLo / floorHi, floorLo > 0 ? pointHi / floorLo : Double.NaN};
    }

    /** The pattern's family as its run stored it (other when it stored none). */
    static Family family(Run run, String pattern) {
        return run.pattern(pattern).map(PatternInfo::family).orElse(Family.OTHER);
    }
}
