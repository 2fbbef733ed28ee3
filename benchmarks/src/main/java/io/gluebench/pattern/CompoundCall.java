package io.gluebench.pattern;

import io.gluebench.workload.Compound;

/**
 * A timed call whose answer is a {@link Compound}: the body crosses, brings the result back and
 * decodes it into Java objects, all inside the timed region. The decoded value is stored (so the
 * JIT cannot drop the decoding) and its summary is returned to the benchmark's blackhole.
 */
public final class CompoundCall implements Call {
    /** The body of a compound call. */
    @FunctionalInterface
    public interface Body {
        Compound run() throws Exception;
    }

    private final Body body;
    private Compound last;

    private CompoundCall(Body body) {
        this.body = body;
    }

    public static CompoundCall of(Body body) {
        return new CompoundCall(body);
    }

    @Override
    public long invoke() throws Exception {
        Compound c = body.run();
        last = c;
        return c.summary();
    }

    @Override
    public Compound compound() {
        return last;
    }
}
