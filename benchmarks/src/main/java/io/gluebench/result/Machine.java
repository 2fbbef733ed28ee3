package io.gluebench.result;

import java.util.List;
import java.util.Map;

/**
 * The machine fingerprint of a run: enough to tell whether two runs can be compared, and what
 * differed when they cannot. Fields that could not be read are null (never guessed).
 *
 * @param id             stable across runs on one machine and human-readable (the hostname and a
 *                       short hash of the hardware fields, or the user's --machine-name); names the
 *                       results/ folder
 * @param cores          logical CPUs the JVM sees
 * @param physicalCores  physical cores (cores per socket x sockets), null if unreadable
 * @param threadsPerCore hardware threads per core (SMT), null if unreadable
 * @param cpuBaseMhz     base frequency, null if unreadable (most VMs)
 * @param cpuMaxMhz      maximum frequency, null if unreadable
 * @param governor       the cpufreq governor of cpu0, null if there is none (most VMs)
 * @param turbo          "on" or "off" where the kernel says, else null
 * @param caches         per level: "L1d 32K", "L1i 32K", "L2 512K", "L3 32768K"
 * @param virtualization hypervisor and container, e.g. "kvm, docker"; "none" on bare metal; null
 *                       if it could not be told
 * @param versions       runtime versions by name: jdk, cpython, numpy, numpy-blas, jep, pemja,
 *                       graalpy, jython, gcc, jmh
 * @param nativeFlags    the compiler and flags native/ was built with
 * @param loadAverage    the 1-minute load average when the run started
 * @param origin         null for a run measured by gluebench; "imported from FILE" for one made by
 *                       `gluebench import` (its unknown fields are null)
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
        double loadAverage,
        Integer physicalCores,
        Integer threadsPerCore,
        Double cpuBaseMhz,
        Double cpuMaxMhz,
        String governor,
        String turbo,
        List<String> caches,
        String virtualization,
        String nativeFlags,
        String origin) {

    public Machine {
        caches = caches == null ? List.of() : List.copyOf(caches);
        versions = versions == null ? Map.of() : versions;
    }

    /** Whether other describes the same hardware: CPU model, logical CPUs and memory within 1 GiB. */
    public boolean hardwareMatches(Machine other) {
        return java.util.Objects.equals(cpuModel, other.cpuModel) && cores == other.cores
                && Math.abs(memoryBytes - other.memoryBytes) < (1L << 30);
    }

    /** A fingerprint with the fields of the first format only (tests, older runs). */
    public Machine(String id, String hostname, String cpuModel, int cores, long memoryBytes, String os, String kernel,
            String jdkVendor, String jdkVersion, Map<String, String> versions, String gitCommit, boolean gitDirty,
            String startedAt, double loadAverage) {
        this(id, hostname, cpuModel, cores, memoryBytes, os, kernel, jdkVendor, jdkVersion, versions, gitCommit,
                gitDirty, startedAt, loadAverage, null, null, null, null, null, null, List.of(), null, null, null);
    }
}
