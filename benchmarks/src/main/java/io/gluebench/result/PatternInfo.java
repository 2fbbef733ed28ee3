package io.gluebench.result;

/**
 * What a run knows about a pattern, stored with it so that analysis and rendering need no
 * catalogue: a run from another machine or an older build reads the same.
 *
 * @param kind        baseline (java), interpreted (the pure-Python source runs) or native (a C or
 *                    numpy kernel does the compute)
 * @param antiPattern a labelled way people get it wrong; drawn dashed
 * @param whyItHurts  one line for anti-patterns, else empty
 */
public record PatternInfo(String name, String family, String kind, boolean antiPattern, String measures, String whyItHurts) {
    public static final String BASELINE = "baseline";
    public static final String INTERPRETED = "interpreted";
    public static final String NATIVE = "native";
}
