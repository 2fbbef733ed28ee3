package io.gluebench.run;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.RunStore;
import io.gluebench.result.Verification;
import io.gluebench.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Verifies one pattern on several (workload, size) pairs in a fresh JVM with that pattern's flags,
 * so native code and interpreters never load into the harness. A fork that crashes or hangs turns
 * into failed verdicts that quote its output, never into a crash of the caller.
 */
public final class ForkedVerifier {
    private final PatternEnv env;
    private final RunStore store = new RunStore();

    public ForkedVerifier(PatternEnv env) {
        this.env = env;
    }

    /** A (workload, size) pair to check. */
    public record Case(Workload workload, int size) {
    }

    public List<Verification> verify(PatternSpec spec, List<Case> cases, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("gluebench-verify-", ".json");
        Path log = Files.createTempFile("gluebench-verify-", ".log");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(ForkFlags.javaBinary());
            cmd.addAll(ForkFlags.forPattern(env, spec));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(VerifyMain.class.getName());
            cmd.add(spec.name());
            cmd.add(out.toString());
            for (Case c : cases) {
                cmd.add(c.workload().name() + ":" + c.size());
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            List<Verification> got = read(out);
            List<Verification> result = new ArrayList<>(got);
            String why = !done ? "the verification fork did not finish within " + timeoutSeconds + " s"
                    : "the verification fork exited with code " + p.exitValue();
            for (int i = got.size(); i < cases.size(); i++) {
                Case c = cases.get(i);
                String reference = c.workload().referenceText(c.workload().input(c.size()));
                result.add(new Verification(c.workload().name(), spec.name(), c.size(), null, reference, false, "",
                        why + "; its output ends with:\n" + tail(log), null));
            }
            return result;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(log);
        }
    }

    private List<Verification> read(Path out) {
        try {
            if (Files.size(out) == 0) {
                return List.of();
            }
            return store.mapper().readValue(out.toFile(), new TypeReference<List<Verification>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

}
