package io.gluebench.pattern.worker;

import io.gluebench.pattern.PatternException;
import java.nio.ByteBuffer;

/**
 * Where a request payload of {@link Frames} is encoded, sent, and its reply checked: a persistent
 * worker ({@link WorkerProcess}), a process per call ({@link SpawnPerCall}) or a Py4J peer. The request is
 * written into {@link #request} from position 0, then {@link #call} sends its first {@code length}
 * bytes. One request in flight, one thread.
 */
public interface FrameExchange {
    /** The buffer for the next request payload, position 0, little-endian, at least capacity bytes. */
    ByteBuffer request(int capacity) throws PatternException;

    /** Sends the request's first {@code length} bytes; returns the ok reply's result bytes. */
    ByteBuffer call(int length) throws PatternException;

    /** As {@link #call}, for the 8-byte result of a scalar workload. */
    default long callScalar(int length) throws PatternException {
        ByteBuffer r = call(length);
        if (r.remaining() != 8) {
            throw new PatternException("the worker sent an ok reply of " + (r.remaining() + 1)
                    + " bytes where 9 were due");
        }
        return r.getLong(0);
    }
}
