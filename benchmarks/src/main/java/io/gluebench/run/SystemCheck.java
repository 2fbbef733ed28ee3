package io.gluebench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the system does to benchmark numbers, as pyperf's {@code system show} reports it: the CPU
 * frequency governor, turbo boost, the load, address-space randomisation and isolated CPUs, each
 * with its state, whether it is good for benchmarking, and what to change when it is not. Reads
 * /sys and /proc under a root (a test gives a fake tree); what the kernel does not expose (most
 * virtual machines have no cpufreq) is said to be unknown, never guessed.
 */
public final class SystemCheck {
    /** One setting: its state, "ok", "warn" or "unknown", and what to change (null when nothing). */
    public record Item(String name, String state, String verdict, String advice) {
    }

    private SystemCheck() {
    }

    /** The checks on this machine now. */
    public static List<Item> now() {
        int cores = Runtime.getRuntime().availableProcessors();
        return of(Path.of("/"), cores, Fingerprint.busyCores(cores));
    }

    /** The checks under root; busyCores is other processes' CPU now (null when unknown). */
    public static List<Item> of(Path root, int cores, Double busyCores) {
        List<Item> out = new ArrayList<>();
        out.add(governor(root));
        out.add(turbo(root));
        out.add(load(root, cores, busyCores));
        out.add(aslr(root));
        out.add(isolated(root));
        return out;
    }

    static Item governor(Path root) {
        TreeMap<String, List<String>> byGovernor = new TreeMap<>();
        Path cpus = root.resolve("sys/devices/system/cpu");
        try (Stream<Path> s = Files.isDirectory(cpus) ? Files.list(cpus) : Stream.empty()) {
            for (Path cpu : s.filter(p -> p.getFileName().toString().matches("cpu\\d+")).sorted().toList()) {
                String g = read(cpu.resolve("cpufreq/scaling_governor"));
                if (g != null) {
                    byGovernor.computeIfAbsent(g, k -> new ArrayList<>()).add(cpu.getFileName().toString().substring(3));
                }
            }
        } catch (IOException e) {
            // unknown below
        }
        if (byGovernor.isEmpty()) {
            return new Item("CPU frequency governor", "not exposed (no cpufreq: a virtual machine sets it on the host)",
                    "unknown", null);
        }
        StringBuilder state = new StringBuilder();
        byGovernor.forEach((g, ids) -> state.append(state.isEmpty() ? "" : "; ").append(g).append(" on CPU ")
                .append(String.join(",", ids)));
        boolean allPerformance = byGovernor.size() == 1 && byGovernor.containsKey("performance");
        return new Item("CPU frequency governor", state.toString(), allPerformance ? "ok" : "warn", allPerformance ? null
                : "the clock moves with the load and times move with it: sudo cpupower frequency-set -g performance "
                        + "(or pyperf system tune); undo with -g " + byGovernor.firstKey());
    }

    static Item turbo(Path root) {
        String noTurbo = read(root.resolve("sys/devices/system/cpu/intel_pstate/no_turbo"));
        if (noTurbo != null) {
            boolean on = !"1".equals(noTurbo);
            return new Item("Turbo boost", on ? "on (intel_pstate)" : "off (intel_pstate)", on ? "warn" : "ok", on
                    ? "the clock depends on temperature and on the other cores: "
                            + "echo 1 | sudo tee /sys/devices/system/cpu/intel_pstate/no_turbo (undo: echo 0)"
                    : null);
        }
        String boost = read(root.resolve("sys/devices/system/cpu/cpufreq/boost"));
        if (boost != null) {
            boolean on = "1".equals(boost);
            return new Item("Turbo boost", on ? "on (cpufreq boost)" : "off (cpufreq boost)", on ? "warn" : "ok", on
                    ? "the clock depends on temperature and on the other cores: "
                            + "echo 0 | sudo tee /sys/devices/system/cpu/cpufreq/boost (undo: echo 1)"
                    : null);
        }
        return new Item("Turbo boost", "not exposed (the host decides)", "unknown", null);
    }

    static Item load(Path root, int cores, Double busyCores) {
        String avg = read(root.resolve("proc/loadavg"));
        String one = avg == null ? null : avg.split("\\s+")[0];
        String state = (busyCores == null ? "" : String.format(Locale.ROOT, "other processes use %.2f of %d cores now",
                busyCores, cores)) + (one == null ? "" : (busyCores == null ? "" : "; ") + "1-minute load average " + one);
        if (state.isEmpty()) {
            return new Item("Load", "unknown", "unknown", null);
        }
        boolean busy = busyCores != null ? busyCores > 0.1 : Double.parseDouble(one) > 0.5;
        return new Item("Load", state, busy ? "warn" : "ok", busy
                ? "other work shares the CPUs and skews the times: stop it before a run (the run also records it)" : null);
    }

    static Item aslr(Path root) {
        String v = read(root.resolve("proc/sys/kernel/randomize_va_space"));
        if (v == null) {
            return new Item("Address space randomisation", "unknown", "unknown", null);
        }
        return new Item("Address space randomisation", "0".equals(v) ? "off" : "on (" + v + ")", "ok",
                null);  // gluebench's forks are the replication unit: layout varies between them by design
    }

    static Item isolated(Path root) {
        String v = read(root.resolve("sys/devices/system/cpu/isolated"));
        if (v == null) {
            return new Item("Isolated CPUs", "unknown", "unknown", null);
        }
        return new Item("Isolated CPUs", v.isEmpty() ? "none" : v, "ok", null);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
