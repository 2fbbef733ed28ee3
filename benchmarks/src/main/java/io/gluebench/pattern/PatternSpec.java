package io.gluebench.pattern;

import java.util.List;
import java.util.function.Supplier;

/**
 * A pattern's description: its name, family, what it measures, what it needs, and how to make it.
 *
 * @param name       `<family>-<compute>` or a family name where the compute is implied
 * @param family     jvm, jni, ffm, jython, graalpy, jep, pemja, worker or py4j
 * @param measures   one line for tables and the README
 * @param needs      what must exist on the machine; a missing need makes the pattern skipped
 * @param graalJit   the fork runs with the Graal compiler on the upgrade module path
 * @param factory    makes a fresh, unopened pattern
 * @param kind       baseline, interpreted (the pure-Python source computes) or native (C or numpy)
 * @param antiPattern a labelled way people get it wrong
 * @param whyItHurts one line for anti-patterns and labelled variants, else empty
 */
public record PatternSpec(
        String name,
        io.gluebench.result.Family family,
        String measures,
        List<Need> needs,
        boolean graalJit,
        Supplier<Pattern> factory,
        io.gluebench.result.Kind kind,
        boolean antiPattern,
        String whyItHurts) {

    public io.gluebench.result.PatternInfo info() {
        return new io.gluebench.result.PatternInfo(name, family, kind, antiPattern, measures, whyItHurts);
    }

    /**
     * How a worker pattern reaches its worker (pipe, uds or shm, by its name's suffix); null otherwise.
     * worker-json, worker-chatty and spawn-per-call talk over pipes: what differs is the encoding, the
     * number of round trips or the process per call, not the transport.
     */
    public String transport() {
        if (family != io.gluebench.result.Family.WORKER) {
            return null;
        }
        return name.endsWith("-uds") ? "uds" : name.endsWith("-shm") ? "shm" : "pipe";
    }

    public Pattern create() {
        return factory.get();
    }
}
