package io.gluebench.report;

import static io.gluebench.report.Format.nz;

import io.gluebench.report.Doc.Fact;
import io.gluebench.report.Doc.Phrase;
import io.gluebench.result.Machine;
import io.gluebench.result.Run;
import java.util.ArrayList;
import java.util.List;

/** The facts under the report's title: the run, its profile, when it started, its status, the machine in one line. */
final class RunHeader {
    private RunHeader() {
    }

    static List<Fact> facts(Run run) {
        List<Fact> out = new ArrayList<>();
        out.add(new Fact(Doc.Report.RUN, Phrase.builder().code(nz(run.runId())).build()));
        out.add(new Fact("profile", Phrase.of(nz(run.profile()))));
        out.add(new Fact("started", Phrase.of(Format.date(run.startedAt()))));
        if (run.status() != null && !"complete".equals(run.status())) {
            out.add(new Fact("status", Phrase.builder().strong(run.status()).build()));
        }
        out.add(new Fact("machine", Phrase.of(machineLine(run.machine()))));
        return out;
    }

    static String machineLine(Machine m) {
        if (m == null) {
            return "no machine fingerprint recorded";
        }
        List<String> parts = new ArrayList<>();
        parts.add(nz(m.cpuModel()));
        parts.add(m.cores() + (m.cores() == 1 ? " core" : " cores"));
        parts.add(Format.bytes(m.memoryBytes()));
        if (m.os() != null) {
            parts.add(m.os());
        }
        if (m.jdkVersion() != null) {
            parts.add("JDK " + m.jdkVersion());
        }
        if (m.versions() != null && m.versions().get("cpython") != null) {
            parts.add("CPython " + m.versions().get("cpython"));
        }
        if (m.gitCommit() != null) {
            parts.add("git " + shortCommit(m.gitCommit()) + (m.gitDirty() ? " (dirty)" : ""));
        }
        return String.join(" · ", parts);
    }

    static String shortCommit(String c) {
        return c.length() > 10 ? c.substring(0, 10) : c;
    }
}
