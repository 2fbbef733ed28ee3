package io.gluebench.result;

/** A pattern this machine cannot run, with the reason and the fix. */
public record SkippedPattern(String pattern, String reason) {
}
