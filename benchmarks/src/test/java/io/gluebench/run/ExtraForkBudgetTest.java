package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.Fork;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Later rounds of forks go first where they buy the most (distance from target per second) and stop at the profile's time for them. */
class ExtraForkBudgetTest {
    /** An ok point with three forks of {@code forkSeconds} each and a ±{@code halfWidth} interval. */
    static Point point(Plan.Item item, double halfWidth, double forkSeconds) {
        List<Fork> forks = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            forks.add(new Fork(k, k, List.of(100.0, 100.0), List.of(), 0.2, "flat", 0, forkSeconds, null));
        }
        return new Point(item.workload().name(), item.series(), item.size(), item.pattern().transport(),
                item.placement() == null ? null : item.placement().id(), Point.OK, "ns/op", 100.0, 100 * halfWidth,
                List.of(), List.of(), null, null, null, List.of(), 3 * forkSeconds, null, forks, "flat",
                100 * (1 - halfWidth), 100 * (1 + halfWidth));
    }

    static Run run(List<Point> points) {
        return new Run(Run.FORMAT_VERSION, "r", "quick", "running", "2026-12-04T00:00:00Z", null, null, Map.of(),
                List.of(), points, List.of(), List.of(), List.of());
    }

    @Test
    void theBestBuysGoFirstAndWhatDoesNotFitIsLeftOut() throws Exception {
        Profile quick = Profiles.load().get("quick");
        Plan plan = Plan.of(quick, List.of("dot"), List.of("jni", "graalpy"), List.of());
        List<Plan.Item> jni = plan.items().stream().filter(i -> i.pattern().name().equals("jni")).toList();
        List<Plan.Item> graal = plan.items().stream().filter(i -> i.pattern().name().equals("graalpy")).toList();
        List<Point> points = new ArrayList<>();
        // jni: ±12%, ±30%, ±20%, ±15% at 1 s a fork; graalpy: ±50% at 4 s (plus its fork's 5 s minimum warm-up).
        double[] widths = {0.12, 0.30, 0.20, 0.15};
        for (int k = 0; k < jni.size(); k++) {
            points.add(point(jni.get(k), widths[k], 1.0));
        }
        points.add(point(graal.get(0), 0.50, 4.0));
        Run run = run(points);
        List<Plan.Item> wide = new ArrayList<>(jni);
        wide.add(graal.get(0));

        assertEquals(wide, PointsPhase.withinBudget(run, wide, quick, Double.POSITIVE_INFINITY), "no limit: all");

        // Worth per second: jni 1.2, 3.0, 2.0, 1.5 times its target over 1 s + 1 s to open the fork; graalpy 5.0
        // over 4 s + 6 s (JVM and its 5 s fork warm-up): 0.6, 1.5, 1.0, 0.75 and 0.5 a second.
        assertEquals(List.of(jni.get(1), jni.get(2), jni.get(3), jni.get(0), graal.get(0)),
                PointsPhase.withinBudget(run, wide, quick, 15.0), "all fit in 15 s, best buy first");
        // The jni points ride in one fork (span: workload): 2 + 1 + 1 + 1 s; graalpy's 10 s does not fit then.
        assertEquals(List.of(jni.get(1), jni.get(2), jni.get(3), jni.get(0)),
                PointsPhase.withinBudget(run, wide, quick, 14.9));
        assertEquals(List.of(jni.get(1), jni.get(2)), PointsPhase.withinBudget(run, wide, quick, 3.0));
        assertTrue(PointsPhase.withinBudget(run, wide, quick, 0).isEmpty());

        // A graalpy point far enough from its target (±200%: 2.0 a second) goes first, and alone fills 10 s.
        points.set(points.size() - 1, point(graal.get(0), 2.0, 4.0));
        assertEquals(List.of(graal.get(0)), PointsPhase.withinBudget(run(points), wide, quick, 10.0));
    }

    @Test
    void aNegativeBudgetIsRefused() throws Exception {
        Profile q = Profiles.load().get("quick");
        Profile bad = new Profile(q.name(), q.description(), q.sizes(), q.workloads(), q.patterns(), q.jmh(),
                q.graalpyJmh(), q.floors(), q.pointTimeoutSeconds(), q.startup(), q.scaling(), -1, null);
        assertTrue(Profiles.validate(bad).stream().anyMatch(s -> s.contains("extraForkSeconds")),
                Profiles.validate(bad).toString());
        assertEquals(40, q.extraForkSeconds());
    }
}
