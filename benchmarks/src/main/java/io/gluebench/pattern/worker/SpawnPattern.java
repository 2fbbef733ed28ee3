package io.gluebench.pattern.worker;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.time.Duration;
import java.util.List;

/**
 * `spawn-per-call` (anti-pattern): the script-style integration, a new CPython process for every
 * call. The timed call starts `python -m gluebench_py.once` (a ProcessBuilder per invoke), writes
 * the same binary request frame as `worker-python` to its stdin, reads the reply frame from its
 * stdout and waits for it to exit, so it measures the process spawn, the interpreter's start-up,
 * the imports of the pure workloads, the compute and the reaping; only the spawn differs from
 * `worker-python`. {@link #open} makes one untimed PING call to check that the script runs.
 */
public final class SpawnPattern implements Pattern {
    /** A call that takes longer is killed and fails: far above any size the profiles time. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final PatternChild<SpawnPerCall> spawner = new PatternChild<>();
    private PatternEnv env;

    @Override
    public void open(PatternEnv env) throws PatternException {
        this.env = env;
        List<String> command = WorkerPattern.pythonCommand(env, "gluebench_py.once");
        spawner.hold(env, new SpawnPerCall(command, env.pythonWorkloads(), TIMEOUT));
        try {
            WorkerPattern.ping(spawner.get(), "the script");
        } catch (PatternException e) {
            close();
            throw e;
        }
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) throws PatternException {
        if (workload.userSource() != null) {
            // Each process imports the user's file before it answers: a script pays for that on every call.
            spawner.close();
            spawner.hold(env, new SpawnPerCall(WorkerPattern.pythonCommand(env, "gluebench_py.once", "--workload-file",
                    workload.userSource().path()), env.pythonWorkloads(), TIMEOUT));
        }
        return WorkerPattern.bindFrames(spawner.get(), workload, input);
    }

    @Override
    public String engine() {
        return spawner.engine(s -> "a CPython process per call (gluebench_py.once) over pipes");
    }

    @Override
    public void close() {
        spawner.close();
    }
}
