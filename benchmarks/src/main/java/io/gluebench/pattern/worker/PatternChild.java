package io.gluebench.pattern.worker;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.Placement;
import java.util.function.Function;

/**
 * The child a worker pattern starts in {@code open} and ends in {@code close} (a {@link WorkerProcess},
 * or the {@link SpawnPerCall} of spawn-per-call), with the placement it was started under: what every
 * worker pattern's open, engine and close share.
 */
final class PatternChild<T extends PatternChild.Child> {
    /** A child: closing it ends what it started and throws nothing. */
    interface Child extends AutoCloseable {
        @Override
        void close();
    }

    private T child;
    private Placement placement = Placement.FREE;

    /** Holds {@code child}, started under {@code env}'s placement. */
    void hold(PatternEnv env, T child) {
        this.placement = env.placement();
        this.child = child;
    }

    /** The child, or null before open and after close. */
    T get() {
        return child;
    }

    /** Empty without a child, else {@code what} the child is, then its placement unless that is free. */
    String engine(Function<T, String> what) {
        return child == null ? "" : what.apply(child) + (placement == Placement.FREE ? "" : ", " + placement.id());
    }

    /** Closes the child, if any, and lets it go: closing again does nothing. */
    void close() {
        if (child != null) {
            child.close();
            child = null;
        }
    }
}
