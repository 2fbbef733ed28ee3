package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.result.Family;
import io.gluebench.result.Floor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floors phase in steps the run's progress counts: only the planned families' floors, each step reported as it ends. */
class FloorStepsTest {
    @TempDir
    Path dir;

    private final Profile.JmhSettings jmh = quick();

    private static Profile.JmhSettings quick() {
        try {
            return Profiles.load().get("quick").jmh();
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(List<FloorRunner.Step> steps) {
        return steps.stream().map(FloorRunner.Step::name).toList();
    }

    @Test
    void eachFamilyGetsTheStepsOfItsOwnFloors() {
        FloorRunner runner = new FloorRunner(TestEnv.env());
        assertEquals(List.of("floors: JNI and FFM no-ops"), names(runner.steps(dir, jmh, Set.of(Family.JVM))));
        assertEquals(List.of("floors: C calling CPython"), names(runner.steps(dir, jmh, Set.of(Family.PEMJA))));
        List<String> worker = names(runner.steps(dir, jmh, Set.of(Family.WORKER)));
        assertEquals(List.of("floors: pipe ping-pongs", "floors: uds ping-pongs", "floors: shm ping-pongs",
                "floors: pipe to the CPython worker", "floors: uds to the CPython worker",
                "floors: shm to the CPython worker", "floors: memcpy"), worker);
        assertEquals(List.of(), names(runner.steps(dir, jmh, Set.of(Family.JYTHON, Family.GRAALPY))), "no floor for the JVM's Pythons");
        assertEquals(9, runner.steps(dir, jmh, null).size(), "null: every floor");
        assertTrue(runner.steps(dir, jmh, null).stream().allMatch(s -> s.seconds() > 0));
    }

    @Test
    void measureRunsTheStepsInOrderAndReportsEachWithItsFloors() throws Exception {
        Floor a = new Floor("a_noop", "a", 1, 0.1, "probe", "");
        Floor b = new Floor("b_noop", "b", 2, 0.1, "probe", "");
        List<String> seen = new ArrayList<>();
        List<Floor> got = new FloorRunner(TestEnv.env()).measure(List.of(
                new FloorRunner.Step("first", 1, () -> List.of(a)), new FloorRunner.Step("second", 1, () -> List.of(b))),
                (step, floors) -> seen.add(step.name() + ":" + floors.size()));
        assertEquals(List.of(a, b), got);
        assertEquals(List.of("first:1", "second:1"), seen);
    }
}
