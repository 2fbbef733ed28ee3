package io.gluebench.result;

/**
 * What a run knows about a pattern, stored with it so that analysis and rendering need no
 * catalogue: a run from another machine or an older build reads the same.
 *
 * @param kind         baseline (java), interpreted (the pure-Python source runs) or native (a C or
 *                     numpy kernel does the compute)
 * @param antiPattern  a labelled way people get it wrong; drawn dashed
 * @param whyItHurts   one line for anti-patterns, else empty
 * @param config       the pattern's configuration, machine-independent (its fork's JVM flags with the
 *                     checkout's paths written as $GLUEBENCH, its transport): two runs measured the
 *                     same pattern only if these agree; null if unknown
 * @param zeroCopyTwin for a pattern that copies the data on each call, the zero-copy pattern it is
 *                     weighed against (jni-copy: jni); null for none, or when the run predates the field
 * @param chatty       the pattern makes one round trip per element instead of one per call; null when the
 *                     run predates the field
 */
public record PatternInfo(String name, Family family, Kind kind, boolean antiPattern, String measures, String whyItHurts,
        String config, String zeroCopyTwin, Boolean chatty) {

    /** A pattern described without its configuration (older runs, imported results). */
    public PatternInfo(String name, Family family, Kind kind, boolean antiPattern, String measures, String whyItHurts) {
        this(name, family, kind, antiPattern, measures, whyItHurts, null, null, null);
    }

    /** A pattern described without the roles the four questions read (older runs). */
    public PatternInfo(String name, Family family, Kind kind, boolean antiPattern, String measures, String whyItHurts,
            String config) {
        this(name, family, kind, antiPattern, measures, whyItHurts, config, null, null);
    }

    public PatternInfo withConfig(String c) {
        return new PatternInfo(name, family, kind, antiPattern, measures, whyItHurts, c, zeroCopyTwin, chatty);
    }

    /** The same, with the roles a run written before they were stored lacks. */
    public PatternInfo withRoles(String twin, Boolean isChatty) {
        return new PatternInfo(name, family, kind, antiPattern, measures, whyItHurts, config, twin, isChatty);
    }
}
