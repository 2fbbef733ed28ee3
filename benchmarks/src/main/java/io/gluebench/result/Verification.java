package io.gluebench.result;

/**
 * One pattern's answer for one workload and size, beside the Java reference.
 *
 * @param value     the pattern's answer, as text (exact digits), or null when it gave none
 * @param reference the Java reference's answer
 * @param ok        whether they agree under the workload's comparison rule
 * @param engine    what actually ran (e.g. GraalPy's compiler name), may be empty
 * @param error     why there is no answer, or null
 * @param structured the answer as data: a number, or for compound results an object with named
 *                   fields (fannkuch: {"checksum", "maxFlips"}); null when there is no answer
 */
public record Verification(
        String workload, String pattern, int size,
        String value, String reference, boolean ok, String engine, String error, Object structured) {
}
