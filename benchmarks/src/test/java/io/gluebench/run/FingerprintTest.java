package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Machine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final List<String> CACHES = List.of("L1d 32K", "L1i 32K", "L2 512K", "L3 32768K");

    @Test
    void machineIdIsTheHostnameAndAHashOfTheHardware() {
        String id = Fingerprint.machineId("Build-Box.example.org", "AMD EPYC 7B13", 2, 24L << 30, 2, CACHES);
        assertTrue(id.matches("build-box-[0-9a-f]{6}"), id);
        assertEquals(id, Fingerprint.machineId("Build-Box.example.org", "AMD EPYC 7B13", 2, 24L << 30, 2, CACHES),
                "stable");
        assertNotEquals(id, Fingerprint.machineId("Build-Box.example.org", "AMD EPYC 7B13", 4, 24L << 30, 4, CACHES),
                "more cores is another machine");
        assertNotEquals(id, Fingerprint.machineId("Build-Box", "AMD EPYC 7B13", 2, 24L << 30, 2, List.of("L2 1024K")),
                "other caches are another machine");
        assertEquals(id.substring(id.length() - 6),
                Fingerprint.machineId("other", "AMD EPYC 7B13", 2, 24L << 30, 2, CACHES).substring(6),
                "the hash covers the hardware only");
        assertTrue(Fingerprint.machineId("", "x", 1, 1L << 30, null, List.of()).startsWith("host-"));
    }

    @Test
    void machineNamesThatCouldEscapeTheResultsFolderAreRefused() {
        assertNull(Fingerprint.checkMachineName("ci-runner-2"));
        assertNull(Fingerprint.checkMachineName("laptop.alice_1"));
        assertNull(Fingerprint.checkMachineName(null));
        for (String bad : List.of("", "..", ".", "../etc", "a/b", "-x", "a b", "x".repeat(65), "é")) {
            String why = Fingerprint.checkMachineName(bad);
            assertNotNull(why, bad);
            assertTrue(why.contains("--machine-name") && !why.contains("\n"), why);
        }
    }

    @Test
    void theFingerprintRecordsTheHardwareAndTheBuild() {
        Fingerprint fp = new Fingerprint(PatternEnv.fromSystem());
        Machine m = fp.machine(Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
        assertTrue(m.cores() >= 1);
        assertEquals(Fingerprint.caches(), m.caches());
        assertTrue(m.id().matches("[a-z0-9-]+-[0-9a-f]{6}"), m.id());
        Machine named = fp.machine(Map.of(), Instant.parse("2026-01-01T00:00:00Z"), "my-laptop");
        assertEquals("my-laptop", named.id());
        assertNull(m.origin(), "measured here, not imported");
    }
}
