package io.gluebench.pattern;

import io.gluebench.workload.Workload;

/**
 * A rule a pattern declares in the catalogue about the workloads it runs, whatever the machine has:
 * why it cannot run a workload at a size, or null when it can. {@code run/Applicability} applies it.
 */
@FunctionalInterface
public interface WorkloadRule {
    /** The rule of a pattern that runs every workload. */
    WorkloadRule ANY = (pattern, workload, size) -> null;

    /** Why {@code pattern} cannot run {@code workload} at {@code size}, or null when it can. */
    String whyNot(PatternSpec pattern, Workload workload, int size);
}
