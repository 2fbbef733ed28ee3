package io.gluebench.analysis;

/**
 * Where two patterns change places for one workload: {@link #smallWinner} is faster at small N,
 * {@link #largeWinner} at large N.
 *
 * @param bracketLow  the largest measured N at which smallWinner is still faster (null if the
 *                    measured points do not show the swap)
 * @param bracketHigh the smallest measured N above it at which largeWinner is faster
 * @param modelN      N* where the fitted models are equal, or null when the models do not cross
 *                    or do not fit
 * @param modelCi     N*'s bootstrap interval, or null
 * @param headline    an interpreted pattern against a native-backed one
 * @param extrapolated modelN lies more than 4x outside the measured range
 * @param unsettled   the points of either pattern on this workload that never reached a steady
 *                    state ("pattern N=x: class"): a crossing read from them is labelled as such
 */
public record Crossover(
        String workload,
        String smallWinner,
        String largeWinner,
        Integer bracketLow,
        Integer bracketHigh,
        Double modelN,
        Interval modelCi,
        boolean headline,
        boolean extrapolated,
        java.util.List<String> unsettled) {

    public Crossover {
        unsettled = unsettled == null ? java.util.List.of() : java.util.List.copyOf(unsettled);
    }

    public Crossover(String workload, String smallWinner, String largeWinner, Integer bracketLow, Integer bracketHigh,
            Double modelN, Interval modelCi, boolean headline, boolean extrapolated) {
        this(workload, smallWinner, largeWinner, bracketLow, bracketHigh, modelN, modelCi, headline, extrapolated,
                java.util.List.of());
    }

    /** Whether every point the crossing is read from reached a steady state. */
    public boolean settled() {
        return unsettled.isEmpty();
    }
}
