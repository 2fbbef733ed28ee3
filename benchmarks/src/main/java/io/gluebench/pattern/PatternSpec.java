package io.gluebench.pattern;

import java.util.List;
import java.util.function.Supplier;

/**
 * A pattern's description: its name, family, what it measures, what it needs, and how to make it.
 *
 * @param name       `<family>-<compute>` or a family name where the compute is implied
 * @param family     jvm, jni, ffm, jython, graalpy, jep or worker
 * @param measures   one line for tables and the README
 * @param needs      what must exist on the machine; a missing need makes the pattern skipped
 * @param graalJit   the fork runs with the Graal compiler on the upgrade module path
 * @param factory    makes a fresh, unopened pattern
 */
public record PatternSpec(
        String name,
        String family,
        String measures,
        List<Need> needs,
        boolean graalJit,
        Supplier<Pattern> factory) {

    public Pattern create() {
        return factory.get();
    }
}
