package io.gluebench.result;

/**
 * A line of a chart or a row of a table: a pattern at one placement of its processes. Its label is
 * the pattern's name, with the placement after an '@' when the placement is not the free default
 * ("worker-python@same-core"). The label is built from the two fields and only ever shown or
 * matched whole, never split: a point stores its pattern and its placement apart.
 */
public final class Series {
    /** The placement that leaves the label bare: no pinning, the scheduler decides. */
    public static final String FREE = "free";

    private Series() {
    }

    public static String label(String pattern, String placement) {
        return placement == null || placement.equals(FREE) ? pattern : pattern + "@" + placement;
    }
}
