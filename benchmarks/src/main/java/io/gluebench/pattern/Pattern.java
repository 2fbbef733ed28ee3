package io.gluebench.pattern;

import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;

/**
 * One way of running a workload. The life cycle is explicit and single-threaded: {@link #open}
 * starts the mechanism (loads a library, starts an interpreter or a worker process), {@link #bind}
 * prepares one workload's input in the form the mechanism wants and returns the {@link Call} to
 * time, {@link #close} releases everything. Only {@link Call#invoke()} is timed.
 *
 * <p>Implementations that confine state to a thread (Jep) must be opened, bound, called and closed
 * on the same thread; the JMH state that drives them has Scope.Thread.
 */
public interface Pattern extends AutoCloseable {

    void open(PatternEnv env) throws Exception;

    Call bind(Workload workload, WorkloadInput input) throws Exception;

    /** A few words on the engine actually running, e.g. GraalPy's compiler; empty if nothing to say. */
    default String engine() {
        return "";
    }

    /**
     * How many compilations the engine's own JIT has reported since {@link #open} (finished,
     * failed or invalidated), or -1 when the engine does not report them. The adaptive warm-up
     * waits for this count to stop moving: a Truffle engine steps down through compiled tiers
     * seconds apart, and a time series alone can look steady on a plateau between two tiers.
     */
    default long compilations() {
        return -1;
    }

    @Override
    void close() throws Exception;
}
