package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Patterns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** run --jvm-arg: checked before the run, given to every fork last, part of each pattern's configuration. */
class ForkOptionsTest {
    @Test
    void aFlagStartsWithADashIsOneArgumentAndIsNotTheHarnesssOwn() {
        assertNull(ForkOptions.refusal("-XX:+UseSerialGC"));
        assertNull(ForkOptions.refusal("-Xmx4g"), "the heap is the user's to choose");
        assertNull(ForkOptions.refusal("-Dmy.property=1"));
        assertTrue(ForkOptions.refusal("Xmx4g").contains("starts with '-'"));
        assertTrue(ForkOptions.refusal("-Dx=a b").contains("without spaces"));
        for (String own : List.of("-cp", "-classpath", "--class-path", "--upgrade-module-path=/x", "--module-path",
                "-jar", "--enable-native-access=ALL-UNNAMED", "-XX:ErrorFile=/tmp/x", "-Dgluebench.home=/x")) {
            assertTrue(ForkOptions.refusal(own).contains("the harness sets"), own);
        }
    }

    @Test
    void aFlagTheJvmRejectsIsRefusedInOneLineWithTheJvmsWords() {
        UsageException e = assertThrows(UsageException.class, () -> ForkOptions.of(List.of("-XX:+NoSuchFlag")));
        assertTrue(e.getMessage().contains("Unrecognized VM option 'NoSuchFlag'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void theFlagsComeLastInEveryForkAndInThePatternsConfiguration() throws Exception {
        var env = TestEnv.env();
        var jni = Patterns.byName("jni").orElseThrow();
        List<String> extra = ForkOptions.of(List.of("-XX:+UseSerialGC")).jvmArgs();
        List<String> flags = ForkFlags.forPattern(env, jni, extra);
        assertEquals("-XX:+UseSerialGC", flags.get(flags.size() - 1), "after the harness's own: the JVM takes the user's");
        assertEquals(ForkFlags.common(env).size() + 1, ForkFlags.forPattern(env, null, extra).size(), "the floors too");
        String plain = ForkFlags.config(env, jni, List.of());
        String with = ForkFlags.config(env, jni, extra);
        assertNotEquals(plain, with, "compare refuses to pair the two");
        assertTrue(with.endsWith("-XX:+UseSerialGC"), with);
        String profiled = ForkFlags.config(env, jni, List.of(), List.of("gc"));
        assertEquals(plain + "; profilers gc", profiled, "a profiled pattern is another configuration");
        assertEquals(plain, ForkFlags.config(env, jni, List.of(), List.of()));
    }

    @Test
    void theProfilersThatWrapTheJvmMakeJmhForkIt() throws Exception {
        assertEquals(false, ForkOptions.of(List.of(), List.of("gc", "stack")).jmhForks(), "gc and stack run in the fork");
        assertEquals(true, ForkOptions.of(List.of(), List.of("jfr")).jmhForks(), "jfr adds flags to the measured JVM");
        assertTrue(ForkOptions.profilerNames().containsAll(List.of("gc", "stack", "perfnorm", "async")),
                ForkOptions.profilerNames().toString());
    }

    @Test
    void aResumedRunTakesTheFlagsItWasStartedWith() throws Exception {
        Path dir = Path.of("run");
        assertEquals(List.of(), RunPipeline.storedForkOptions(dir, Map.of()).jvmArgs(), "a run without flags");
        assertEquals(List.of("-XX:+UseSerialGC"),
                RunPipeline.storedForkOptions(dir, Map.of(RunPipeline.JVM_ARGS, List.of("-XX:+UseSerialGC"))).jvmArgs());
        assertEquals(List.of("gc"),
                RunPipeline.storedForkOptions(dir, Map.of(RunPipeline.PROFILERS, List.of("gc"))).profilers());
        UsageException bad = assertThrows(UsageException.class,
                () -> RunPipeline.storedForkOptions(dir, Map.of(RunPipeline.JVM_ARGS, "-Xmx1g")));
        assertTrue(bad.getMessage().contains("settings.jvmArgs is not a list of words"), bad.getMessage());
    }
}
