package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The run's fork order: every point-fork once, grouped by the fork span, reproduced by its seed. */
class ForkScheduleTest {
    private static Plan plan() throws Exception {
        return Plan.of(Profiles.load().get("quick"), List.of("echo", "dot"), List.of("java", "jep-python", "graalpy"),
                List.of());
    }

    private static List<String> flat(List<ForkSchedule.Unit> units) {
        List<String> out = new ArrayList<>();
        for (ForkSchedule.Unit u : units) {
            for (Plan.Item i : u.items()) {
                out.add(i.label() + " f" + u.fork());
            }
        }
        return out;
    }

    private static List<ForkSchedule.Unit> units(Plan plan, long seed) {
        Profile p = plan.profile();
        return ForkSchedule.units(plan.items(), i -> Set.of(0, 1, 2), s -> p.spanFor(s.family()), new Random(seed));
    }

    @Test
    void theOrderIsAPermutationOfEveryPointForkThatTheSeedReproduces() throws Exception {
        Plan plan = plan();
        List<String> a = flat(units(plan, 42));
        List<String> b = flat(units(plan, 42));
        List<String> c = flat(units(plan, 43));
        assertEquals(a, b, "the same seed gives the same order");
        assertNotEquals(a, c, "another seed gives another order");
        assertEquals(plan.items().size() * 3, a.size());
        assertEquals(a.size(), new HashSet<>(a).size(), "each point-fork once");
        Set<String> expected = new HashSet<>();
        for (Plan.Item i : plan.items()) {
            for (int k = 0; k < 3; k++) {
                expected.add(i.label() + " f" + k);
            }
        }
        assertEquals(expected, new HashSet<>(a));
    }

    @Test
    void forksAreInterleavedAcrossPatternsNotRunInBlocks() throws Exception {
        List<ForkSchedule.Unit> units = units(plan(), 7);
        // In pattern blocks there would be 2 changes of pattern; interleaved there are many.
        int changes = 0;
        for (int i = 1; i < units.size(); i++) {
            changes += units.get(i).pattern().equals(units.get(i - 1).pattern()) ? 0 : 1;
        }
        assertTrue(changes >= units.size() / 3, changes + " pattern changes in " + units.size() + " forks");
    }

    @Test
    void aForkHoldsOnePatternAndItsSpan() throws Exception {
        Plan plan = plan();
        for (ForkSchedule.Unit u : units(plan, 3)) {
            assertTrue(u.items().stream().allMatch(i -> i.pattern().equals(u.pattern())), u.name());
            String span = plan.profile().spanFor(u.pattern().family());
            long workloads = u.items().stream().map(i -> i.workload().name()).distinct().count();
            if (u.pattern().name().equals("java")) {
                assertEquals(Profile.JmhSettings.SPAN_POINT, span, "plain Java gets a JVM per point (forkSpanByFamily)");
                assertEquals(1, u.items().size(), u.name());
            } else if (span.equals(Profile.JmhSettings.SPAN_WORKLOAD)) {
                assertEquals(1, workloads, u.name());
                assertEquals(4, u.items().size(), u.name() + ": every size of its workload");
            } else {
                assertEquals(Profile.JmhSettings.SPAN_PATTERN, span);
                assertEquals(8, u.items().size(), u.name() + ": every point of graalpy");
            }
        }
    }

    @Test
    void onlyTheForksAPointStillNeedsAreScheduled() throws Exception {
        Plan plan = plan();
        Plan.Item first = plan.items().get(0);
        Profile p = plan.profile();
        List<ForkSchedule.Unit> units = ForkSchedule.units(plan.items(), i -> i == first ? Set.of(2) : Set.of(),
                s -> p.spanFor(s.family()), new Random(1));
        assertEquals(List.of(first.label() + " f2"), flat(units));
    }
}
