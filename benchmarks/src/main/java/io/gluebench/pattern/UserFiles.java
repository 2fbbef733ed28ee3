package io.gluebench.pattern;

import io.gluebench.workload.Workload;

/**
 * Whether a pattern times a workload from a user's Python file (--workload-file), declared with the
 * pattern in the catalogue. A pattern declared without it does not ({@link #NOT}).
 *
 * @param runs      the pattern runs the file's Python
 * @param byDefault it is one of the patterns that time a user's file when the command names none
 * @param rule      when it runs the file, why it cannot run this one (its Python 2.7 syntax, its shape),
 *                  or null when it can; when it does not, the reason, always
 */
public record UserFiles(boolean runs, boolean byDefault, WorkloadRule rule) {
    /** Times a user's file, also when no --pattern is given. */
    public static final UserFiles BY_DEFAULT = new UserFiles(true, true, WorkloadRule.ANY);

    /** Times a user's file when --pattern names it: a labelled variant the default leaves out. */
    public static final UserFiles ON_REQUEST = new UserFiles(true, false, WorkloadRule.ANY);

    /** Does not time a user's file; the reason says what it would need (Java or C, or its own messages). */
    public static final UserFiles NOT = not((pattern, workload, size) -> switch (pattern.family()) {
        case JVM, JNI, FFM -> "a workload from a Python file is Python code only: there is no Java or C "
                + "version of " + workload.name() + " for " + pattern.name() + " to run";
        default -> pattern.name() + " does not run workloads from a Python file";
    });

    /** Does not time a user's file, for {@code reason}. */
    public static UserFiles not(WorkloadRule reason) {
        return new UserFiles(false, false, reason);
    }

    /** The same, refusing a file {@code check} finds a reason against. */
    public UserFiles unless(WorkloadRule check) {
        return new UserFiles(runs, byDefault, check);
    }

    /** Why the pattern does not time {@code workload}, a user's file, at {@code size}; null when it does. */
    public String whyNot(PatternSpec pattern, Workload workload, int size) {
        String why = rule.whyNot(pattern, workload, size);
        return runs || why != null ? why : pattern.name() + " does not run workloads from a Python file";
    }
}
