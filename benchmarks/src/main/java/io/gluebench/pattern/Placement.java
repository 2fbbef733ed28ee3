package io.gluebench.pattern;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an out-of-process point's two processes run. On small VMs this is worth more than any
 * protocol detail: waking a process on the other core can cost ~50 µs, a pinned round trip ~5 µs.
 */
public enum Placement {
    /** No pinning: the scheduler decides. */
    FREE("free"),
    /** The JVM fork and its worker both on the first allowed CPU. */
    SAME_CORE("same-core"),
    /** The JVM fork on the first allowed CPU, the worker on the second. */
    SPLIT_CORES("split-cores");

    public static final String PROPERTY = "gluebench.placement";

    private final String id;

    Placement(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Placement> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Placement::id).toList();
    }

    /** The series label of a point: the pattern, suffixed with its placement unless that is free. */
    public static String series(String pattern, String placement) {
        return io.gluebench.result.Series.label(pattern, placement);
    }
}
