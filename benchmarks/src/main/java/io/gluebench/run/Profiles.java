package io.gluebench.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.pattern.Patterns;
import io.gluebench.workload.Workloads;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profiles shipped in profiles.json, checked against the catalogues when loaded. */
public final class Profiles {
    private final Map<String, Profile> byName;

    private Profiles(Map<String, Profile> byName) {
        this.byName = byName;
    }

    public static Profiles load() {
        try (InputStream in = Profiles.class.getResourceAsStream("/io/gluebench/profiles.json")) {
            if (in == null) {
                throw new IllegalStateException("profiles.json is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("profiles.json is unreadable: " + e.getMessage(), e);
        }
    }

    static Profiles parse(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Map<String, Profile> raw = mapper.readValue(in, new TypeReference<LinkedHashMap<String, Profile>>() { });
        Map<String, Profile> out = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            Profile p = e.getValue().named(e.getKey());
            List<String> problems = validate(p);
            if (!problems.isEmpty()) {
                throw new IOException("profile " + e.getKey() + ": " + String.join("; ", problems));
            }
            out.put(e.getKey(), p);
        }
        return new Profiles(out);
    }

    static List<String> validate(Profile p) {
        List<String> problems = new ArrayList<>();
        for (var e : p.sizes().entrySet()) {
            if (Workloads.byName(e.getKey()).isEmpty()) {
                problems.add("unknown workload " + e.getKey());
            }
            if (e.getValue() == null || e.getValue().isEmpty() || e.getValue().stream().anyMatch(n -> n == null || n < 0)) {
                problems.add("workload " + e.getKey() + " needs one or more sizes >= 0");
            }
        }
        for (String w : p.workloads()) {
            if (!p.sizes().containsKey(w)) {
                problems.add("default workload " + w + " has no sizes");
            }
        }
        for (String pattern : p.patterns()) {
            if (Patterns.byName(pattern).isEmpty()) {
                problems.add("unknown pattern " + pattern);
            }
        }
        if (p.jmh() == null || p.graalpyJmh() == null) {
            problems.add("jmh and graalpyJmh settings are required");
        } else {
            for (var j : List.of(p.jmh(), p.graalpyJmh())) {
                if (j.forkCount() < 1 || j.measurementIterations() < 1) {
                    problems.add("forks and measurementIterations must be >= 1");
                }
                var spans = List.of(Profile.JmhSettings.SPAN_POINT, Profile.JmhSettings.SPAN_WORKLOAD,
                        Profile.JmhSettings.SPAN_PATTERN);
                if (!spans.contains(j.span())) {
                    problems.add("forkSpan must be point, workload or pattern, not " + j.span());
                }
                j.forkSpanByFamily().forEach((family, span) -> {
                    if (!spans.contains(span)) {
                        problems.add("forkSpanByFamily." + family + " must be point, workload or pattern, not " + span);
                    }
                });
                if (j.adaptiveWarmup() && (j.warmupCapMillis() == null || j.warmupCapMillis() < j.warmupBatchMillis())) {
                    problems.add("warmupCapMillis must be set and at least warmupBatchMillis");
                }
            }
        }
        if (p.startup() != null) {
            var st = p.startup();
            if (Workloads.byName(st.workload()).isEmpty()) {
                problems.add("startup: unknown workload " + st.workload());
            }
            if (st.forks() < 1 || st.calls() < 1 || st.size() < 0) {
                problems.add("startup: forks and calls must be >= 1 and size >= 0");
            }
            st.patterns().stream().filter(x -> Patterns.byName(x).isEmpty())
                    .forEach(x -> problems.add("startup: unknown pattern " + x));
        }
        if (p.scaling() != null) {
            var sc = p.scaling();
            if (Workloads.byName(sc.workload()).isEmpty()) {
                problems.add("scaling: unknown workload " + sc.workload());
            }
            if (sc.threads().isEmpty() || sc.threads().get(0) != 1 || sc.threads().stream().anyMatch(t -> t == null || t < 1)) {
                problems.add("scaling: threads must start at 1 and be >= 1, e.g. [1, 2]");
            }
            for (int i = 1; i < sc.threads().size(); i++) {
                if (sc.threads().get(i) != null && sc.threads().get(i - 1) != null
                        && sc.threads().get(i) <= sc.threads().get(i - 1)) {
                    problems.add("scaling: threads must increase, e.g. [1, 2, 4]");
                    break;
                }
            }
            if (sc.jmh() == null || sc.size() < 0) {
                problems.add("scaling: jmh settings and a size >= 0 are required");
            }
            if (sc.forks() < 1) {
                problems.add("scaling: forks must be >= 1 (3 or more give the factor an interval across JVMs)");
            }
            sc.patterns().stream().filter(x -> Patterns.byName(x).isEmpty())
                    .forEach(x -> problems.add("scaling: unknown pattern " + x));
        }
        if (p.extraForkSeconds() != null && p.extraForkSeconds() < 0) {
            problems.add("extraForkSeconds must be >= 0 (or absent for no limit)");
        }
        for (String f : p.workloadFiles()) {
            if (f == null || f.isBlank() || f.startsWith("/") || f.contains("..")) {
                problems.add("workloadFiles: " + f + " must be a path inside the project, e.g. python-workloads/examples/tokenizer.py");
            }
        }
        if (p.pointTimeoutSeconds() <= 0) {
            problems.add("pointTimeoutSeconds must be > 0");
        }
        return problems;
    }

    public Profile get(String name) throws UsageException {
        Profile p = byName.get(name);
        if (p == null) {
            throw new UsageException("unknown profile '" + name + "'; valid profiles: " + String.join(", ", byName.keySet()));
        }
        return p;
    }

    public List<Profile> all() {
        return List.copyOf(byName.values());
    }
}
