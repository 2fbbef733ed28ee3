package io.gluebench.pattern.worker;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One transport's way of moving a request payload to the worker and its reply payload back. The
 * caller writes the request into {@link #request} (from position 0, little-endian), then calls
 * {@link #exchange} with its length and reads the reply payload (status byte first) from the
 * returned buffer, which stays valid until the next exchange. One request in flight, one thread.
 */
interface Link extends AutoCloseable {
    /** A buffer of at least {@code capacity} bytes for the next request, cleared, little-endian. */
    ByteBuffer request(int capacity) throws IOException;

    /** Sends the first {@code length} bytes of the request buffer; returns the reply payload. */
    ByteBuffer exchange(int length) throws IOException;

    /** The arguments that tell the worker how to reach this link. */
    java.util.List<String> workerArguments();

    /** Called once the worker process runs, before the first exchange (e.g. accept its connection). */
    default void connect(Process worker) throws IOException {
    }

    @Override
    void close();
}
