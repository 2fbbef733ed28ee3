package io.gluebench.analysis;

import java.util.List;
import java.util.Map;

/**
 * Two or more stored runs compared point by point against the first (the baseline): what
 * {@code gluebench compare} prints, charts and writes. Computed by {@link Comparer}.
 *
 * @param rules      the thresholds the verdicts were decided by
 * @param runs       the runs in the order given; the first is the baseline
 * @param points     one row per shared point and non-baseline run, in the baseline's point order
 * @param warnings   full sentences with a remedy: what could not be checked, too few samples
 * @param families   per non-baseline run and pattern family: geometric mean of the ratios, verdict counts
 * @param crossovers per workload, each headline crossover's N* in every run, side by side
 */
public record Comparison(
        Rules rules,
        List<RunRef> runs,
        List<PointComparison> points,
        List<StabilityWarning> warnings,
        List<FamilySummary> families,
        List<CrossoverShift> crossovers) {


    /**
     * @param alpha            significance level of the U test
     * @param band             practical band: ratios within [1/(1+band), 1+band] count as the same
     * @param level            confidence level of the ratio's interval
     * @param fewSamplesRemedy what to do when the U test cannot reach alpha (names a profile)
     */
    public record Rules(double alpha, double band, double level, String fewSamplesRemedy) {
        public static Rules defaults(String fewSamplesRemedy) {
            return new Rules(0.05, 0.02, 0.95, fewSamplesRemedy);
        }
    }

    /**
     * One run as the comparison names it.
     *
     * @param letter A for the baseline, then B, C, ...: the short name in tables
     * @param label  machine-id/run-id: the name in legends and warnings
     */
    public record RunRef(String letter, String label, String machineId, String runId, String profile, String cpuModel,
            Integer cores, String jdkVersion, String gitCommit, boolean gitDirty, Integer measurementIterations) {
    }

    /**
     * One point of a non-baseline run against the same point of the baseline.
     *
     * @param ratio       mean time per call of {@code run} / of the baseline (below 1: faster), null
     *                    when not comparable
     * @param ci          interval of the ratio, null without two samples per side
     * @param u           Mann-Whitney U of this run's samples against the baseline's
     * @param p           two-sided p-value of the U test
     * @param exactP      true when p is exact, false for the normal approximation
     * @param testCanDecide false when the sample sizes are too small for p to ever fall below alpha
     * @param reason      why the point is not comparable, or why the verdict is what it is
     */
    public record PointComparison(String key, String workload, String pattern, int size, String transport,
            String placement, String family, String run, Double baselineNs, Double otherNs, int baselineSamples,
            int otherSamples, @com.fasterxml.jackson.annotation.JsonUnwrapped Test test,
            io.gluebench.result.Verdict verdict, String reason) {

        /** The row's label: the pattern, with its placement unless free. */
        public String series() {
            return io.gluebench.result.Series.label(pattern, placement);
        }

        public Double ratio() {
            return test == null ? null : test.ratio();
        }

        public Interval ci() {
            return test == null ? null : test.ci();
        }

        public Double p() {
            return test == null ? null : test.p();
        }

        public Boolean testCanDecide() {
            return test == null ? null : test.testCanDecide();
        }
    }

    /**
     * The statistics of a comparable point: the ratio of means with its interval (log scale, delta
     * method) and Welch-Satterthwaite degrees of freedom, and the Mann-Whitney U test; {@link #NONE}
     * for a point that is not comparable.
     */
    public record Test(Double ratio, Interval ci, Double df, Double u, Double p, Boolean exactP, Boolean testCanDecide) {
        /** A point that is not comparable: no statistics (written as nulls, as always). */
        public static final Test NONE = new Test(null, null, null, null, null, null, null);
    }

    /**
     * @param run        the non-baseline run (its letter)
     * @param compared   points with a ratio (every verdict but not comparable)
     * @param geomeanRatio geometric mean of those ratios, null when there are none
     * @param verdicts   count per verdict, every verdict present
     */
    public record FamilySummary(String family, String run, int compared, Double geomeanRatio,
            Map<io.gluebench.result.Verdict, Integer> verdicts) {
    }

    /** One crossover (a pair of patterns) of a workload in every run. */
    public record CrossoverShift(String workload, String patternA, String patternB, List<CrossoverAt> runs) {
    }

    /**
     * The crossover in one run; {@code found} false when this run shows no crossover of the pair.
     *
     * @param smallWinner the pattern faster below N* in this run
     */
    public record CrossoverAt(String run, boolean found, String smallWinner, Double modelN, Interval ci,
            Integer bracketLow, Integer bracketHigh, boolean extrapolated) {
    }
}
