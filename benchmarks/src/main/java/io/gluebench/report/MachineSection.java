package io.gluebench.report;

import static io.gluebench.report.Format.nz;

import io.gluebench.report.Doc.Block;
import io.gluebench.report.Doc.Cell;
import io.gluebench.report.Doc.Fact;
import io.gluebench.report.Doc.Facts;
import io.gluebench.report.Doc.Heading;
import io.gluebench.report.Doc.Note;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.report.Doc.Section;
import io.gluebench.report.Doc.Table;
import io.gluebench.result.Machine;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Machine: the run's machine fingerprint, the runtime versions it recorded and the profile's settings. */
final class MachineSection implements ReportSection {
    @Override
    public Section section(ReportInput in) {
        Run run = in.run();
        List<Block> blocks = new ArrayList<>();
        Machine m = run.machine();
        if (m == null) {
            blocks.add(new Note(Phrase.of("This run recorded no machine fingerprint; compare it with care."), true));
            return new Section("machine", "Machine", blocks);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("id", Phrase.builder().code(nz(m.id())).build()));
        facts.add(new Fact("hostname", Phrase.of(nz(m.hostname()))));
        facts.add(new Fact("CPU", Phrase.of(nz(m.cpuModel()))));
        facts.add(new Fact("cores", Phrase.of(Integer.toString(m.cores()))));
        facts.add(new Fact("memory", Phrase.of(Format.bytes(m.memoryBytes()) + " (" + Format.size(m.memoryBytes()) + " bytes)")));
        facts.add(new Fact("OS", Phrase.of(nz(m.os()))));
        facts.add(new Fact("kernel", Phrase.of(nz(m.kernel()))));
        facts.add(new Fact("JDK", Phrase.of(nz(m.jdkVendor()) + " " + nz(m.jdkVersion()))));
        facts.add(new Fact("git commit", Phrase.builder().code(nz(m.gitCommit()))
                .text(m.gitDirty() ? " — dirty: the tree had uncommitted changes" : " — clean").build()));
        facts.add(new Fact("started", Phrase.of(nz(m.startedAt()))));
        facts.add(new Fact("load average", Phrase.of(m.loadAverage() < 0 ? "unknown"
                : Format.fixed(m.loadAverage(), 2) + " (1 min, at start)")));
        if (m.busyCoresAtStart() != null) {
            facts.add(new Fact("other work at start", Phrase.of(Format.fixed(m.busyCoresAtStart(), 2)
                    + " of " + m.cores() + " cores busy (the half second before the run, the harness excluded)")));
        }
        if (m.origin() != null) {
            facts.add(new Fact("origin", Phrase.of(m.origin() + "; not measured or verified by gluebench")));
        }
        blocks.add(new Facts(facts));
        if (m.versions() != null && !m.versions().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            m.versions().forEach((k, v) -> rows.add(List.of(Cell.text(nz(k)), Cell.code(nz(v)))));
            blocks.add(new Heading("Runtime versions", "versions"));
            blocks.add(new Table(null, List.of("runtime", "version"), rows, true, true));
        }
        if (run.settings() != null && !run.settings().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", run.settings(), flat);
            flat.forEach((k, v) -> rows.add(List.of(Cell.text(k), v.length() > 40 ? Cell.text(v) : Cell.code(v))));
            blocks.add(new Heading("Profile settings", "settings"));
            blocks.add(new Table(null, List.of("setting", "value"), rows, true, true));
        }
        return new Section("machine", "Machine", blocks);
    }

    /** Nested settings as dotted keys: profile.name, profile.sizes; lists joined with commas. */
    static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof Collection<?> c) {
            out.put(prefix, String.join(", ", c.stream().map(String::valueOf).toList()));
        } else {
            out.put(prefix, String.valueOf(value));
        }
    }
}
