package io.gluebench.analysis;

/**
 * Something that makes a number less trustworthy, with what to do about it.
 *
 * @param kind    wide-ci, few-samples, high-load, concurrent, misfit, not-settled
 * @param pattern null for run-wide warnings
 * @param size    null for warnings about a whole pattern or run
 */
public record StabilityWarning(String kind, String workload, String pattern, Integer size, String message, String remedy) {
}
