package io.gluebench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.TestEnv;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java reference against python-workloads/tests/vectors.json, the values pytest also checks:
 * both languages must build the same inputs and reach the same answers.
 */
class ReferenceVectorsTest {
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        vectors = new ObjectMapper().readTree(TestEnv.env().pythonWorkloads().resolve("tests/vectors.json").toFile());
    }

    @Test
    void splitMixMatchesThePythonGenerator() {
        SplitMix64 rng = new SplitMix64(vectors.at("/splitmix64/seed").asLong());
        for (JsonNode hex : vectors.at("/splitmix64/first")) {
            assertEquals(Long.parseUnsignedLong(hex.asText().substring(2), 16), rng.next());
        }
    }

    @Test
    void echoIsExact() {
        assertFalse(vectors.get("echo").isEmpty());
        for (JsonNode v : vectors.get("echo")) {
            WorkloadInput in = Workloads.ECHO.input(v.get("n").asInt());
            assertEquals(v.get("expected").asLong(), Workloads.ECHO.referenceBits(in), "echo n=" + v.get("n"));
        }
    }

    @Test
    void dotIsBitForBitTheSequentialSum() {
        for (JsonNode v : vectors.get("dot")) {
            WorkloadInput in = Workloads.DOT.input(v.get("n").asInt());
            double expected = Double.parseDouble(v.get("expected").asText());
            assertEquals(expected, Double.longBitsToDouble(Workloads.DOT.referenceBits(in)), 0.0, "dot n=" + v.get("n"));
        }
    }

    @Test
    void nbodyAgreesWithinItsTolerance() {
        for (JsonNode v : vectors.get("nbody")) {
            int steps = v.get("steps").asInt();
            WorkloadInput in = Workloads.NBODY.input(steps);
            long expected = ResultKind.bits(Double.parseDouble(v.get("expected").asText()));
            assertTrue(Workloads.NBODY.agrees(in, expected, Workloads.NBODY.referenceBits(in)), "nbody steps=" + steps);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"spectralnorm", "mandelbrot", "matmul", "sort", "fannkuch"})
    void catalogueWorkloadsAgreeWithThePythonVectors(String name) {
        Workload w = Workloads.byName(name).orElseThrow();
        JsonNode list = vectors.get(name);
        assertTrue(list != null && list.size() >= 3, "vectors.json has " + name);
        for (JsonNode v : list) {
            WorkloadInput in = w.input(v.get("n").asInt());
            long actual = w.referenceBits(in);
            JsonNode e = v.get("expected");
            if (w.resultKind() == ResultKind.FLOAT64) {
                long expected = ResultKind.bits(Double.parseDouble(e.asText()));
                assertTrue(w.agrees(in, expected, actual), name + " n=" + v.get("n") + ": " + e.asText() + " vs "
                        + w.resultKind().format(actual));
            } else {
                assertEquals(e.asLong(), actual, name + " n=" + v.get("n"));
            }
            if (name.equals("fannkuch")) {
                assertEquals(v.get("checksum").asInt(), (int) (actual >> 32));
                assertEquals(v.get("maxflips").asInt(), (int) actual);
            }
        }
    }

    @Test
    void publishedValuesOfTheBenchmarksGame() {
        assertEquals("1.274219991", String.format(java.util.Locale.ROOT, "%.9f", Reference.spectralnorm(100)));
        assertEquals(Reference.pack(228, 16), Reference.fannkuch(7));
        assertEquals(Reference.pack(1616, 22), Reference.fannkuch(8));
    }

    @Test
    void sortDoesNotTouchItsInput() {
        double[] data = ((WorkloadInput.Sort) Workloads.SORT.input(100)).data();
        double[] copy = data.clone();
        Reference.sort(data);
        org.junit.jupiter.api.Assertions.assertArrayEquals(copy, data);
    }

    @Test
    void nbodyMatchesThePublishedEnergies() {
        assertEquals("-0.169075164", String.format(java.util.Locale.ROOT, "%.9f", Reference.nbody(0)));
        assertEquals("-0.169087605", String.format(java.util.Locale.ROOT, "%.9f", Reference.nbody(1000)));
    }

    @Test
    void toleranceRejectsAWrongAnswer() {
        WorkloadInput in = Workloads.DOT.input(1000);
        long right = Workloads.DOT.referenceBits(in);
        long wrong = ResultKind.bits(Double.longBitsToDouble(right) * (1 + 1e-6));
        assertTrue(Workloads.DOT.agrees(in, right, right));
        assertFalse(Workloads.DOT.agrees(in, right, wrong));
        assertFalse(Workloads.ECHO.agrees(Workloads.ECHO.input(10), 5, 6));
        assertFalse(Workloads.NBODY.agrees(in, right, ResultKind.bits(Double.NaN)));
    }
}
