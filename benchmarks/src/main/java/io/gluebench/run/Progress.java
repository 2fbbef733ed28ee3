package io.gluebench.run;

import io.gluebench.chart.TimePerCallChart;
import io.gluebench.result.Point;
import java.io.PrintStream;
import java.util.Locale;

/** One line per point: position in the run, the point, its result, and the time left by the plan. */
final class Progress {
    private final PrintStream out;
    private final Plan plan;
    private final long started = System.nanoTime();
    private int done;
    private double plannedDone;

    Progress(PrintStream out, Plan plan) {
        this.out = out;
        this.plan = plan;
    }

    long startedNanos() {
        return started;
    }

    void starting(Plan.Item item) {
        out.printf(Locale.ROOT, "[%3d/%d] %-34s ", done + 1, plan.items().size(), item.label());
        out.flush();
    }

    void finished(Plan.Item item, Point p) {
        done++;
        plannedDone += plan.estimateSeconds(item);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double planned = plan.estimateSeconds(plan.items());
        // Scale the plan's remainder by how fast the run has gone so far.
        double left = plannedDone > 0 ? (planned - plannedDone) * (elapsed / plannedDone) : planned - plannedDone;
        String what = switch (p.status()) {
            case Point.OK -> TimePerCallChart.formatNanos(p.score())
                    + (p.scoreError() == null ? "" : " ± " + TimePerCallChart.formatNanos(p.scoreError()));
            case Point.SKIPPED -> "skipped";
            default -> "FAILED: " + p.reason().lines().findFirst().orElse("");
        };
        out.printf(Locale.ROOT, "%-40s ETA %s%n", what, duration(left));
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
