package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up and callers say when they measure a point the command's --size or --workload left out. */
class OutsideThePlanTest {
    @Test
    void aPointOutsideTheTimedOnesIsNamedWithTheWayOut() throws Exception {
        Profile quick = Profiles.load().get("quick");
        Plan sized = Plan.of(quick, List.of("dot"), List.of("java"), List.of(0));
        String why = sized.outsideThePlan("dot", 10_000, "start-up");
        assertTrue(why.contains("not one of the timed points") && why.contains("--no-startup"), why);
        assertTrue(sized.outsideThePlan("dot", 100_000, "callers").contains("--no-scaling"));
        Plan all = Plan.of(quick, List.of("dot"), List.of("java"), List.of());
        assertEquals("", all.outsideThePlan("dot", 10_000, "start-up"), "quick times dot at 10^4");
    }
}
