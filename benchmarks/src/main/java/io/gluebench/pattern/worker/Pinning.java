package io.gluebench.pattern.worker;

import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies a {@link Placement} with the OS's affinity tool (taskset, util-linux): pins every thread
 * of this JVM to one CPU and returns the prefix that starts the worker pinned. Placement is per
 * fork, and a fork runs one point, so the pinning never leaks into another measurement.
 */
public final class Pinning {
    private Pinning() {
    }

    /** The command prefix for the worker ("taskset -c N"), empty for free placement. */
    static List<String> apply(Placement placement) throws PatternException {
        if (placement == Placement.FREE) {
            return List.of();
        }
        List<Integer> cpus = allowedCpus();
        if (placement == Placement.SPLIT_CORES && cpus.size() < 2) {
            throw new PatternException("placement split-cores needs two CPUs, this process may use " + cpus);
        }
        int jvmCpu = cpus.get(0);
        int workerCpu = placement == Placement.SAME_CORE ? jvmCpu : cpus.get(1);
        run(List.of("taskset", "-a", "-p", "-c", Integer.toString(jvmCpu), Long.toString(ProcessHandle.current().pid())));
        return List.of("taskset", "-c", Integer.toString(workerCpu));
    }

    private static void run(List<String> cmd) throws PatternException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new PatternException("pinning failed (" + String.join(" ", cmd) + "): " + out.strip());
            }
        } catch (IOException e) {
            throw new PatternException("placement needs taskset (util-linux): " + e.getMessage()
                    + "; install util-linux or use --placement free", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatternException("interrupted while pinning", e);
        }
    }

    /** The CPUs this process was allowed before it pinned itself: a fact of the process, read once. */
    private static List<Integer> original;

    /**
     * The CPUs this process may run on, from /proc/self/status (Cpus_allowed_list, e.g. "0-1,4"),
     * as they were before the first pinning: a fork that verifies several cases pins itself more
     * than once.
     */
    public static synchronized List<Integer> allowedCpus() throws PatternException {
        if (original == null) {
            original = List.copyOf(readAllowedCpus());
        }
        return original;
    }

    private static List<Integer> readAllowedCpus() throws PatternException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseCpuList(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new PatternException("cannot read the allowed CPUs: " + e.getMessage(), e);
        }
        throw new PatternException("cannot read the allowed CPUs: no Cpus_allowed_list in /proc/self/status");
    }

    static List<Integer> parseCpuList(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
            for (int c = from; c <= to; c++) {
                out.add(c);
            }
        }
        return out;
    }
}
