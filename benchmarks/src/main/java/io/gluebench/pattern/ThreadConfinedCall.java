package io.gluebench.pattern;

import io.gluebench.workload.CompoundWire;
import io.gluebench.workload.ResultKind;

/**
 * The timed call of an embedded CPython (Jep, PEMJA): the interpreter belongs to the thread that
 * created it, so every call first checks the thread, then converts what Python returned (a number,
 * or for compound results tuples and lists already turned into Java values by the bridge).
 */
public final class ThreadConfinedCall {
    private ThreadConfinedCall() {
    }

    /** One invocation of the Python function; the bridge's own conversion of the result. */
    @FunctionalInterface
    public interface Invoke {
        Object run() throws Exception;
    }

    /** bridge: the name in the error, e.g. "a Jep interpreter". */
    public static Call of(ResultKind kind, Thread owner, String bridge, Invoke invoke) {
        if (kind.isCompound()) {
            return CompoundCall.of(() -> {
                check(owner, bridge);
                return CompoundWire.fromTree(kind, invoke.run());
            });
        }
        if (kind == ResultKind.BYTES) {
            return () -> {
                check(owner, bridge);
                return ResultKind.digestOf(invoke.run());
            };
        }
        if (kind != ResultKind.FLOAT64) {
            return () -> {
                check(owner, bridge);
                return ((Number) invoke.run()).longValue();
            };
        }
        return () -> {
            check(owner, bridge);
            return ResultKind.bits(((Number) invoke.run()).doubleValue());
        };
    }

    public static void check(Thread owner, String bridge) throws PatternException {
        if (Thread.currentThread() != owner) {
            throw new PatternException(bridge + " was called from thread "
                    + Thread.currentThread().getName() + " but belongs to " + owner.getName());
        }
    }
}
