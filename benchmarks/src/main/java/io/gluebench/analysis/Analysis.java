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
 * @param findings    per workload with measured points, what its charts show (in the run's workload order)
 */
public record Analysis(
        List<CostModel> models,
        List<Crossover> crossovers,
        List<OverheadShare> overhead,
        List<Fastest.Row> fastest,
        List<StabilityWarning> warnings,
        List<WorkloadFindings> findings) {

    public Analysis {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** An analysis without per-workload findings (tests that need only the statistics). */
    public Analysis(List<CostModel> models, List<Crossover> crossovers, List<OverheadShare> overhead,
            List<Fastest.Row> fastest, List<StabilityWarning> warnings) {
        this(models, crossovers, overhead, fastest, warnings, List.of());
    }

    /** The findings of a workload; empty ones when the analysis has none for it. */
    public WorkloadFindings findings(String workload) {
        return findings.stream().filter(f -> f.workload().equals(workload)).findFirst()
                .orElseGet(() -> WorkloadFindings.none(workload));
    }

    public java.util.Optional<CostModel> model(String workload, String pattern) {
        return models.stream().filter(m -> m.workload().equals(workload) && m.pattern().equals(pattern)).findFirst();
    }

    public List<Crossover> crossovers(String workload) {
        return crossovers.stream().filter(c -> c.workload().equals(workload)).toList();
    }
}
