package io.gluebench.pattern;

/**
 * The timed call: one crossing and back. Returns the answer's raw 64 bits (see ResultKind) so that
 * nothing is boxed on the hot path.
 */
@FunctionalInterface
public interface Call {
    long invoke() throws Exception;
}
