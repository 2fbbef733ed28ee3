package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Compound;
import io.gluebench.workload.CompoundWire;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Shape;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import io.gluebench.workload.Workloads;
import io.gluebench.workload.builtin.BuiltinWorkload;
import io.gluebench.workload.builtin.CompoundWorkload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of what defines a workload: its pure-Python module, the numpy kernels, the
 * worker's request handling, and the compiled Java classes that generate its inputs and compute
 * its reference. Two runs ran the same workload only if their hashes agree; compare refuses the
 * rest. The Java side is hashed as a whole, every built-in workload's class included (one change to
 * the workload package changes every workload's hash): conservative, never silently wrong.
 */
public final class WorkloadSources {
    /** The shared Python files every workload's numpy and worker variants run. */
    static final List<String> SHARED_PYTHON = List.of("gluebench_py/numpy_kernels.py", "gluebench_py/worker.py",
            "gluebench_py/framing.py", "gluebench_py/inputs.py");
    /** The workload package's shared classes: inputs, tolerances, compound results, the list, the shapes. */
    static final List<Class<?>> SHARED_JAVA = List.of(Workloads.class, Workload.class, WorkloadInput.class,
            SplitMix64.class, Tolerance.class, Compound.class, CompoundWire.class, ResultKind.class, Sale.class,
            Shape.class, BuiltinWorkload.class, CompoundWorkload.class);

    /** The shared classes, then each built-in workload's own: its generator and its reference. */
    static List<Class<?>> javaClasses() {
        List<Class<?>> out = new ArrayList<>(SHARED_JAVA);
        Workloads.ALL.forEach(w -> out.add(w.getClass()));
        return out;
    }

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
        for (Class<?> c : javaClasses()) {
            update(md, c.getSimpleName(), classBytes(c));
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

    static byte[] classBytes(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
