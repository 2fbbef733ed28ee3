package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.pattern.Patterns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    @Test
    void shippedProfilesParse() throws Exception {
        Profiles profiles = Profiles.load();
        assertEquals(List.of("smoke", "quick", "standard"), profiles.all().stream().map(Profile::name).toList());
        Profile smoke = profiles.get("smoke");
        assertEquals(1, smoke.jmh().warmupIterations());
        for (Profile p : List.of(smoke, profiles.get("standard"))) {
            assertEquals(io.gluebench.workload.Workloads.names().stream().sorted().toList(),
                    p.workloads().stream().sorted().toList(), p.name() + " carries every workload");
        }
        for (Profile p : List.of(smoke, profiles.get("standard"))) {
            assertEquals(io.gluebench.pattern.Patterns.names(), p.patterns(),
                    p.name() + " covers every pattern of the catalogue, in its order");
        }
        List<String> workerAntiPatterns = List.of("worker-json", "worker-chatty", "spawn-per-call");
        assertTrue(profiles.get("quick").patterns().stream().noneMatch(workerAntiPatterns::contains),
                "the 10-minute README command leaves them out");
        for (String name : workerAntiPatterns) {
            var spec = Patterns.byName(name).orElseThrow();
            assertTrue(spec.antiPattern() && !spec.whyItHurts().isBlank(), name + " is a labelled anti-pattern");
            assertEquals("pipe", spec.transport(), name + " talks over pipes");
        }
        assertFalse(profiles.get("quick").patterns().contains("py4j-python"), "py4j is not in the README budget");
    }

    @Test
    void quickSpansFourSizesPerWorkloadAndWarmsGraalPyForTenSeconds() throws Exception {
        Profile quick = Profiles.load().get("quick");
        assertEquals(List.of("echo", "dot", "nbody"), quick.workloads(), "the 10-minute budget carries three");
        assertEquals(io.gluebench.workload.Workloads.names().stream().sorted().toList(),
                quick.sizes().keySet().stream().sorted().toList(), "every workload has quick sizes for --workload");
        quick.sizes().values().forEach(s -> assertEquals(4, s.size()));
        assertEquals(List.of("echo", "dot", "nbody"),
                Plan.of(quick, List.of(), List.of("java"), List.of()).items().stream()
                        .map(i -> i.workload().name()).distinct().toList());
        assertEquals(List.of(1, 100, 10000, 100000),
                Plan.of(quick, List.of("records"), List.of("java"), List.of()).items().stream()
                        .map(Plan.Item::size).toList(), "a workload outside the default set runs at its quick sizes");
        Profile.JmhSettings g = quick.graalpyJmh();
        assertTrue(g.adaptiveWarmup() && g.warmupCapMillis() >= 20_000, "GraalPy may warm up for 20 s or more");
        assertTrue(g.warmupProperty(true).startsWith("50,5000,"), "a GraalPy fork's first point waits out Graal's own warm-up: "
                + g.warmupProperty(true));
        assertEquals("point", quick.spanFor(io.gluebench.result.Family.JVM), "plain Java gets one JVM per point, so no other size shapes its JIT");
        assertEquals("workload", quick.spanFor(io.gluebench.result.Family.JEP));
        assertEquals("pattern", quick.spanFor(io.gluebench.result.Family.GRAALPY));
        assertTrue(g.warmupProperty(false).startsWith("50,1000,"), g.warmupProperty(false));
        assertTrue(quick.jmh().forkCount() >= 3 && g.forkCount() >= 3, "quick measures each point in 3 or more forks");
        assertEquals(1, Profiles.load().get("smoke").jmh().forkCount(), "smoke keeps one fork");
        assertTrue(quick.floors());
    }

    @Test
    void unknownProfileListsTheValidOnes() {
        UsageException e = assertThrows(UsageException.class, () -> Profiles.load().get("fast"));
        assertEquals("unknown profile 'fast'; valid profiles: smoke, quick, standard", e.getMessage());
    }

    @Test
    void badProfilesAreRejected() {
        String json = """
                {"x": {"description": "d", "sizes": {"nope": [1]}, "patterns": ["java", "cobol"],
                       "jmh": {"warmupIterations": 1, "warmupMillis": 1, "measurementIterations": 1, "measurementMillis": 1,
                               "forkSpanByFamily": {"jvm": "thread"}},
                       "graalpyJmh": {"warmupIterations": 1, "warmupMillis": 1, "measurementIterations": 1, "measurementMillis": 1},
                       "floors": false, "pointTimeoutSeconds": 10}}
                """;
        IOException e = assertThrows(IOException.class,
                () -> Profiles.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("unknown workload nope") && e.getMessage().contains("unknown pattern cobol")
                && e.getMessage().contains("forkSpanByFamily.jvm must be point, workload or pattern, not thread"),
                e.getMessage());
    }

    @Test
    void planCrossesWorkloadsSizesAndPatterns() throws Exception {
        Profile quick = Profiles.load().get("quick");
        Plan plan = Plan.of(quick, List.of("dot"), List.of("java", "jni"), List.of());
        assertEquals(8, plan.items().size());
        Plan sized = Plan.of(quick, List.of(), List.of("java"), List.of(5));
        assertEquals(3, sized.items().size());
        assertFalse(Plan.of(quick, List.of(), List.of(), List.of()).items().isEmpty());
        assertEquals(Patterns.names().size(), Patterns.ALL.stream().map(p -> p.name()).distinct().count());
    }
}
