package io.gluebench.analysis;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each family's fastest member for one workload, so that a chart of many patterns can draw one line
 * per family in full. A pattern's family is the one its stored info names (a pattern without info is
 * a family of its own); the fastest member is the one with the lowest mean among its family's members
 * at the most measured sizes, the earlier in the run's pattern order on a draw. A run of one family
 * only is grouped by pattern instead (its placements the members). Pure function of a run.
 */
public final class Families {
    private Families() {
    }

    /** The family the run's pattern info gives, or the pattern's own name when it has none. */
    public static String family(Run run, String pattern) {
        return run.pattern(pattern).map(PatternInfo::family).filter(f -> f != io.gluebench.result.Family.OTHER)
                .map(io.gluebench.result.Family::label).orElse(pattern);
    }

    /** Family to its fastest member, families in the order their first member appears in the run's pattern order. */
    public static Map<String, String> leads(Run run, String workload) {
        List<String> order = Fastest.catalogueOrder(run);
        Map<String, List<String>> members = new LinkedHashMap<>();
        TreeMap<Integer, Map<String, Double>> bySize = new TreeMap<>();
        for (Point p : run.points()) {
            if (p.workload().equals(workload) && p.isOk() && p.score() != null && p.score() > 0) {
                bySize.computeIfAbsent(p.size(), k -> new HashMap<>()).put(p.series(), p.score());
            }
        }
        for (String p : order) {
            if (bySize.values().stream().anyMatch(m -> m.containsKey(p))) {
                members.computeIfAbsent(family(run, p), k -> new ArrayList<>()).add(p);
            }
        }
        if (members.size() == 1) {
            // One family only (a study of one family's transports or placements): its patterns are
            // the groups, each with its fastest placement in full.
            List<String> all = members.values().iterator().next();
            members.clear();
            all.forEach(p -> members.computeIfAbsent(run.patternOf(p), k -> new ArrayList<>()).add(p));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : members.entrySet()) {
            Map<String, Integer> wins = new HashMap<>();
            for (Map<String, Double> at : bySize.values()) {
                e.getValue().stream().filter(at::containsKey).min((a, b) -> Double.compare(at.get(a), at.get(b)))
                        .ifPresent(w -> wins.merge(w, 1, Integer::sum));
            }
            String lead = e.getValue().get(0);
            for (String m : e.getValue()) {
                if (wins.getOrDefault(m, 0) > wins.getOrDefault(lead, 0)) {
                    lead = m;
                }
            }
            out.put(e.getKey(), lead);
        }
        return out;
    }
}
