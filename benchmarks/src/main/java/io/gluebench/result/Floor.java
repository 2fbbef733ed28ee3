package io.gluebench.result;

/**
 * The raw floor of a mechanism measured on the same machine in the same run: a bare JNI or FFM
 * no-op, a C pipe ping-pong. A pattern's no-op round trip is read against it.
 *
 * @param name      e.g. jni_noop, pipe_pingpong_same-core
 * @param nsPerOp   median (probe) or mean (JMH) time of one round trip, in ns
 * @param spread    the probe's p10..p90 width or JMH's error, in ns
 * @param source    jmh or probe
 */
public record Floor(String name, String mechanism, double nsPerOp, double spread, String source, String note) {
}
