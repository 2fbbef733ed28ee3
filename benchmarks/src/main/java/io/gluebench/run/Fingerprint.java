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
        String cpu = cpuModel();
        int cores = Runtime.getRuntime().availableProcessors();
        long mem = memoryBytes();
        String host = hostname();
        String git = Exec.output(env.home(), 10, List.of("git", "rev-parse", "HEAD"));
        String status = Exec.output(env.home(), 10, List.of("git", "status", "--porcelain", "--", ".", ":(exclude)results"));
        return new Machine(
                machineId(cpu, cores, mem, host),
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
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String machineId(String cpu, int cores, long mem, String host) {
        String slug = cpu.toLowerCase(Locale.ROOT)
                .replaceAll("\\(r\\)|\\(tm\\)|cpu|processor|\\d+-core", " ")
                .replaceAll("@.*", " ")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 32) {
            slug = slug.substring(0, 32).replaceAll("-+$", "");
        }
        String identity = readFirst(Path.of("/etc/machine-id"));
        if (identity == null || identity.isBlank()) {
            identity = host;
        }
        return (slug.isEmpty() ? "cpu" : slug) + "-" + cores + "c-" + Math.round(mem / (1024.0 * 1024 * 1024)) + "g-"
                + sha(identity).substring(0, 6);
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
