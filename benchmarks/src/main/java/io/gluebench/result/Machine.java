package io.gluebench.result;

import java.util.Map;

/**
 * The machine fingerprint of a run: enough to tell whether two runs can be compared.
 *
 * @param id        stable across runs on one machine; names the results/ folder
 * @param versions  runtime versions by name: jdk, cpython, numpy, jep, graalpy, jython, gcc, jmh
 * @param loadAverage the 1-minute load average when the run started
 */
public record Machine(
        String id,
        String hostname,
        String cpuModel,
        int cores,
        long memoryBytes,
        String os,
        String kernel,
        String jdkVendor,
        String jdkVersion,
        Map<String, String> versions,
        String gitCommit,
        boolean gitDirty,
        String startedAt,
        double loadAverage) {
}
