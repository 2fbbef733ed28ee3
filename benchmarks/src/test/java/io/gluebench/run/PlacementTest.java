package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.Placement;
import io.gluebench.result.Verification;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Echo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placements: planned once per worker pattern, applied in the fork, recorded with the answer. */
class PlacementTest {
    @Test
    void workerPatternsRunOncePerPlacementAndOthersOnce() throws Exception {
        Profile quick = Profiles.load().get("quick");
        Plan plan = Plan.of(quick, List.of("echo"), List.of("java", "worker-numpy-shm"), List.of(0),
                List.of("free", "same-core", "split-cores"));
        assertEquals(List.of("java", "worker-numpy-shm", "worker-numpy-shm@same-core", "worker-numpy-shm@split-cores"),
                plan.items().stream().map(Plan.Item::series).toList());
        UsageException e = assertThrows(UsageException.class,
                () -> Plan.of(quick, List.of("echo"), List.of(), List.of(0), List.of("pinned")));
        assertEquals("unknown placement 'pinned'; valid placements: free, same-core, split-cores", e.getMessage());
    }

    @Test
    void pinnedWorkersStillAgreeAndSayWhereTheyRan() throws Exception {
        PatternEnv base = TestEnv.env();
        for (Placement placement : List.of(Placement.SAME_CORE, Placement.SPLIT_CORES)) {
            for (String name : List.of("worker-python-uds", "worker-numpy-shm")) {
                PatternSpec spec = Patterns.byName(name).orElseThrow();
                List<Verification> got = new ForkedVerifier(base.withPlacement(placement)).verify(spec,
                        List.of(new ForkedVerifier.Case(new Echo(), 0), new ForkedVerifier.Case(new Dot(), 1000)),
                        120);
                for (Verification v : got) {
                    assertTrue(v.ok(), name + " " + placement.id() + ": " + v.error());
                    assertTrue(v.engine().endsWith(placement.id()), v.engine());
                }
            }
        }
    }
}
