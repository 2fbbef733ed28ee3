package io.gluebench.pattern;

import io.gluebench.result.Family;
import io.gluebench.result.Kind;
import io.gluebench.result.PatternInfo;
import java.util.List;
import java.util.function.Supplier;

/**
 * A pattern's description: its name, family, what it measures, what it needs, how to make it, and
 * the rules that hold for it whatever the machine has: which workloads it runs, whether it times a
 * user's file, which pattern it is a variant or a copying twin of. Each rule is declared with the
 * pattern in {@link Patterns}, so no other class keeps a list of pattern names; a pattern declared
 * without a rule gets its default (below).
 *
 * @param name          `<family>-<compute>` or a family name where the compute is implied
 * @param family        jvm, jni, ffm, jython, graalpy, jep, pemja, worker or py4j
 * @param measures      one line for tables and the README
 * @param needs         what must exist on the machine; a missing need makes the pattern skipped
 * @param graalJit      the fork runs with the Graal compiler on the upgrade module path
 * @param factory       makes a fresh, unopened pattern
 * @param kind          baseline, interpreted (the pure-Python source computes) or native (C or numpy)
 * @param antiPattern   a labelled way people get it wrong
 * @param whyItHurts    one line for anti-patterns and labelled variants, else empty
 * @param userFiles     whether it times a workload from a user's Python file (default: it does not,
 *                      {@link UserFiles#NOT})
 * @param workloadRule  its own rule on the built-in workloads and sizes it runs (default: all,
 *                      {@link WorkloadRule#ANY})
 * @param dataVariantOf the pattern it differs from only in how data crosses, which it would equal
 *                      where only N crosses (so it is not applicable there); null for none
 * @param cFromPython   it calls the C kernels from CPython and needs numpy only to carry the data, not
 *                      a workload's numpy variant (a pattern that needs numpy otherwise runs that variant)
 * @param zeroCopyTwin  for a pattern that copies the data on each call, the zero-copy pattern it is
 *                      weighed against (stored in run.json, read by the four questions); null for none
 * @param chatty        it makes one round trip per element instead of one per call (stored in
 *                      run.json: the four questions quote it as the evidence for batching)
 * @param soakDefault   it is one of the patterns `soak` watches when no --pattern is given
 * @param transport     how a worker pattern reaches its worker: pipe (a worker's default), uds or shm;
 *                      null for a pattern in the JVM's process. worker-json, worker-chatty and
 *                      spawn-per-call talk over pipes: what differs is the encoding, the number of
 *                      round trips or the process per call, not the transport
 */
public record PatternSpec(
        String name,
        Family family,
        String measures,
        List<Need> needs,
        boolean graalJit,
        Supplier<Pattern> factory,
        Kind kind,
        boolean antiPattern,
        String whyItHurts,
        UserFiles userFiles,
        WorkloadRule workloadRule,
        String dataVariantOf,
        boolean cFromPython,
        String zeroCopyTwin,
        boolean chatty,
        boolean soakDefault,
        String transport) {

    /** A pattern with every rule at its default; the {@code with} methods declare the others. */
    public PatternSpec(String name, Family family, String measures, List<Need> needs, boolean graalJit,
            Supplier<Pattern> factory, Kind kind, boolean antiPattern, String whyItHurts) {
        this(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts, UserFiles.NOT,
                WorkloadRule.ANY, null, false, null, false, false, family == Family.WORKER ? "pipe" : null);
    }

    /** What a run stores about the pattern, so that analysis and rendering need no catalogue. */
    public PatternInfo info() {
        return new PatternInfo(name, family, kind, antiPattern, measures, whyItHurts, null, zeroCopyTwin, chatty);
    }

    /** The same pattern, timing users' files as {@code u} says. */
    public PatternSpec withUserFiles(UserFiles u) {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts, u,
                workloadRule, dataVariantOf, cFromPython, zeroCopyTwin, chatty, soakDefault, transport);
    }

    /** The same pattern, refusing the workloads and sizes {@code rule} gives a reason against. */
    public PatternSpec withWorkloadRule(WorkloadRule rule) {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts,
                userFiles, rule, dataVariantOf, cFromPython, zeroCopyTwin, chatty, soakDefault, transport);
    }

    /** The same pattern, declared a variant of {@code base} that differs only in how data crosses. */
    public PatternSpec withDataVariantOf(String base) {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts,
                userFiles, workloadRule, base, cFromPython, zeroCopyTwin, chatty, soakDefault, transport);
    }

    /** The same pattern, declared to call C from CPython (numpy carries the data; no numpy variant needed). */
    public PatternSpec withCFromPython() {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts,
                userFiles, workloadRule, dataVariantOf, true, zeroCopyTwin, chatty, soakDefault, transport);
    }

    /** The same pattern, declared the copying twin of {@code zeroCopy}. */
    public PatternSpec withZeroCopyTwin(String zeroCopy) {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts,
                userFiles, workloadRule, dataVariantOf, cFromPython, zeroCopy, chatty, soakDefault, transport);
    }

    /** The same pattern, declared to make one round trip per element. */
    public PatternSpec withChatty() {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts,
                userFiles, workloadRule, dataVariantOf, cFromPython, zeroCopyTwin, true, soakDefault, transport);
    }

    /** The same pattern, one of those `soak` watches by default. */
    public PatternSpec withSoakDefault() {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts,
                userFiles, workloadRule, dataVariantOf, cFromPython, zeroCopyTwin, chatty, true, transport);
    }

    /** The same worker pattern, reaching its worker over {@code t} (uds or shm) rather than pipes. */
    public PatternSpec withTransport(String t) {
        return new PatternSpec(name, family, measures, needs, graalJit, factory, kind, antiPattern, whyItHurts,
                userFiles, workloadRule, dataVariantOf, cFromPython, zeroCopyTwin, chatty, soakDefault, t);
    }

    public Pattern create() {
        return factory.get();
    }
}
