package io.gluebench.cli;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.RunStore;
import io.gluebench.report.TextTable;
import io.gluebench.run.Doctor;
import io.gluebench.run.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "List every pattern as available or skipped with the reason, the versions of every runtime, and "
                + "what the system does to benchmark numbers (CPU governor, turbo, load), with what to change.")
public final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** The JSON document of `doctor --json`. */
    public record Report(Map<String, String> versions, List<Doctor.Availability> patterns,
            List<Doctor.Capability> capabilities, List<io.gluebench.run.SystemCheck.Item> system) {
    }

    @Override
    public Integer call() throws Exception {
        PatternEnv env = PatternEnv.fromSystem();
        Doctor doctor = new Doctor(env, new Fingerprint(env).versions());
        if (json) {
            System.out.println(new RunStore().mapper().writeValueAsString(new Report(doctor.versions(), doctor.all(), doctor.capabilities(),
                    io.gluebench.run.SystemCheck.now())));
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("runtime", "version"));
        doctor.versions().forEach((k, v) -> rows.add(List.of(k, v)));
        System.out.println(TextTable.render(rows));
        rows.clear();
        rows.add(List.of("pattern", "family", "status"));
        for (Doctor.Availability a : doctor.all()) {
            rows.add(List.of(a.pattern(), a.family(), a.available() ? "available" : "skipped: " + a.reason()));
        }
        System.out.println(TextTable.render(rows));
        rows.clear();
        rows.add(List.of("capability", "kind", "status"));
        for (Doctor.Capability c : doctor.capabilities()) {
            rows.add(List.of(c.name(), c.kind(), (c.available() ? "available" : "not available")
                    + (c.reason() == null ? "" : ": " + c.reason())));
        }
        System.out.println(TextTable.render(rows));
        rows.clear();
        rows.add(List.of("system", "state", "for benchmarking"));
        List<String> advice = new ArrayList<>();
        for (io.gluebench.run.SystemCheck.Item i : io.gluebench.run.SystemCheck.now()) {
            rows.add(List.of(i.name(), i.state(), i.verdict()));
            if (i.advice() != null) {
                advice.add(i.name() + ": " + i.advice());
            }
        }
        System.out.print(TextTable.render(rows));
        if (!advice.isEmpty()) {
            System.out.println();
            System.out.println("what to change:");
            advice.forEach(a -> System.out.println("  " + a));
        }
        return 0;
    }
}
