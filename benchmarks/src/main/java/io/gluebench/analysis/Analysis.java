package io.gluebench.analysis;

import java.util.List;

/**
 * Everything the charts, the report and the advisor show, computed from one stored run.
 *
 * @param models      one per (workload, pattern) with at least two measured sizes
 * @param crossovers  every pair that changes places, headline pairs first
 * @param overhead    a / t(N) at each measured point
 * @param fastest     per workload and size, each pattern's time and the fastest
 * @param warnings    stability warnings with remedies
 */
public record Analysis(
        List<CostModel> models,
        List<Crossover> crossovers,
        List<OverheadShare> overhead,
        List<Fastest.Row> fastest,
        List<StabilityWarning> warnings) {

    public java.util.Optional<CostModel> model(String workload, String pattern) {
        return models.stream().filter(m -> m.workload().equals(workload) && m.pattern().equals(pattern)).findFirst();
    }

    public List<Crossover> crossovers(String workload) {
        return crossovers.stream().filter(c -> c.workload().equals(workload)).toList();
    }
}
