package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's system checks over fake /sys and /proc trees: a laptop's defaults, a tuned box, a VM. */
class SystemCheckTest {
    @TempDir
    Path root;

    private void put(String file, String text) throws Exception {
        Path f = root.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text + "\n");
    }

    @Test
    void aLaptopsDefaultsAreNamedWithWhatToChange() throws Exception {
        put("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "powersave");
        put("sys/devices/system/cpu/cpu1/cpufreq/scaling_governor", "powersave");
        put("sys/devices/system/cpu/intel_pstate/no_turbo", "0");
        put("proc/loadavg", "1.52 0.80 0.40 2/300 1234");
        List<SystemCheck.Item> items = SystemCheck.of(root, 2, 0.9);
        SystemCheck.Item governor = items.get(0);
        assertEquals("powersave on CPU 0,1", governor.state());
        assertEquals("warn", governor.verdict());
        assertTrue(governor.advice().contains("cpupower frequency-set -g performance"), governor.advice());
        SystemCheck.Item turbo = items.get(1);
        assertEquals("warn", turbo.verdict());
        assertTrue(turbo.advice().contains("no_turbo"), turbo.advice());
        SystemCheck.Item load = items.get(2);
        assertEquals("warn", load.verdict());
        assertTrue(load.state().contains("0.90 of 2 cores") && load.state().contains("1.52"), load.state());
    }

    @Test
    void aTunedQuietMachineIsOk() throws Exception {
        put("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance");
        put("sys/devices/system/cpu/cpufreq/boost", "0");
        put("proc/loadavg", "0.01 0.02 0.00 1/200 99");
        put("sys/devices/system/cpu/isolated", "1");
        List<SystemCheck.Item> items = SystemCheck.of(root, 2, 0.0);
        for (SystemCheck.Item i : items) {
            assertTrue(!"warn".equals(i.verdict()), i.toString());
        }
        assertNull(items.get(0).advice());
        assertEquals("1", items.get(4).state());
    }

    @Test
    void aVirtualMachineWithoutCpufreqIsUnknownNotGuessed() {
        List<SystemCheck.Item> items = SystemCheck.of(root, 2, null);
        assertEquals("unknown", items.get(0).verdict());
        assertTrue(items.get(0).state().startsWith("not exposed"), items.get(0).state());
        assertEquals("unknown", items.get(1).verdict());
        assertEquals("unknown", items.get(2).verdict());
    }
}
