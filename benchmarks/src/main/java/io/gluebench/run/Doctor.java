package io.gluebench.run;

import io.gluebench.pattern.Need;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which runtimes this machine has, checked without loading any of them into this JVM: files,
 * classes on the classpath, and one run of the project's Python. Each pattern is available or
 * skipped with the reason and the fix.
 */
public final class Doctor {
    private final PatternEnv env;
    private final Map<Need, String> missing = new LinkedHashMap<>();
    private final Map<String, String> versions;

    /** One pattern's verdict. */
    public record Availability(String pattern, String family, boolean available, String reason) {
    }

    public Doctor(PatternEnv env, Map<String, String> versions) {
        this.env = env;
        this.versions = versions;
        for (Need need : Need.values()) {
            String why = check(need);
            if (why != null) {
                missing.put(need, why);
            }
        }
    }

    /** Why a need is not met here, or null when it is. */
    String check(Need need) {
        return switch (need) {
            case NATIVE_LIBRARY -> file(env.nativeLibrary(), need);
            case JYTHON -> onClasspath("org.python.util.PythonInterpreter", need);
            case GRAALPY -> onClasspath("org.graalvm.polyglot.Context", need);
            case GRAAL_JIT -> graalJit(need);
            case VENV -> Files.isExecutable(env.venvPython()) ? null
                    : "missing " + need.what() + " at " + env.venvPython() + "; " + need.fix();
            case NUMPY -> versions.containsKey("numpy") ? null : "missing " + need.what() + "; " + need.fix();
            case JEP -> {
                Path lib = env.jepLibrary();
                String py = versions.get("jep");
                String jar = versions.get("jep-java");
                if (lib == null || !Files.isRegularFile(lib)) {
                    yield "missing " + need.what() + "; " + need.fix();
                }
                yield py != null && jar != null && !py.equals(jar)
                        ? "Jep " + py + " in the venv does not match the Jep " + jar + " jar; " + need.fix()
                        : null;
            }
            case PEMJA -> pemja(need);
            case NATIVE_PYTHON -> env.nativePythonExtension() != null ? null
                    : "missing " + need.what() + "; " + need.fix();
            case PY4J -> py4j(need);
        };
    }

    /**
     * PEMJA's native half, as the jar looks for it (pemja_core and pemja_utils in the venv's pemja
     * package, find-libpython beside it), at the version python-workloads/requirements.txt pins. The
     * jar (0.6.0, Maven Central's newest) and the wheel (0.6.3) differ on purpose: same C API.
     */
    private String pemja(Need need) {
        Path pkg = env.pemjaPackage();
        if (pkg == null || !hasFile(pkg, "pemja_core.") || !hasFile(pkg, "pemja_utils.")
                || !Files.isDirectory(pkg.resolveSibling("find_libpython"))) {
            return "pemja not installed in the venv; " + need.fix();
        }
        String installed = versions.get("pemja");
        String pinned = pinned("pemja");
        return installed != null && pinned != null && !installed.equals(pinned)
                ? "pemja " + installed + " in the venv is not the pinned pemja==" + pinned
                        + " (python-workloads/requirements.txt); " + need.fix()
                : null;
    }

    /** Py4J's two halves: the jar on the classpath and the py4j package in the venv, one release. */
    private String py4j(Need need) {
        String jarMissing = onClasspath("py4j.ClientServer", need);
        if (jarMissing != null) {
            return jarMissing;
        }
        Path sp = env.sitePackages();
        if (sp == null || !Files.isRegularFile(sp.resolve("py4j/clientserver.py"))) {
            return "py4j not installed in the venv; " + need.fix();
        }
        String py = versions.get("py4j");
        String jar = versions.get("py4j-java");
        return py != null && jar != null && !py.equals(jar)
                ? "py4j " + py + " in the venv does not match the Py4J " + jar + " jar; " + need.fix()
                : null;
    }

