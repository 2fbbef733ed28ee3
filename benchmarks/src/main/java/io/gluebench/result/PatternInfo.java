package io.gluebench.result;

/**
 * What a run knows about a pattern, stored with it so that analysis and rendering need no
 * catalogue: a run from another machine or an older build reads the same.
 *
 * @param kind        baseline (java), interpreted (the pure-Python source runs) or native (a C or
 *                    numpy kernel does the compute)
 * @param antiPattern a labelled way people get it wrong; drawn dashed
 * @param whyItHurts  one line for anti-patterns, else empty
 * @param config      the pattern's configuration, machine-independent (its fork's JVM flags with the
 *                    checkout's paths written as $GLUEBENCH, its transport): two runs measured the
 *                    same pattern only if these agree; null if unknown
 */
public record PatternInfo(String name, Family family, Kind kind, boolean antiPattern, String measures, String whyItHurts,
        String config) {

    /** A pattern described without its configuration (older runs, imported results). */
    public PatternInfo(String name, Family family, Kind kind, boolean antiPattern, String measures, String whyItHurts) {
        this(name, family, kind, antiPattern, measures, whyItHurts, null);
    }

    public PatternInfo withConfig(String c) {
        return new PatternInfo(name, family, kind, antiPattern, measures, whyItHurts, c);
    }
}
