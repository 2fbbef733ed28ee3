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
        boolean extrapolated) {
}
