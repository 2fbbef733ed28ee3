package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.graalpy.GraalPyPattern;
import io.gluebench.result.Verification;
import io.gluebench.workload.builtin.Csvparse;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Echo;
import io.gluebench.workload.builtin.Fannkuch;
import io.gluebench.workload.builtin.Mandelbrot;
import io.gluebench.workload.builtin.Matmul;
import io.gluebench.workload.builtin.Nbody;
import io.gluebench.workload.builtin.Records;
import io.gluebench.workload.builtin.Sort;
import io.gluebench.workload.builtin.Spectralnorm;
import io.gluebench.workload.builtin.Wordfreq;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pattern x workload agrees with the Java reference at small sizes, each pattern in a forked
 * JVM with its own flags, exactly as `gluebench verify` runs it.
 */
class PatternAgreementTest {
    private static PatternEnv env;
    private static Doctor doctor;

    @BeforeAll
    static void setUp() {
        env = TestEnv.env();
        doctor = new Doctor(env, new Fingerprint(env).versions());
    }

    static Stream<String> patterns() {
        return Patterns.names().stream();
    }

    private static final List<ForkedVerifier.Case> CASES = List.of(
            new ForkedVerifier.Case(new Echo(), 0),
            new ForkedVerifier.Case(new Echo(), 1000),
            new ForkedVerifier.Case(new Dot(), 1),
            new ForkedVerifier.Case(new Dot(), 1000),
            new ForkedVerifier.Case(new Nbody(), 0),
            new ForkedVerifier.Case(new Nbody(), 50),
            new ForkedVerifier.Case(new Spectralnorm(), 1),
            new ForkedVerifier.Case(new Spectralnorm(), 20),
            new ForkedVerifier.Case(new Mandelbrot(), 0),
            new ForkedVerifier.Case(new Mandelbrot(), 24),
            new ForkedVerifier.Case(new Matmul(), 1),
            new ForkedVerifier.Case(new Matmul(), 13),
            new ForkedVerifier.Case(new Sort(), 0),
            new ForkedVerifier.Case(new Sort(), 777),
            new ForkedVerifier.Case(new Fannkuch(), 1),
            new ForkedVerifier.Case(new Fannkuch(), 6),
            new ForkedVerifier.Case(new Wordfreq(), 0),
            new ForkedVerifier.Case(new Wordfreq(), 3000),
            new ForkedVerifier.Case(new Records(), 0),
            new ForkedVerifier.Case(new Records(), 500),
            new ForkedVerifier.Case(new Csvparse(), 0),
            new ForkedVerifier.Case(new Csvparse(), 300));

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void agreesWithTheReference(String name) throws Exception {
        PatternSpec spec = Patterns.byName(name).orElseThrow();
        Doctor.Availability a = doctor.check(spec);
        if (TestEnv.requireAll()) {
            assertTrue(a.available(), name + " must be available here: " + a.reason());
        }
        Assumptions.assumeTrue(a.available(), () -> name + " skipped: " + a.reason());
        List<ForkedVerifier.Case> cases = CASES.stream()
                .filter(c -> Applicability.notApplicable(spec, c.workload()) == null).toList();
        List<Verification> got = new ForkedVerifier(env).verify(spec, cases, 180);
        assertEquals(cases.size(), got.size());
        for (Verification v : got) {
            assertTrue(v.ok(), v.pattern() + " " + v.workload() + " n=" + v.size() + ": " + v.error());
            if (v.workload().equals("fannkuch") && v.size() == 6) {
                assertEquals(java.util.Map.of("checksum", 49, "maxFlips", 10), v.structured(), "compound result as data");
            }
            if (v.size() > 0 && v.workload().equals("wordfreq")) {
                Map<?, ?> s = (Map<?, ?>) v.structured();
                assertEquals(Set.of("distinct", "top"), s.keySet(), "wordfreq as data");
                assertEquals(10, ((List<?>) s.get("top")).size());
                assertEquals(Set.of("word", "count"), ((Map<?, ?>) ((List<?>) s.get("top")).get(0)).keySet());
            }
            if (v.size() > 0 && v.workload().equals("records")) {
                Map<?, ?> first = (Map<?, ?>) ((List<?>) ((Map<?, ?>) v.structured()).get("sums")).get(0);
                assertEquals(Map.of("category", "books"), Map.of("category", first.get("category")), "records as data");
            }
            if (v.workload().equals("csvparse")) {
                assertEquals(Set.of("intSum", "floatSum", "textChars"), ((Map<?, ?>) v.structured()).keySet());
            }
        }
        if (name.equals("jep-native") || name.equals("jep-ctypes")) {
            String via = name.equals("jep-native") ? "_gluebench_native" : "ctypes";
            assertTrue(got.stream().allMatch(v -> v.engine().contains(via)), "C through " + via + ": " + got.get(0).engine());
        }
        if (name.equals("graalpy")) {
            assertFalse(got.get(0).engine().startsWith(GraalPyPattern.INTERPRETED), "JIT on: " + got.get(0).engine());
        }
    }

    @Test
    void graalPyWithoutItsJitRefusesToBeTimed() throws Exception {
        PatternSpec graalpy = Patterns.byName("graalpy").orElseThrow();
        Assumptions.assumeTrue(doctor.check(graalpy).available() || !TestEnv.requireAll());
        PatternSpec withoutJit = new PatternSpec("graalpy", io.gluebench.result.Family.GRAALPY, "", List.of(), false, graalpy.factory(),
                io.gluebench.result.Kind.INTERPRETED, false, "");
        List<Verification> got = new ForkedVerifier(env).verify(withoutJit,
                List.of(new ForkedVerifier.Case(new Nbody(), 1)), 180);
        assertFalse(got.get(0).ok());
        assertTrue(got.get(0).error().contains("without its JIT") && got.get(0).error().contains("graalpy-interpreter"),
                got.get(0).error());
    }
}
