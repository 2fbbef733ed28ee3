package io.gluebench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Reads the machine's fingerprint and the versions of every runtime gluebench drives. */
public final class Fingerprint {
    private final PatternEnv env;

    public Fingerprint(PatternEnv env) {
        this.env = env;
    }

    /** Versions by name; a runtime that is absent is simply not listed. */
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        Properties built = new Properties();
        try (InputStream in = Fingerprint.class.getResourceAsStream("/io/gluebench/versions.properties")) {
            if (in != null) {
                built.load(in);
            }
        } catch (IOException ignored) {
            // Reported as absent.
        }
        for (String k : List.of("jmh", "graalpy", "jython")) {
            if (built.getProperty(k) != null) {
                v.put(k, built.getProperty(k));
            }
        }
        if (built.getProperty("jep") != null) {
            v.put("jep-java", built.getProperty("jep"));
        }
        if (built.getProperty("pemja") != null) {
            v.put("pemja-java", built.getProperty("pemja"));
        }
        if (built.getProperty("py4j") != null) {
            v.put("py4j-java", built.getProperty("py4j"));
        }
        v.putAll(python());
        String gcc = Exec.output(null, 10, List.of("gcc", "-dumpfullversion"));
        if (gcc != null) {
            v.put("gcc", gcc);
        }
        return v;
    }

    private Map<String, String> python() {
        Map<String, String> v = new LinkedHashMap<>();
        if (!Files.isExecutable(env.venvPython())) {
            return v;
        }
        String script = String.join("\n",
                "import json, sys, sysconfig",
                "from importlib import metadata",
                "d = {'cpython': sys.version.split()[0],",
                "     'cpython-shared': str(bool(sysconfig.get_config_var('Py_ENABLE_SHARED')))}",
                "for name in ('numpy', 'jep', 'pemja', 'py4j'):",
                "    try:",
                "        d[name] = metadata.version(name)",
                "    except Exception:",
                "        pass",
                "try:",
                "    import numpy",
                "    blas = numpy.show_config(mode='dicts')['Build Dependencies']['blas']",
                "    d['numpy-blas'] = ' '.join(str(blas.get(k, '')) for k in ('name', 'version')).strip()",
                "except Exception:",
                "    pass",
                "print(json.dumps(d))");
        String out = Exec.output(null, 30, List.of(env.venvPython().toString(), "-c", script));
        if (out == null) {
            return v;
        }
        try {
            String line = out.lines().reduce((a, b) -> b).orElse("{}");
            Map<?, ?> m = new ObjectMapper().readValue(line, Map.class);
            m.forEach((k, val) -> v.put(String.valueOf(k), String.valueOf(val)));
        } catch (IOException ignored) {
            // Reported as absent.
        }
        return v;
    }

    public Machine machine(Map<String, String> versions, Instant startedAt) {
        return machine(versions, startedAt, null);
    }

    /**
     * The CPU time other processes use, in cores, over half a second: the busy ticks of /proc/stat's
     * "cpu" line less this process's own (/proc/self/stat), over all ticks, times the cores. Unlike the
     * load average it does not remember the last minutes (a run that just ended). Null off Linux.
     */
    static Double busyCores(int cores) {
        long[] a = cpuTicks();
        long selfA = selfTicks();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        long[] b = cpuTicks();
        long selfB = selfTicks();
        if (a == null || b == null || selfA < 0 || selfB < 0 || b[1] <= a[1]) {
            return null;
        }
        double others = Math.max(0, (b[0] - a[0]) - (selfB - selfA));
        return Math.round(others / (b[1] - a[1]) * cores * 100) / 100.0;
    }

    /** {busy, total} ticks of all CPUs, or null. */
    private static long[] cpuTicks() {
        try {
            String line = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < f.length; i++) {
                long v = Long.parseLong(f[i]);
                if (i <= 8) {       // user nice system idle iowait irq softirq steal (guest is inside user)
                    total += v;
                }
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** This process's user and system ticks (all threads), or -1. */
    private static long selfTicks() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);     // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fingerprint; machineName (checked by {@link #checkMachineName}) overrides the derived id. */
    public Machine machine(Map<String, String> versions, Instant startedAt, String machineName) {
        String cpu = cpuModel();
        int cores = Runtime.getRuntime().availableProcessors();
        long mem = memoryBytes();
        String host = hostname();
        Map<String, String> info = cpuInfo();
        Integer physical = physicalCores(info);
        Integer threads = threadsPerCore(info, physical);
        List<String> caches = caches();
        String git = Exec.output(env.home(), 10, List.of("git", "rev-parse", "HEAD"));
        String status = Exec.output(env.home(), 10, List.of("git", "status", "--porcelain", "--", ".", ":(exclude)results"));
        return new Machine(
                machineName != null ? machineName : machineId(host, cpu, cores, mem, physical, caches),
                host,
                cpu,
                cores,
                mem,
                osName(),
                System.getProperty("os.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.runtime.version"),
                versions,
                git == null ? "unknown" : git,
                status == null || !status.isBlank(),
                startedAt.toString(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                physical,
                threads,
                mhz(CPUFREQ.resolve("base_frequency")),
                mhz(CPUFREQ.resolve("cpuinfo_max_freq")),
                readFirst(CPUFREQ.resolve("scaling_governor")),
                turbo(),
                caches,
                virtualization(info),
                readFirst(env.home().resolve("native/target/build-flags.txt")),
                null,
                busyCores(cores));
    }

    private static final Path CPUFREQ = Path.of("/sys/devices/system/cpu/cpu0/cpufreq");
    /** A name the user gives a folder: a machine's results, a baseline. */
    static final java.util.regex.Pattern MACHINE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Null if name can be a machine id (a folder name under results/), else why not, with the fix. */
    public static String checkMachineName(String name) {
        if (name == null || MACHINE_NAME.matcher(name).matches()) {
            return null;
        }
        return "--machine-name '" + name + "' is not a folder name gluebench will use: give 1 to 64 letters, digits, "
                + "'.', '_' or '-', starting with a letter or digit (e.g. --machine-name ci-runner-2)";
    }

    /** The first processor's fields of /proc/cpuinfo. */
    private static Map<String, String> cpuInfo() {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.isBlank()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    m.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException ignored) {
            // Unreadable: the fields stay null.
        }
        return m;
    }

    private static Integer physicalCores(Map<String, String> info) {
        try {
            long sockets;
            try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
                sockets = lines.filter(l -> l.startsWith("physical id")).distinct().count();
            }
            int perSocket = Integer.parseInt(info.getOrDefault("cpu cores", ""));
            return (int) Math.max(1, sockets) * perSocket;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static Integer threadsPerCore(Map<String, String> info, Integer physical) {
        try {
            int siblings = Integer.parseInt(info.getOrDefault("siblings", ""));
            int perSocket = Integer.parseInt(info.getOrDefault("cpu cores", ""));
            return perSocket > 0 ? Math.max(1, siblings / perSocket) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "L1d 32K", "L1i 32K", "L2 512K", "L3 32768K" from sysfs, cpu0's view. */
    static List<String> caches() {
        List<String> out = new java.util.ArrayList<>();
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path idx = dir.resolve("index" + i);
            String level = readFirst(idx.resolve("level"));
            String type = readFirst(idx.resolve("type"));
            String size = readFirst(idx.resolve("size"));
            if (level == null || size == null) {
                continue;
            }
            String suffix = "Data".equals(type) ? "d" : "Instruction".equals(type) ? "i" : "";
            out.add("L" + level + suffix + " " + size);
        }
        return out;
    }

    private static Double mhz(Path khzFile) {
        String s = readFirst(khzFile);
        try {
            return s == null ? null : Long.parseLong(s) / 1000.0;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String turbo() {
        String noTurbo = readFirst(Path.of("/sys/devices/system/cpu/intel_pstate/no_turbo"));
        if (noTurbo != null) {
            return "1".equals(noTurbo) ? "off" : "on";
        }
        String boost = readFirst(Path.of("/sys/devices/system/cpu/cpufreq/boost"));
        if (boost != null) {
            return "1".equals(boost) ? "on" : "off";
        }
        return null;
    }

    /** "kvm", "kvm, docker", "none": systemd-detect-virt where present, else the hypervisor flag and container marks. */
    private static String virtualization(Map<String, String> info) {
        String vm = Exec.output(null, 5, List.of("systemd-detect-virt", "--vm"));
        String container = Exec.output(null, 5, List.of("systemd-detect-virt", "--container"));
        vm = vm == null ? null : vm.strip();
        container = container == null ? null : container.strip();
        if (vm == null || vm.isEmpty()) {
            vm = info.getOrDefault("flags", "").contains(" hypervisor") ? "a hypervisor" : null;
        }
        if (container == null || container.isEmpty() || "none".equals(container)) {
            container = Files.exists(Path.of("/.dockerenv")) ? "docker"
                    : Files.exists(Path.of("/run/.containerenv")) ? "podman" : container;
        }
        List<String> parts = new java.util.ArrayList<>();
        if (vm != null && !"none".equals(vm)) {
            parts.add(vm);
        }
        if (container != null && !"none".equals(container)) {
            parts.add(container);
        }
        if (parts.isEmpty()) {
            return vm == null && container == null ? null : "none";
        }
        return String.join(", ", parts);
    }

    /**
     * The hostname (as a folder-safe slug) and 6 hex digits of a hash of the hardware fields: the
     * CPU model, logical and physical cores, memory in GiB and the caches. Stable across runs and
     * reboots; it changes when the hardware (or the VM's shape) does.
     */
    static String machineId(String host, String cpu, int cores, long mem, Integer physical, List<String> caches) {
        String slug = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceAll("\\..*", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 32) {
            slug = slug.substring(0, 32).replaceAll("-+$", "");
        }
        String hardware = String.join("|", cpu, Integer.toString(cores), String.valueOf(physical),
                Long.toString(Math.round(mem / (1024.0 * 1024 * 1024))), String.join(",", caches));
        return (slug.isEmpty() ? "host" : slug) + "-" + sha(hardware).substring(0, 6);
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // Fall through.
        }
        return System.getProperty("os.arch");
    }

    private static long memoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // Fall through.
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "");
                }
            }
        } catch (IOException ignored) {
            // Fall through.
        }
        return System.getProperty("os.name");
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String readFirst(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
