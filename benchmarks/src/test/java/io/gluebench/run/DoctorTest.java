package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.pattern.Need;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.Patterns;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine without the runtimes: patterns are skipped with the reason and the fix, never a crash. */
class DoctorTest {
    @TempDir
    Path emptyHome;

    @Test
    void missingRuntimesSkipTheirPatternsWithAReason() {
        Doctor d = new Doctor(new PatternEnv(emptyHome, false), Map.of("jdk", "25"));
        assertTrue(d.check(Patterns.byName("java").orElseThrow()).available());
        var jni = d.check(Patterns.byName("jni").orElseThrow());
        assertFalse(jni.available());
        assertTrue(jni.reason().contains("libgluebench.so") && jni.reason().contains("./gluebench setup"), jni.reason());
        var numpy = d.check(Patterns.byName("jep-numpy").orElseThrow());
        assertFalse(numpy.available());
        assertTrue(numpy.reason().contains("venv"), numpy.reason());
        var pemja = d.check(Patterns.byName("pemja-python").orElseThrow());
        assertFalse(pemja.available());
        assertTrue(pemja.reason().contains("pemja not installed in the venv; run ./gluebench setup"), pemja.reason());
        var nativePython = d.check(Patterns.byName("jep-native").orElseThrow());
        assertFalse(nativePython.available());
        assertTrue(nativePython.reason().contains("_gluebench_native") && nativePython.reason().contains("./gluebench setup"),
                nativePython.reason());
        var py4j = d.check(Patterns.byName("py4j-python").orElseThrow());
        assertFalse(py4j.available());
        assertTrue(py4j.reason().contains("py4j not installed in the venv; run ./gluebench setup"), py4j.reason());
        var graalpy = d.check(Patterns.byName("graalpy").orElseThrow());
        assertFalse(graalpy.available());
        assertTrue(graalpy.reason().contains("graal-jit"), graalpy.reason());
    }

    @Test
    void capabilitiesNameEveryPlacementTransportAndMeasurementWithTheFix() {
        Doctor d = new Doctor(new PatternEnv(emptyHome, false), Map.of("jdk", "25"));
        var caps = d.capabilities();
        assertTrue(caps.stream().map(c -> c.kind() + ":" + c.name()).toList().containsAll(java.util.List.of(
                "placement:free", "placement:same-core", "placement:split-cores", "transport:pipe", "transport:uds",
                "transport:shm", "floor:pingpong-probe", "measurement:startup", "measurement:callers")));
        var probe = caps.stream().filter(c -> c.name().equals("pingpong-probe")).findFirst().orElseThrow();
        assertFalse(probe.available(), "an empty home has no probe");
        assertTrue(probe.reason().contains("./gluebench setup"), probe.reason());
        caps.stream().filter(c -> !c.available())
                .forEach(c -> assertTrue(c.reason() != null && !c.reason().isBlank(), c.name() + " says why"));
    }

    @Test
    void aJepVersionMismatchIsReported() throws Exception {
        Path lib = emptyHome.resolve("python-workloads/.venv/lib/python3.11/site-packages/jep/libjep.so");
        java.nio.file.Files.createDirectories(lib.getParent());
        java.nio.file.Files.writeString(lib, "");
        PatternEnv env = new PatternEnv(emptyHome, false);
        assertTrue(new Doctor(env, Map.of("jep", "4.3.1", "jep-java", "4.3.1")).check(Need.JEP) == null);
        String why = new Doctor(env, Map.of("jep", "4.2.0", "jep-java", "4.3.1")).check(Need.JEP);
        assertTrue(why != null && why.contains("Jep 4.2.0 in the venv does not match the Jep 4.3.1 jar"), why);
    }

    @Test
    void pemjaNeedsItsNativeHalfAtThePinnedVersion() throws Exception {
        Path pkg = emptyHome.resolve("python-workloads/.venv/lib/python3.11/site-packages/pemja");
        java.nio.file.Files.createDirectories(pkg);
        PatternEnv env = new PatternEnv(emptyHome, false);
        java.nio.file.Files.writeString(pkg.resolve("pemja_core.cpython-311-x86_64-linux-gnu.so"), "");
        String why = new Doctor(env, Map.of()).check(Need.PEMJA);
        assertTrue(why != null && why.contains("pemja not installed in the venv"), why);
        java.nio.file.Files.writeString(pkg.resolve("pemja_utils.cpython-311-x86_64-linux-gnu.so"), "");
        java.nio.file.Files.createDirectories(pkg.resolveSibling("find_libpython"));
        java.nio.file.Files.writeString(emptyHome.resolve("python-workloads/requirements.txt"), "numpy==2.4.6\npemja==0.6.3\n");
        assertTrue(new Doctor(env, Map.of("pemja", "0.6.3")).check(Need.PEMJA) == null);
        why = new Doctor(env, Map.of("pemja", "0.6.0")).check(Need.PEMJA);
        assertTrue(why != null && why.contains("pemja 0.6.0 in the venv is not the pinned pemja==0.6.3"), why);
    }

    @Test
    void py4jNeedsItsPythonHalfAtTheJarsVersion() throws Exception {
        Path pkg = emptyHome.resolve("python-workloads/.venv/lib/python3.11/site-packages/py4j");
        PatternEnv env = new PatternEnv(emptyHome, false);
        String why = new Doctor(env, Map.of()).check(Need.PY4J);
        assertTrue(why != null && why.contains("py4j not installed in the venv"), why);
        java.nio.file.Files.createDirectories(pkg);
        java.nio.file.Files.writeString(pkg.resolve("clientserver.py"), "");
        assertTrue(new Doctor(env, Map.of("py4j", "0.10.9.9", "py4j-java", "0.10.9.9")).check(Need.PY4J) == null);
        why = new Doctor(env, Map.of("py4j", "0.10.9.7", "py4j-java", "0.10.9.9")).check(Need.PY4J);
        assertTrue(why != null && why.contains("py4j 0.10.9.7 in the venv does not match the Py4J 0.10.9.9 jar"), why);
    }
}
