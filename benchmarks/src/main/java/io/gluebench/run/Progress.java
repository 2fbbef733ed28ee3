package io.gluebench.run;

import io.gluebench.chart.TimePerCallChart;
import io.gluebench.result.Point;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The run's progress: one line per finished point (its result), and on a terminal one progress bar
 * below them, redrawn as each JMH fork starts and finishes: points done out of the total, the
 * current point, and the time left by the plan's estimate scaled by the pace so far. Without a
 * terminal (CI logs, pipes) only the lines are written, each with its position and the ETA.
 */
final class Progress {
    private static final int BAR = 24;

    private final PrintStream out;
    private final Plan plan;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int done;
    private int kept;
    private double plannedDone;
    private double plannedKept;

    Progress(PrintStream out, Plan plan) {
        this(out, plan, System.console() != null && System.console().isTerminal());
    }

    Progress(PrintStream out, Plan plan, boolean terminal) {
        this.out = out;
        this.plan = plan;
        this.terminal = terminal;
    }

    long startedNanos() {
        return started;
    }

    /** A point finished before (a resumed run): counted as done, not timed. */
    void kept(Plan.Item item) {
        done++;
        kept++;
        plannedKept += plan.estimateSeconds(item);
    }

    void starting(Plan.Item item) {
        if (terminal) {
            out.print("\r\033[K" + bar(item));
        } else {
            out.printf(Locale.ROOT, "[%3d/%d] %-34s ", done + 1, plan.items().size(), item.label());
        }
        out.flush();
    }

    void finished(Plan.Item item, Point p) {
        done++;
        plannedDone += plan.estimateSeconds(item);
        String what = switch (p.status()) {
            case Point.OK -> TimePerCallChart.formatNanos(p.score())
                    + (p.scoreError() == null ? "" : " ± " + TimePerCallChart.formatNanos(p.scoreError()));
            case Point.SKIPPED -> "skipped";
            default -> "FAILED: " + (p.reason() == null ? "" : p.reason().lines().findFirst().orElse(""));
        };
        if (terminal) {
            out.printf(Locale.ROOT, "\r\033[K%-44s %s%n", item.label(), what);
            out.print(bar(null));
        } else {
            out.printf(Locale.ROOT, "%-40s ETA %s%n", what, duration(secondsLeft()));
        }
        out.flush();
    }

    /** Clears the bar once every point is done. */
    void done() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    /** The plan's remaining estimate, scaled by how fast the measured points have gone so far. */
    double secondsLeft() {
        double elapsed = (System.nanoTime() - started) / 1e9;
        double remaining = plan.estimateSeconds(plan.items()) - plannedKept - plannedDone;
        return plannedDone > 0 ? remaining * (elapsed / plannedDone) : remaining;
    }

    /** "[#########---------------]  12/36  echo n=0 worker-python  ETA 1m27s" */
    String bar(Plan.Item current) {
        int total = plan.items().size();
        int filled = total == 0 ? BAR : (int) Math.round(BAR * (double) done / total);
        return String.format(Locale.ROOT, "[%s%s] %3d/%d  %s ETA %s", "#".repeat(filled), "-".repeat(BAR - filled),
                done, total, current == null ? "" : current.label() + " ", duration(secondsLeft()));
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
