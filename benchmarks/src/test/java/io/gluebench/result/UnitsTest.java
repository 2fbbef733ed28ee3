package io.gluebench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsAndCountsAsShortLabels() {
        assertEquals("0.94 ns", Units.nanos(0.94));
        assertEquals("12 ns", Units.nanos(12));
        assertEquals("3.4 µs", Units.nanos(3400));
        assertEquals("84.5 µs", Units.nanos(84_512));
        assertEquals("5 ms", Units.nanos(5e6));
        assertEquals("1.2 s", Units.nanos(1.2e9));
        assertEquals("950", Units.count(950));
        assertEquals("1.2k", Units.count(1200));
        assertEquals("3M", Units.count(3e6));
        assertEquals("2G", Units.count(2e9));
    }
}
