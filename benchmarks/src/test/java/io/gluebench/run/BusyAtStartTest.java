package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * "Other work at start" counts other processes' CPU, not the harness's own and not the last minutes
 * (the load average remembers a run that just ended; this does not).
 */
class BusyAtStartTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void anotherProcessSpinningIsCountedAndOurOwnSpinningIsNot() throws Exception {
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Thread.sleep(200);
            Double busy = Fingerprint.busyCores(CORES);
            assertNotNull(busy, "/proc/stat is readable on Linux");
            assertTrue(busy >= 0.5, "a process spinning on one core: " + busy + " cores busy");
        } finally {
            spinner.destroyForcibly().waitFor();
        }
        // Whatever else the machine runs now, our own spinning must not add to it.
        Double quiet = Fingerprint.busyCores(CORES);
        AtomicBoolean stop = new AtomicBoolean();
        Thread own = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x++;
            }
        });
        own.start();
        try {
            Double busy = Fingerprint.busyCores(CORES);
            assertTrue(busy != null && quiet != null && busy - quiet < 0.5,
                    "this process spinning is the harness's own: " + busy + " cores busy, " + quiet + " without it");
        } finally {
            stop.set(true);
            own.join();
        }
    }
}
