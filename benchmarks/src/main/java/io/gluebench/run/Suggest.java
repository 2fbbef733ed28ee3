package io.gluebench.run;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean" for a mistyped name: the closest valid one, when it is close enough to be the intent. */
public final class Suggest {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggest() {
    }

    /**
     * " (did you mean 'x'?)" for the valid name nearest to {@code given} (at most a third of its
     * letters away, and two: a swapped pair), or "" when none is that near.
     */
    public static String closest(String given, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = DISTANCE.apply(given.toLowerCase(java.util.Locale.ROOT), n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }
}
