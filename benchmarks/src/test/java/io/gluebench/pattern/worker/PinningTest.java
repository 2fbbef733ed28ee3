package io.gluebench.pattern.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gluebench.pattern.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinningTest {
    @Test
    void cpuListsParse() {
        assertEquals(List.of(0, 1), Pinning.parseCpuList("0-1"));
        assertEquals(List.of(0, 2, 3, 4, 7), Pinning.parseCpuList("0,2-4,7"));
        assertEquals(List.of(3), Pinning.parseCpuList(" 3 "));
    }

    @Test
    void freePlacementPinsNothing() throws Exception {
        assertEquals(List.of(), Pinning.apply(Placement.FREE));
        assertFalse(Pinning.allowedCpus().isEmpty());
    }
}
