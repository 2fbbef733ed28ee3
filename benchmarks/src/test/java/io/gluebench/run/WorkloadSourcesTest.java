package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.workload.Workloads;
import org.junit.jupiter.api.Test;

/** The source hash covers the Java that defines a workload: no class it names is read as absent. */
class WorkloadSourcesTest {
    @Test
    void everyJavaClassItHashesIsFound() {
        for (Class<?> c : WorkloadSources.javaClasses()) {
            assertTrue(WorkloadSources.classBytes(c).length > 0, c.getName() + " is hashed as empty");
        }
    }

    @Test
    void eachBuiltInWorkloadsOwnClassIsHashed() {
        for (var w : Workloads.ALL) {
            assertTrue(WorkloadSources.javaClasses().contains(w.getClass()), w.name());
        }
    }
}
