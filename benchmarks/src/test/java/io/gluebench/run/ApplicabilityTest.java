package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Nbody;
import io.gluebench.workload.builtin.Records;
import io.gluebench.workload.builtin.Sort;
import io.gluebench.workload.builtin.Wordfreq;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which workloads the jep variants run, and the reasons they give for the others. */
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
}
