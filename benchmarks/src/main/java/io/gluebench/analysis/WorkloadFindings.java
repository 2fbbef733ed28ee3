package io.gluebench.analysis;

import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the charts of one workload show, decided here so that they only draw it: the decision strips,
 * the ranges where the interpreted side wins, the crossovers worth a label, the speed-up table and
 * the default size of the overhead breakdown.
 *
 * @param finding         the finding in one line, for a title ({@link Finding})
 * @param sizes           the sizes with a measured point, ascending
 * @param strip           the fastest pattern across N ({@link Decision#strip})
 * @param pythonStrip     the fastest way in CPython across N ({@link Decision#pythonStrip})
 * @param interpretedWins where CPython running the Python beats the native-backed side ({@link Regions})
 * @param marks           the crossovers worth a label, at most {@link KeyCrossovers#PER_CHART}
 * @param familyLeads     family (in a run of one family: pattern) to its fastest member ({@link Families#leads}),
 *                        in the run's pattern order
 * @param speedup         every pattern against the analysis's baseline, or null (no baseline measured)
 * @param overheadAt      the size of the overhead breakdown unless the reader names a measured one:
 *                        the median of the sizes most patterns measured, or null without a point
 */
public record WorkloadFindings(
        String workload,
        String finding,
        List<Integer> sizes,
        List<Decision.Segment> strip,
        List<Decision.Segment> pythonStrip,
        List<Regions.Range> interpretedWins,
        List<KeyCrossovers.Mark> marks,
        Map<String, String> familyLeads,
        Speedups.Table speedup,
        Integer overheadAt) {

    public WorkloadFindings {
        sizes = List.copyOf(sizes);
        strip = List.copyOf(strip);
        pythonStrip = List.copyOf(pythonStrip);
        interpretedWins = List.copyOf(interpretedWins);
        marks = List.copyOf(marks);
        familyLeads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(familyLeads));
    }

    /** A workload the analysis found nothing for. */
    public static WorkloadFindings none(String workload) {
        return new WorkloadFindings(workload, Finding.of(workload, List.of()), List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), null, null);
    }

    /** Whether a pattern is its family's fastest member here. */
    public boolean leadsItsFamily(String pattern) {
        return familyLeads.containsValue(pattern);
    }

    /** The size of the overhead breakdown: {@code requested} if the workload measured it, else {@link #overheadAt}. */
    public Integer overheadAt(Integer requested) {
        return requested != null && sizes.contains(requested) ? requested : overheadAt;
    }

    /** The findings of one workload, from the run and the analysis's models, crossovers and fastest rows. */
    static WorkloadFindings of(Run run, Analysis analysis, String workload, String baseline) {
        TreeSet<Integer> sizes = new TreeSet<>();
        run.points().stream().filter(p -> p.workload().equals(workload) && measured(p)).forEach(p -> sizes.add(p.size()));
        List<Decision.Segment> strip = Decision.strip(run, analysis, workload);
        return new WorkloadFindings(workload, Finding.of(workload, strip), List.copyOf(sizes), strip,
                Decision.pythonStrip(run, analysis, workload),
                Regions.interpretedWins(run, analysis, workload),
                KeyCrossovers.pick(run, analysis, workload, KeyCrossovers.PER_CHART),
                Families.leads(run, workload),
                Speedups.table(run, workload, baseline),
                overheadSize(run, workload));
    }

    /** The median of the sizes at least three quarters of the workload's patterns measured (of all sizes if none). */
    static Integer overheadSize(Run run, String workload) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        java.util.Set<String> patterns = new java.util.HashSet<>();
        for (Point p : run.points()) {
            if (p.workload().equals(workload) && measured(p)) {
                counts.merge(p.size(), 1, Integer::sum);
                patterns.add(p.series());
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        int most = (int) Math.ceil(0.75 * patterns.size());
        List<Integer> common = counts.entrySet().stream().filter(e -> e.getValue() >= most).map(Map.Entry::getKey).toList();
        List<Integer> from = common.isEmpty() ? List.copyOf(counts.keySet()) : common;
        return from.get(from.size() / 2);
    }

    private static boolean measured(Point p) {
        return p.isOk() && p.score() != null && p.score() > 0;
    }
}
