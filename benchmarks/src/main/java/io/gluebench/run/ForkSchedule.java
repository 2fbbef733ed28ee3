package io.gluebench.run;

import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Placement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The run's forks in a seeded random order (DESIGN truth rule 5). Points are grouped into forks by
 * the profile's fork span (one point, one pattern's sizes of one workload, or one pattern's every
 * point); each group is measured once per fork index; the forks of all groups are shuffled, and so
 * are the points inside each fork. The machine's drift over minutes then falls on every pattern
 * alike instead of on one pattern's block, and the same seed gives the same order.
 */
final class ForkSchedule {
    private ForkSchedule() {
    }

    /** One fork to launch: one pattern (at one placement), its fork index, its points in order. */
    record Unit(PatternSpec pattern, Placement placement, int fork, List<Plan.Item> items) {
        String name() {
            Plan.Item first = items.get(0);
            String what = items.stream().map(i -> i.workload().name()).distinct().count() == 1
                    ? first.workload().name() + "-" : "";
            return "fork-" + what + first.series().replace('@', '-') + "-f" + fork;
        }
    }

    /**
     * @param items  the points to measure (skipped ones left out)
     * @param wanted the fork indexes each point still needs (empty: none)
     * @param span   per pattern, its fork span (see {@link Profile.JmhSettings#span()})
     */
    static List<Unit> units(List<Plan.Item> items, Function<Plan.Item, Set<Integer>> wanted,
            Function<PatternSpec, String> span, Random rng) {
        Map<String, List<Plan.Item>> groups = new LinkedHashMap<>();
        for (Plan.Item item : items) {
            String s = span.apply(item.pattern());
            String key = item.series() + "|" + switch (s) {
                case Profile.JmhSettings.SPAN_PATTERN -> "";
                case Profile.JmhSettings.SPAN_WORKLOAD -> item.workload().name();
                default -> item.workload().name() + "|" + item.size();
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        List<Unit> units = new ArrayList<>();
        for (List<Plan.Item> group : groups.values()) {
            int most = group.stream().mapToInt(i -> wanted.apply(i).stream().mapToInt(Integer::intValue).max().orElse(-1))
                    .max().orElse(-1);
            for (int k = 0; k <= most; k++) {
                final int fork = k;
                List<Plan.Item> members = new ArrayList<>(group.stream().filter(i -> wanted.apply(i).contains(fork)).toList());
                if (!members.isEmpty()) {
                    units.add(new Unit(members.get(0).pattern(), members.get(0).placement(), fork, members));
                }
            }
        }
        Collections.shuffle(units, rng);
        List<Unit> shuffled = new ArrayList<>();
        for (Unit u : units) {
            List<Plan.Item> order = new ArrayList<>(u.items());
            Collections.shuffle(order, rng);
            shuffled.add(new Unit(u.pattern(), u.placement(), u.fork(), List.copyOf(order)));
        }
        return shuffled;
    }
}
