package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gluebench.pattern.Patterns;
import io.gluebench.workload.Shape;
import io.gluebench.workload.UserWorkload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run of users' files measures start-up and callers on the user's function, not on the profile's workload. */
class UserStartupScalingTest {
    private static final UserWorkload USER = new UserWorkload("scoring", "s", "rows", "N", Shape.RECORDS, null, null,
            List.of(), new UserWorkload.Source("/x/scoring.py", "00", false), Map.of(), null);

    @Test
    void aPlanOfUsersFilesMeasuresStartUpAtItsMiddleSizeAndCallersAtItsLargest() throws Exception {
        Profile quick = Profiles.load().get("quick");
        var spec = Patterns.byName("jep-python").orElseThrow();
        Plan plan = new Plan(quick, List.of(new Plan.Item(USER, spec, 10_000), new Plan.Item(USER, spec, 1),
                new Plan.Item(USER, spec, 100), new Plan.Item(USER, spec, 100_000)));
        Profile.StartupSettings st = StartupPhase.forPlan(quick.startup(), plan);
        assertEquals("scoring", st.workload());
        assertEquals(100, st.size(), "the middle of 1, 100, 10000, 100000 (the lower of the two)");
        assertEquals(quick.startup().forks(), st.forks());
        Profile.ScalingSettings sc = CallersPhase.forPlan(quick.scaling(), plan);
        assertEquals("scoring", sc.workload());
        assertEquals(100_000, sc.size());
        assertEquals(quick.scaling().threads(), sc.threads());
    }

    @Test
    void aPlanWithABuiltInWorkloadKeepsTheProfiles() throws Exception {
        Profile quick = Profiles.load().get("quick");
        Plan plan = Plan.of(quick, List.of("dot"), List.of("java"), List.of());
        assertSame(quick.startup(), StartupPhase.forPlan(quick.startup(), plan));
        assertSame(quick.scaling(), CallersPhase.forPlan(quick.scaling(), plan));
    }
}
