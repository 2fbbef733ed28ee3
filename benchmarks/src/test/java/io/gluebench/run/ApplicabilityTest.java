package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.pattern.Need;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.UserFiles;
import io.gluebench.pattern.jvm.JavaPattern;
import io.gluebench.result.Family;
import io.gluebench.result.Kind;
import io.gluebench.workload.Shape;
import io.gluebench.workload.UserWorkload;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Nbody;
import io.gluebench.workload.builtin.Records;
import io.gluebench.workload.builtin.Sort;
import io.gluebench.workload.builtin.Wordfreq;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which workloads the patterns run, and the reasons they give for the others: the rules each pattern
 * declares in the catalogue (PatternSpec), applied by Applicability. The sets written out here are
 * the lists Applicability, UserWorkloads and SoakCommand kept before the rules moved into the
 * catalogue: deriving them from the specs must give the same patterns.
 */
class ApplicabilityTest {
    private static Set<String> applicable(String pattern) {
        PatternSpec spec = Patterns.byName(pattern).orElseThrow();
        return Set.copyOf(Workloads.ALL.stream().filter(w -> Applicability.notApplicable(spec, w) == null)
                .map(Workload::name).toList());
    }

    private static String reason(String pattern, Workload w) {
        return Applicability.notApplicable(Patterns.byName(pattern).orElseThrow(), w);
    }

    @Test
    void jepListRunsWhereAnArrayCrosses() {
        assertEquals(Set.of("echo", "dot", "matmul", "sort"), applicable("jep-list"));
        assertEquals("only N crosses for nbody, so jep-list would equal jep-python", reason("jep-list", new Nbody()));
        assertEquals("records passes records, not an array, so jep-list has nothing to turn into a list",
                reason("jep-list", new Records()));
        assertTrue(reason("jep-list", new Wordfreq()).contains("passes a text"));
    }

    @Test
    void theScalarLoopExistsOnlyWherePeopleWriteIt() {
        assertEquals(Set.of("echo", "dot", "matmul"), applicable("jep-numpy-scalar-loop"));
        assertTrue(reason("jep-numpy-scalar-loop", new Sort()).startsWith("no per-element numpy loop for sort"));
    }

    @Test
    void theCKernelsFromPythonRunEveryWorkloadAndTheNumpyCopyFollowsTheNumpyVariant() {
        Set<String> all = Set.copyOf(Workloads.ALL.stream().map(Workload::name).toList());
        for (String p : List.of("jep-native", "jep-ctypes")) {
            assertEquals(all, applicable(p), p);
        }
        assertEquals(applicable("jep-numpy"), applicable("jep-numpy-copy"));
        assertNull(reason("jep-numpy-copy", new Dot()));
    }

    private static Set<String> declared(java.util.function.Predicate<PatternSpec> rule) {
        return Set.copyOf(Patterns.ALL.stream().filter(rule).map(PatternSpec::name).toList());
    }

    /** A user's file of {@code shape}, with compute_numpy or not, that Jython can parse or not. */
    static UserWorkload userFile(Shape shape, boolean numpy, String notOnPython2) {
        return new UserWorkload("my-score", "s", "n", null, shape, null, null, List.of(),
                new UserWorkload.Source("/x/my_score.py", "0", numpy), Map.of(), notOnPython2);
    }

    @Test
    void theCatalogueDeclaresWhichPatternsTimeAUsersFile() {
        assertEquals(Set.of("jep-python", "jep-numpy", "jep-numpy-copy", "jep-list", "pemja-python", "pemja-numpy",
                "graalpy", "graalpy-interpreter", "jython", "worker-python", "worker-python-uds", "worker-python-shm",
                "worker-numpy", "worker-numpy-uds", "worker-numpy-shm", "py4j-python", "py4j-numpy", "py4j-python-bytes",
                "spawn-per-call"), declared(p -> p.userFiles().runs()));
        assertEquals(Set.of("jep-python", "jep-numpy", "pemja-python", "pemja-numpy", "graalpy", "jython", "worker-python",
                "worker-python-uds", "worker-python-shm", "worker-numpy", "worker-numpy-uds", "worker-numpy-shm",
                "py4j-python", "py4j-numpy", "py4j-python-bytes", "spawn-per-call"), Set.copyOf(UserWorkloads.PATTERNS));
        assertEquals(UserWorkloads.PATTERNS, Patterns.ALL.stream().filter(p -> p.userFiles().byDefault())
                .map(PatternSpec::name).toList(), "in the catalogue's order");
        UserWorkload file = userFile(Shape.DOUBLES, true, null);
        for (PatternSpec p : Patterns.ALL) {
            assertEquals(p.userFiles().runs(), Applicability.notApplicable(p, file) == null, p.name());
        }
    }

