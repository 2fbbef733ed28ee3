package io.gluebench.cli;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.RunStore;
import io.gluebench.result.SkippedPattern;
import io.gluebench.result.Verification;
import io.gluebench.report.TextTable;
import io.gluebench.run.Doctor;
import io.gluebench.run.Fingerprint;
import io.gluebench.run.ForkedVerifier;
import io.gluebench.run.Plan;
import io.gluebench.run.Profiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run each selected pattern once per workload and size and compare its answer with the Java reference. "
                + "Exits 1 if any pattern disagrees.")
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    Selection selection;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Option(names = "--allow-graalpy-interpreter", description = "Accept GraalPy without its JIT.")
    boolean allowInterpreter;

    /** The JSON document of `verify --json`. */
    public record Report(boolean ok, List<Verification> results, List<SkippedPattern> skipped) {
    }

    @Override
    public Integer call() throws Exception {
        PatternEnv env = PatternEnv.fromSystem().withAllowInterpreter(allowInterpreter);
        if (selection.workloadFiles.isEmpty()) {
            return verify(env, selection.workloads);
        }
        // The forks read the workloads from users' files, with CPython's answers, from a file of their own.
        var profile = Profiles.load().get(selection.profile);
        var user = io.gluebench.run.UserWorkloads.prepare(env, profile, selection.workloadFiles, selection.sizes,
                selection.patterns);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gluebench-verify-");
        try {
            io.gluebench.run.UserWorkloads.publish(dir, user);
            List<String> workloads = new ArrayList<>(selection.workloads);
            user.forEach(w -> workloads.add(w.name()));
            return verify(env, workloads);
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
            System.clearProperty(io.gluebench.workload.Workloads.USER_PROPERTY);
        }
    }

    private Integer verify(PatternEnv env, List<String> workloads) throws Exception {
        Plan plan = Plan.of(Profiles.load().get(selection.profile), workloads, selection.patterns, selection.sizes);
        Doctor doctor = new Doctor(env, new Fingerprint(env).versions());
        Map<PatternSpec, List<ForkedVerifier.Case>> byPattern = new LinkedHashMap<>();
        List<SkippedPattern> skipped = new ArrayList<>();
        for (Plan.Item item : plan.items()) {
            String why = io.gluebench.run.Applicability.notApplicable(item.pattern(), item.workload(), item.size());
            if (why != null) {
                SkippedPattern s = new SkippedPattern(item.pattern().name(), why);
                if (!skipped.contains(s)) {
                    skipped.add(s);
                }
                continue;
            }
            byPattern.computeIfAbsent(item.pattern(), k -> new ArrayList<>()).add(new ForkedVerifier.Case(item.workload(), item.size()));
        }
        ForkedVerifier verifier = new ForkedVerifier(env);
        List<Verification> results = new ArrayList<>();
        for (var e : byPattern.entrySet()) {
            Doctor.Availability a = doctor.check(e.getKey());
            if (!a.available()) {
                skipped.add(new SkippedPattern(a.pattern(), a.reason()));
                continue;
            }
            if (!json) {
                System.err.printf("verifying %s (%d cases) ...%n", e.getKey().name(), e.getValue().size());
            }
            results.addAll(verifier.verify(e.getKey(), e.getValue(), plan.profile().pointTimeoutSeconds()));
        }
        boolean ok = results.stream().allMatch(Verification::ok);
        if (json) {
            System.out.println(new RunStore().mapper().writeValueAsString(new Report(ok, results, skipped)));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("workload", "N", "pattern", "value", "reference", "agrees"));
            for (Verification v : results) {
                rows.add(List.of(v.workload(), Integer.toString(v.size()), v.pattern(),
                        v.value() == null ? "-" : v.value(), v.reference(), v.ok() ? "yes" : "NO"));
            }
            System.out.print(TextTable.render(rows));
            for (Verification v : results) {
                if (!v.ok()) {
                    System.out.printf("%n%s %s n=%d: %s%n", v.pattern(), v.workload(), v.size(), v.error());
                }
            }
            for (SkippedPattern s : skipped) {
                System.out.printf("skipped %s: %s%n", s.pattern(), s.reason());
            }
            long bad = results.stream().filter(v -> !v.ok()).count();
            System.out.printf("%n%d agree, %d disagree or gave no answer, %d patterns skipped%n", results.size() - bad, bad, skipped.size());
        }
        return ok ? 0 : 1;
    }
}
