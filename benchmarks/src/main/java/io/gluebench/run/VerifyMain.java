package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.PointSession;
import io.gluebench.result.RunStore;
import io.gluebench.result.Verification;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a verification fork: one pattern, several (workload, size) pairs, each opened,
 * checked against the Java reference and closed. Writes the verdicts as JSON to the output file.
 * Usage: VerifyMain PATTERN OUT_FILE WORKLOAD:SIZE...
 */
public final class VerifyMain {
    private VerifyMain() {
    }

    public static void main(String[] args) throws Exception {
        PatternSpec spec = Patterns.byName(args[0]).orElseThrow();
        Path out = Path.of(args[1]);
        PatternEnv env = PatternEnv.fromSystem().withAllowInterpreter(Boolean.getBoolean("gluebench.allowInterpreter"));
        RunStore store = new RunStore();
        List<Verification> verdicts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] ws = args[i].split(":");
            Workload w = Workloads.byName(ws[0]).orElseThrow();
            int size = Integer.parseInt(ws[1]);
            try (PointSession s = PointSession.open(spec, w, size, env)) {
                verdicts.add(s.verification());
            } catch (PointSession.VerificationException e) {
                verdicts.add(e.verification());
            }
            store.writeJson(out, verdicts);
        }
        store.writeJson(out, verdicts);
        System.exit(0);
    }
}
