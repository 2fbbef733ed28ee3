package io.gluebench.report;

import io.gluebench.analysis.Advisor;
import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Bullets;
import io.gluebench.report.Doc.Para;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * The four questions for a workload at its middle measured size, led by the recommendation: the
 * paragraph a design review reads first (`advise` answers them at any N, R and T).
 */
final class Decision {
    private Decision() {
    }

    static List<Block> blocks(ReportInput in, String w) {
        Run run = in.run();
        List<Integer> sizes = run.points().stream().filter(p -> p.workload().equals(w) && p.isOk())
                .map(Point::size).distinct().sorted().toList();
        if (sizes.isEmpty()) {
            return List.of();
        }
        int n = sizes.get(sizes.size() / 2);
        Advisor.Advice a = Advisor.advise(run, in.analysis(), w, n, null, null);
        if (a.ranking().isEmpty() || a.recommendation() == null || a.recommendation().pattern() == null) {
            return List.of();
        }
        var rec = a.recommendation();
        List<Block> out = new ArrayList<>();
        out.add(new Para(Phrase.builder().text("At N=" + Format.size(n) + ": ").strong(rec.action()).text(" (")
                .code(rec.pattern()).text("): " + rec.because() + ".").build()));
        out.add(new Bullets(a.questions().stream().map(q -> Phrase.builder().strong(q.question()).text(" ")
                .code(q.verdict()).text(" " + q.text()).build()).toList()));
        out.add(new Para(Phrase.builder().muted("Where the interpreted and the native-backed patterns change places:").build()));
        return out;
    }
}
