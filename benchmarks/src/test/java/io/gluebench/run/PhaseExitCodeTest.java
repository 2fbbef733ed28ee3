package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.cli.Main;
import io.gluebench.cli.RunCommand;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.RunStoreTest;
import io.gluebench.result.Scaling;
import io.gluebench.result.Startup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's exit code tells the truth about every phase: a complete run exits 0 only when nothing
 * failed; a failed start-up or callers measurement exits 3 like a failed point, and the last line
 * counts each kind; an unfinished run exits 4.
 */
class PhaseExitCodeTest {
    @TempDir
    Path dir;

    private final RunStore store = new RunStore();

    private Run complete() {
        Run base = RunStoreTest.sample();
        Run r = new Run(base.formatVersion(), base.runId(), base.profile(), "complete", base.startedAt(), base.finishedAt(),
                base.machine(), base.settings(), base.floors(), base.points().stream().filter(Point::isOk).toList(),
                List.of(), base.patterns(), base.workloads(), List.of(), List.of());
        return r;
    }

    private int exitOf(Run run, String name) throws Exception {
        Path d = dir.resolve(name);
        store.write(d, run);
        return RunCommand.exitCode(d);
    }

    @Test
    void everyPhasesFailureExitsThreeAndIsCounted() throws Exception {
        Run ok = complete();
        assertEquals(Main.OK, exitOf(ok, "ok"));
        Startup failedStartup = new Startup("jni", "dot", 1000, Point.FAILED, 0, 0, List.of(), List.of(), List.of(), null,
                "the fork crashed: SIGSEGV", null);
        assertEquals(Main.FAILED, exitOf(ok.withStartup(failedStartup), "startup"), "a failed start-up");
        Scaling failedCallers = new Scaling("jni", "dot", 100000, Point.FAILED, List.of(1, 2), List.of(), List.of(), null,
                "the fork crashed: SIGSEGV", List.of(), null, null, null, null);
        assertEquals(Main.FAILED, exitOf(ok.withScaling(failedCallers), "callers"), "a failed callers measurement");
        Run both = ok.withStartup(failedStartup).withScaling(failedCallers);
        String last = RunPipeline.outcome(both);
        assertTrue(last.contains("1 start-up measurement") && last.contains("1 callers measurement"), last);
        Run stopped = new Run(ok.formatVersion(), ok.runId(), ok.profile(), "interrupted", ok.startedAt(), ok.finishedAt(),
                ok.machine(), ok.settings(), ok.floors(), ok.points(), ok.skipped(), ok.patterns(), ok.workloads(),
                ok.startups(), ok.scaling());
        assertEquals(Main.STOPPED, exitOf(stopped, "stopped"));
    }
}