    private static boolean hasFile(Path dir, String prefix) {
        try (var s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The version python-workloads/requirements.txt pins for a package, or null. */
    private String pinned(String pkg) {
        try {
            for (String line : Files.readAllLines(env.pythonWorkloads().resolve("requirements.txt"))) {
                String l = line.strip();
                if (l.startsWith(pkg + "==")) {
                    return l.substring(pkg.length() + 2).strip();
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    private String graalJit(Need need) {
        Path dir = env.graalJitDir();
        String[] jars = {"compiler-", "truffle-compiler-", "collections-", "word-"};
        List<String> absent = new ArrayList<>();
        for (String prefix : jars) {
            boolean found = false;
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    found = s.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
                } catch (java.io.IOException e) {
                    found = false;
                }
            }
            if (!found) {
                absent.add(prefix + "*.jar");
            }
        }
        return absent.isEmpty() ? null
                : "missing " + String.join(", ", absent) + " in " + dir + " (GraalPy's JIT); " + need.fix();
    }

    private static String file(Path p, Need need) {
        return Files.isRegularFile(p) ? null : "missing " + need.what() + "; " + need.fix();
    }

    private static String onClasspath(String cls, Need need) {
        try {
            Class.forName(cls, false, Doctor.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "missing " + need.what() + "; " + need.fix();
        }
    }

    public Availability check(PatternSpec spec) {
        List<String> reasons = new ArrayList<>();
        for (Need need : spec.needs()) {
            if (missing.containsKey(need)) {
                reasons.add(missing.get(need));
            }
        }
        return new Availability(spec.name(), spec.family().label(), reasons.isEmpty(), reasons.isEmpty() ? null : String.join("; ", reasons));
    }

    /**
     * What a run can measure besides the patterns: each placement, each worker transport, the C
     * floor probe, start-up and callers; available, or not with the reason and the fix.
     *
     * @param kind placement, transport, floor or measurement
     */
    public record Capability(String name, String kind, boolean available, String reason) {
    }

    public List<Capability> capabilities() {
        List<Capability> out = new ArrayList<>();
        boolean taskset = onPath("taskset");
        int cpus;
        try {
            cpus = io.gluebench.pattern.worker.Pinning.allowedCpus().size();
        } catch (io.gluebench.pattern.PatternException e) {
            cpus = 0;
        }
        String noTaskset = "needs taskset (util-linux) on PATH; install util-linux or use --placement free";
        out.add(new Capability("free", "placement", true, null));
        out.add(new Capability("same-core", "placement", taskset && cpus >= 1, !taskset ? noTaskset
                : cpus >= 1 ? null : "cannot read this process's CPUs from /proc/self/status; use --placement free"));
        out.add(new Capability("split-cores", "placement", taskset && cpus >= 2, !taskset ? noTaskset
                : cpus >= 2 ? null : "needs two CPUs, this process may use " + cpus + "; give the machine a second core"
                        + " or use --placement same-core"));
        out.add(new Capability("pipe", "transport", true, null));
        out.add(new Capability("uds", "transport", Runtime.version().feature() >= 16, null));
        Path shm = Path.of("/dev/shm");
        out.add(new Capability("shm", "transport", true, Files.isDirectory(shm) && Files.isWritable(shm) ? null
                : "no writable /dev/shm: the mapping lives in the temp directory instead (still shared memory, on disk"
                        + " if the temp directory is not tmpfs)"));
        Path probe = env.pingpongProbe();
        out.add(new Capability("pingpong-probe", "floor", Files.isExecutable(probe),
                Files.isExecutable(probe) ? null : "the C floor probe is missing (" + probe + "); run ./gluebench setup"));
        out.add(new Capability("startup", "measurement", true, null));
        out.add(new Capability("callers", "measurement", true, cpus >= 2 ? null
                : "one CPU: two callers cannot run in parallel here, the factor reads at most 1"));
        return out;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public List<Availability> all() {
        return Patterns.ALL.stream().map(this::check).toList();
    }

    public Map<String, String> versions() {
        return versions;
    }
}
