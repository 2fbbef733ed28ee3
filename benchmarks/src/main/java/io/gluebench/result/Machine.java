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
 * @param loadAverage    the 1-minute load average when the run started (it still counts the last minutes'
 *                       work, e.g. a run that just ended)
 * @param busyCoresAtStart the CPU time other processes used in the half second before the run
 *                       started, in cores (0: idle; 1: one core's worth), from /proc/stat less the
 *                       harness's own; null where unreadable and in runs before it was recorded
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
        String origin,
        Double busyCoresAtStart) {

    public Machine {
        caches = caches == null ? List.of() : List.copyOf(caches);
        versions = versions == null ? Map.of() : versions;
    }

    /**
     * Whether other work was running when the run started: half a core or more of CPU used by other
     * processes (the load average where that was not measured, above half the cores).
     */
    public boolean busyAtStart() {
        return busyCoresAtStart != null ? busyCoresAtStart >= 0.25 * cores : loadAverage > cores * 0.5;
    }

    /** What the machine was doing at start, for a warning: "1.2 cores busy" or "a load average of 1.7". */
    public String busyText() {
        return busyCoresAtStart != null
                ? String.format(java.util.Locale.ROOT, "other processes used %.1f of %d cores", busyCoresAtStart, cores)
                : String.format(java.util.Locale.ROOT, "the load average was %.1f on %d cores", loadAverage, cores);
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
                gitDirty, startedAt, loadAverage, null, null, null, null, null, null, List.of(), null, null, null, null);
    }
}
