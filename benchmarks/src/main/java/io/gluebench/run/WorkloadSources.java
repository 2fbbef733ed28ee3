package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of what defines a workload: its pure-Python module, the numpy kernels, the
 * worker's request handling, and the compiled Java classes that generate its inputs and compute
 * its reference. Two runs ran the same workload only if their hashes agree; compare refuses the
 * rest. The Java side is hashed as a whole (one change to the workload package changes every
 * workload's hash): conservative, never silently wrong.
 */
public final class WorkloadSources {
    /** The shared Python files every workload's numpy and worker variants run. */
    static final List<String> SHARED_PYTHON = List.of("gluebench_py/numpy_kernels.py", "gluebench_py/worker.py",
            "gluebench_py/framing.py", "gluebench_py/inputs.py");
    /** The workload package's classes: inputs, references, tolerances, compound results. */
    static final List<String> JAVA_CLASSES = List.of("Workloads", "Workload", "WorkloadInput", "Reference",
            "SplitMix64", "Tolerance", "Compound", "CompoundWire", "ResultKind", "Sale");

    private WorkloadSources() {
    }

    /** 16 hex digits of SHA-256 over the workload's sources; files that are absent count as empty. */
    public static String hash(PatternEnv env, Workload w) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(md, "pure:" + w.pythonModule(), read(env.pureModule(w.pythonModule())));
        for (String f : SHARED_PYTHON) {
            update(md, f, read(env.pythonWorkloads().resolve(f)));
        }
        for (String c : JAVA_CLASSES) {
            update(md, c, classBytes(c));
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static void update(MessageDigest md, String name, byte[] content) {
        md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Long.toString(content.length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(content);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] classBytes(String simpleName) {
        try (InputStream in = Workload.class.getResourceAsStream(simpleName + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