    @Test
    void eachPatternThatDoesNotTimeAUsersFileSaysWhy() {
        UserWorkload file = userFile(Shape.TWO_DOUBLES, true, null);
        assertEquals("a workload from a Python file is Python code only: there is no Java or C version of my-score for "
                + "jni-copy to run", reason("jni-copy", file));
        assertEquals("a workload from a Python file has no C kernel for jep-ctypes to call", reason("jep-ctypes", file));
        assertEquals("no per-element numpy loop for a workload from a Python file", reason("jep-numpy-scalar-loop", file));
        assertEquals("worker-json carries the built-in workloads' own messages only (it shows an anti-pattern on echo "
                + "and dot)", reason("worker-json", file));
        assertEquals("jep-list turns arrays into lists; my-score passes text", reason("jep-list", userFile(Shape.TEXT, false,
                null)));
        assertNull(reason("jep-list", file));
        assertEquals("the file does not run on Python 2.7 (Jython): bad", reason("jython", userFile(Shape.TEXT, false,
                "the file does not run on Python 2.7 (Jython): bad")));
        assertNull(reason("jython", userFile(Shape.TEXT, false, null)));
        assertTrue(reason("jep-numpy", userFile(Shape.TEXT, false, null)).startsWith("no numpy variant for my-score"));
    }

    @Test
    void aPatternDeclaredWithoutTheRuleDoesNotTimeAUsersFile() {
        PatternSpec plain = new PatternSpec("jep-new", Family.JEP, "a new way", List.of(Need.VENV), false, JavaPattern::new,
                Kind.INTERPRETED, false, "");
        PatternSpec java = new PatternSpec("java-new", Family.JVM, "a new way", List.of(), false, JavaPattern::new,
                Kind.BASELINE, false, "");
        UserWorkload file = userFile(Shape.DOUBLES, true, null);
        assertFalse(plain.userFiles().runs());
        assertFalse(plain.userFiles().byDefault());
        assertEquals("jep-new does not run workloads from a Python file", Applicability.notApplicable(plain, file));
        assertEquals("a workload from a Python file is Python code only: there is no Java or C version of my-score for "
                + "java-new to run", Applicability.notApplicable(java, file));
        assertNull(Applicability.notApplicable(plain.withUserFiles(UserFiles.ON_REQUEST), file));
        assertNull(Applicability.notApplicable(plain, new Nbody()), "built-in workloads: every one, by default");
    }

    @Test
    void aDataVariantEqualsItsBaseWhereOnlyNCrosses() {
        assertEquals(Set.of("jni-copy", "jni-direct-buffer", "ffm-copy", "py4j-python-bytes", "jep-list"),
                declared(p -> p.dataVariantOf() != null));
        for (PatternSpec p : Patterns.ALL) {
            if (p.dataVariantOf() != null) {
                PatternSpec base = Patterns.byName(p.dataVariantOf()).orElseThrow(() -> new AssertionError(p.name()));
                assertEquals(p.family(), base.family(), p.name() + " and its base " + base.name());
                assertEquals("only N crosses for nbody, so " + p.name() + " would equal " + base.name(),
                        reason(p.name(), new Nbody()));
                assertNull(Applicability.notApplicable(p.withDataVariantOf(null), new Nbody()), p.name());
            }
        }
        assertEquals("only N crosses for nbody, so py4j-python-bytes would equal py4j-python",
                reason("py4j-python-bytes", new Nbody()));
    }

    @Test
    void onlyThePatternsThatCallCFromPythonRunWithoutANumpyVariant() {
        assertEquals(Set.of("jep-native", "jep-ctypes"), declared(PatternSpec::cFromPython));
        UserWorkload noNumpy = userFile(Shape.DOUBLES, false, null);
        PatternSpec numpy = new PatternSpec("jep-new", Family.JEP, "a new way", List.of(Need.VENV, Need.NUMPY), false,
                JavaPattern::new, Kind.NATIVE, false, "").withUserFiles(UserFiles.BY_DEFAULT);
        assertTrue(Applicability.notApplicable(numpy, noNumpy).startsWith("no numpy variant for my-score: "));
        assertNull(Applicability.notApplicable(numpy.withCFromPython(), noNumpy));
    }

    @Test
    void onlyTheChattyWorkerMakesARoundTripPerElement() {
        assertEquals(Set.of("worker-chatty"), declared(PatternSpec::chatty));
        assertEquals(Set.of("echo", "dot"), applicable("worker-chatty"));
        assertTrue(reason("worker-chatty", new Nbody()).startsWith("only N crosses for nbody"));
    }

    @Test
    void jythonIsCheckedOnlyWhenItIsToRunTheFile() {
        assertTrue(UserWorkloads.runsPython2(UserWorkloads.PATTERNS));
        assertTrue(UserWorkloads.runsPython2(List.of("no-such-pattern", "jython")));
        assertFalse(UserWorkloads.runsPython2(List.of("graalpy", "jep-python", "no-such-pattern")));
    }
}
