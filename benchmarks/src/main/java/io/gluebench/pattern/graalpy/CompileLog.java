package io.gluebench.pattern.graalpy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Truffle engine's log, read as it is written: it counts the compilation events that
 * {@code engine.TraceCompilation} reports ("opt done", "opt failed", "opt inval." and the like,
 * one line each) and keeps nothing else. Compiler threads write to it, hence the locking.
 */
final class CompileLog extends OutputStream {
    private static final byte[] EVENT = "[engine] opt".getBytes(StandardCharsets.US_ASCII);

    private final AtomicLong events = new AtomicLong();
    private final byte[] head = new byte[EVENT.length];
    private int headLength;

    /** The compilation events reported so far. */
    long events() {
        return events.get();
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            if (headLength == EVENT.length && java.util.Arrays.equals(head, EVENT)) {
                events.incrementAndGet();
            }
            headLength = 0;
        } else if (headLength < EVENT.length) {
            head[headLength++] = (byte) b;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }
}
