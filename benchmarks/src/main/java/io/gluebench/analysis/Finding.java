package io.gluebench.analysis;

import io.gluebench.result.Units;
import java.util.List;

/**
 * The finding of a workload in one line, for a chart's title: who wins where, read from its decision
 * strip (so a tie is never reported as a win). "dot: jep-numpy wins above N≈40, java below"; "dot:
 * java fastest at every size measured"; when no size has a clear winner, it says so. Pure function.
 */
public final class Finding {
    private Finding() {
    }

    /** The sentence for a workload's strip ({@link Decision#strip}), starting with the workload's name. */
    public static String of(String workload, List<Decision.Segment> strip) {
        return workload + ": " + sentence(strip);
    }

    static String sentence(List<Decision.Segment> strip) {
        if (strip.isEmpty()) {
            return "nothing measured";
        }
        int lastWinner = -1;
        for (int i = 0; i < strip.size(); i++) {
            if (!strip.get(i).tie()) {
                lastWinner = i;
            }
        }
        if (lastWinner < 0) {
            return "no clear winner at any size measured";
        }
        if (strip.size() == 1) {
            return strip.get(0).pattern() + " fastest at every size measured";
        }
        Decision.Segment last = strip.get(strip.size() - 1);
        if (last.tie()) {
            Decision.Segment s = strip.get(lastWinner);
            String where = lastWinner == 0 && s.sizes().size() > 1 ? "up to N=" + n(s.sizes().get(s.sizes().size() - 1))
                    : "at " + range(s.sizes());
            return s.pattern() + " fastest " + where + ", no clear winner above";
        }
        Decision.Segment prev = strip.get(strip.size() - 2);
        String out;
        if (prev.modelEdge()) {
            out = last.pattern() + " wins above N≈" + n(prev.toN());
        } else if (last.sizes().size() == 1) {
            out = last.pattern() + " fastest at N=" + n(last.sizes().get(0)) + ", the largest size";
        } else {
            out = last.pattern() + " fastest from N=" + n(last.sizes().get(0)) + " up";
        }
        if (strip.size() == 2) {
            out += prev.tie() ? ", no clear winner below" : ", " + prev.pattern() + " below";
        }
        return out;
    }

    private static String range(List<Integer> sizes) {
        int a = sizes.get(0);
        int b = sizes.get(sizes.size() - 1);
        return a == b ? "N=" + n(a) : "N=" + n(a) + "–" + n(b);
    }

    private static String n(double v) {
        return Units.count(v);
    }
}
