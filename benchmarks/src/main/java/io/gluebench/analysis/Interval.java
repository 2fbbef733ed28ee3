package io.gluebench.analysis;

/** A confidence interval [lo, hi] at {@link #level} (e.g. 0.95). */
public record Interval(double lo, double hi, double level) {
    public boolean contains(double v) {
        return v >= lo && v <= hi;
    }
}
