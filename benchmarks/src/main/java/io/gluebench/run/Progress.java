package io.gluebench.run;

import io.gluebench.result.Units;
import io.gluebench.result.Point;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The run's progress over every phase, counted in steps: a step of the floors, a point measured in one fork, one fresh JVM
 * of a start-up, one fork of a callers count. One line per point per fork (its fork's mean and the
 * point's mean and 95% interval so far), one per start-up and per callers measurement, and on a
 * terminal one progress bar below them, redrawn as each step starts and finishes, with the time left
 * by the plan's estimate of every phase, scaled by the pace so far. Without a terminal (CI logs,
 * pipes) only the lines are written, each with its position and the ETA.
 */
final class Progress {
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int total;
    private double plannedSeconds;
    private int done;
    private double plannedDone;

    Progress(PrintStream out, int totalPointForks, double plannedSeconds) {
        this(out, totalPointForks, plannedSeconds, System.console() != null && System.console().isTerminal());
    }

    Progress(PrintStream out, int totalPointForks, double plannedSeconds, boolean terminal) {
        this.out = out;
        this.total = totalPointForks;
        this.plannedSeconds = plannedSeconds;
        this.terminal = terminal;
    }

    long startedNanos() {
        return started;
    }

    /** More steps joined the plan (a phase counted in, a later round for points whose interval is still wide). */
    void extend(int steps, double seconds) {
        total += steps;
        plannedSeconds += seconds;
    }

    /** Steps the plan counted that will not run (a pattern skipped, the forks after a failed one). */
    void drop(int steps, double seconds) {
        total -= steps;
        plannedSeconds -= seconds;
    }

    /** Steps finished without a line of their own (a callers fork); the bar moves on. */
    void advance(int steps, double plannedSecondsOfThese) {
        done += steps;
        plannedDone += plannedSecondsOfThese;
        if (terminal) {
            out.print("\r\033[K" + bar(null));
            out.flush();
        }
    }

    /** A line with the run's position: a start-up or callers measurement that has finished. */
    void line(String text) {
        if (terminal) {
            out.printf(Locale.ROOT, "\r\033[K%s%n", text);
            out.print(bar(null));
        } else {
            out.printf(Locale.ROOT, "[%4d/%d] %s  ETA %s%n", done, total, text, duration(secondsLeft()));
        }
        out.flush();
    }

    /** A line of the run's own (a phase's heading, a note), above the bar. */
    void say(String text) {
        if (terminal) {
            out.printf(Locale.ROOT, "\r\033[K%s%n", text);
            if (done > 0) {
                out.print(bar(null));
            }
        } else {
            out.println(text);
        }
        out.flush();
    }

    void starting(String what) {
        if (terminal) {
            out.print("\r\033[K" + bar(what));
            out.flush();
        }
    }

    /** One point of a finished fork: its label, the fork number and the point as it now stands. */
    void finished(String label, int fork, Point p, double plannedSecondsOfThis) {
        done++;
        plannedDone += plannedSecondsOfThis;
        String what = switch (p.status()) {
            case OK -> {
                double thisFork = p.forks().stream().filter(f -> f.index() == fork).mapToDouble(io.gluebench.result.Fork::mean)
                        .findFirst().orElse(Double.NaN);
                yield "fork " + Units.nanos(thisFork) + "; point " + Units.nanos(p.score())
                        + (p.ciLow() == null ? "" : " [" + Units.nanos(p.ciLow()) + ", "
                                + Units.nanos(p.ciHigh()) + "]")
                        + " (" + p.forkCount() + " fork" + (p.forkCount() == 1 ? "" : "s")
                        + (p.steady() ? "" : ", " + p.steadyState()) + ")";
            }
            case SKIPPED -> "skipped";
            default -> "FAILED: " + (p.reason() == null ? "" : p.reason().lines().findFirst().orElse(""));
        };
        line(String.format(Locale.ROOT, "%-40s f%d  %s", label, fork + 1, what));
    }

    /** Clears the bar once every phase is done. */
    void done() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    /** The plan's remaining estimate, scaled by how fast the measured forks have gone so far. */
    double secondsLeft() {
        double elapsed = (System.nanoTime() - started) / 1e9;
        double remaining = plannedSeconds - plannedDone;
        return plannedDone > 0 ? remaining * (elapsed / plannedDone) : remaining;
    }

    /** "[#########---------------]  12/36  fork-dot-java-f1  ETA 1m27s" */
    String bar(String current) {
        int filled = total == 0 ? BAR : (int) Math.round(BAR * Math.min(1.0, (double) done / total));
        return String.format(Locale.ROOT, "[%s%s] %4d/%d  %s ETA %s", "#".repeat(filled), "-".repeat(BAR - filled),
                done, total, current == null ? "" : current + " ", duration(secondsLeft()));
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
