package io.gluebench.report;

import io.gluebench.report.Doc.Section;
import java.io.IOException;

/**
 * Draws a {@link Doc.Report} in one format. The walk is the same for every format (the title and
 * the contents, then each section's blocks in order), so report.html and report.md always carry the
 * same document; a format says only how each part is written. A renderer draws one document.
 */
abstract class DocRenderer {
    /** The whole document as text. */
    final String draw(Doc.Report report) throws IOException {
        begin(report);
        for (Section s : report.sections()) {
            openSection(s);
            for (Doc.Block b : s.blocks()) {
                switch (b) {
                    case Doc.Heading x -> heading(x);
                    case Doc.Para x -> para(x);
                    case Doc.Note x -> note(x);
                    case Doc.Bullets x -> bullets(x);
                    case Doc.Facts x -> facts(x);
                    case Doc.Table x -> table(x);
                    case Doc.Figure x -> figure(x);
                }
                afterBlock();
            }
            closeSection(s);
        }
        return end(report);
    }

    /** The title, the header facts and the contents. */
    abstract void begin(Doc.Report report);

    abstract void openSection(Section s);

    abstract void heading(Doc.Heading h);

    abstract void para(Doc.Para p);

    abstract void note(Doc.Note n);

    abstract void bullets(Doc.Bullets b);

    abstract void facts(Doc.Facts f);

    abstract void table(Doc.Table t);

    abstract void figure(Doc.Figure f) throws IOException;

    void afterBlock() {
    }

    void closeSection(Section s) {
    }

    /** The footer; returns the finished text. */
    abstract String end(Doc.Report report);

    /** Whether every row has a numeric cell in this column (its header is then set as numeric). */
    static boolean numericColumn(Doc.Table t, int col) {
        return !t.rows().isEmpty() && t.rows().stream().allMatch(r -> r.size() > col && r.get(col).numeric());
    }
}
