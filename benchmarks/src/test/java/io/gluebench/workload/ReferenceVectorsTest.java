package io.gluebench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.TestEnv;
import io.gluebench.workload.builtin.Csvparse;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Echo;
import io.gluebench.workload.builtin.Fannkuch;
import io.gluebench.workload.builtin.Nbody;
import io.gluebench.workload.builtin.Records;
import io.gluebench.workload.builtin.Sort;
import io.gluebench.workload.builtin.Spectralnorm;
import io.gluebench.workload.builtin.Wordfreq;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java reference against python-workloads/tests/vectors.json, the values pytest also checks:
 * both languages must build the same inputs and reach the same answers.
 */
class ReferenceVectorsTest {
    private static final Echo ECHO = new Echo();
    private static final Dot DOT = new Dot();
    private static final Nbody NBODY = new Nbody();
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
            WorkloadInput in = ECHO.input(v.get("n").asInt());
            assertEquals(v.get("expected").asLong(), ECHO.referenceBits(in), "echo n=" + v.get("n"));
        }
    }

    @Test
    void dotIsBitForBitTheSequentialSum() {
        for (JsonNode v : vectors.get("dot")) {
            WorkloadInput in = DOT.input(v.get("n").asInt());
            double expected = Double.parseDouble(v.get("expected").asText());
            assertEquals(expected, Double.longBitsToDouble(DOT.referenceBits(in)), 0.0, "dot n=" + v.get("n"));
        }
    }

    @Test
    void nbodyAgreesWithinItsTolerance() {
        for (JsonNode v : vectors.get("nbody")) {
            int steps = v.get("steps").asInt();
            WorkloadInput in = NBODY.input(steps);
            long expected = ResultKind.bits(Double.parseDouble(v.get("expected").asText()));
            assertTrue(NBODY.agrees(in, expected, NBODY.referenceBits(in)), "nbody steps=" + steps);
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

    /**
     * The compound workloads: the generator's output (length and head) and the structured answer,
     * compared as JSON, the form verify --json prints.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"wordfreq", "records", "csvparse"})
    void compoundWorkloadsAgreeWithThePythonVectors(String name) {
        Workload w = Workloads.byName(name).orElseThrow();
        JsonNode list = vectors.get(name);
        assertTrue(list != null && list.size() >= 3, "vectors.json has " + name);
        ObjectMapper json = new ObjectMapper();
        for (JsonNode v : list) {
            int n = v.get("n").asInt();
            WorkloadInput in = w.input(n);
            switch (in) {
                case WorkloadInput.WordFreq t -> {
                    assertEquals(v.get("length").asInt(), t.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                    assertEquals(v.get("head").asText(), t.text().substring(0, Math.min(60, t.text().length())));
                }
                case WorkloadInput.Csv c -> {
                    assertEquals(v.get("length").asInt(), c.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                    assertEquals(v.get("head").asText(), c.text().substring(0, Math.min(60, c.text().length())));
                }
                case WorkloadInput.Records r -> {
                    assertEquals(v.get("length").asInt(), r.sales().size());
                    for (int i = 0; i < v.get("head").size(); i++) {
                        JsonNode row = v.get("head").get(i);
                        Sale s = r.sales().get(i);
                        assertEquals(row.get(0).asLong(), s.id());
                        assertEquals(row.get(1).asText(), s.category());
                        assertEquals(row.get(2).asLong(), s.amountCents());
                    }
                }
                default -> throw new AssertionError(name + " is not compound");
            }
            Compound actual = w.referenceCompound(in);
            JsonNode got = json.valueToTree(actual);
            JsonNode expected = v.get("expected");
            if (actual instanceof Compound.CsvTotals t) {
                assertEquals(expected.get("intSum").asLong(), t.intSum(), name + " n=" + n);
                assertEquals(expected.get("textChars").asLong(), t.textChars(), name + " n=" + n);
                assertEquals(Double.parseDouble(expected.get("floatSum").asText()), t.floatSum(), 0.0,
                        "the sequential float sum is bit-exact, n=" + n);
            } else {
                assertEquals(expected.toString(), got.toString(), name + " n=" + n);
            }
        }
    }

    @Test
    void compoundComparisonRules() {
        Compound.CsvTotals t = new Compound.CsvTotals(5, 1000.0, 7);
        Tolerance tol = new Csvparse().tolerance();
        assertTrue(t.agrees(new Compound.CsvTotals(5, 1000.0 + 1e-10, 7), tol, 1000.0), "within 1e-12 of 1000");
        assertFalse(t.agrees(new Compound.CsvTotals(5, 1000.0 + 1e-6, 7), tol, 1000.0));
        assertFalse(t.agrees(new Compound.CsvTotals(6, 1000.0, 7), tol, 1000.0), "integers are exact");
        assertFalse(t.agrees(new Compound.CsvTotals(5, 1000.0, 8), tol, 1000.0));
        Compound.WordCounts w = Wordfreq.wordfreq("ka ka lo\nmi ka lo");
        assertEquals(new Compound.WordCounts(3, java.util.List.of(new Compound.WordCount("ka", 3),
                new Compound.WordCount("lo", 2), new Compound.WordCount("mi", 1))), w);
        assertFalse(w.agrees(Wordfreq.wordfreq("ka ka lo\nmi ka mi"), tol, 0), "a tie broken the other way");
        assertEquals(new Compound.CsvTotals(2, 1.25, 5), Csvparse.csvparse("qty,price,label\n3,1.5,ab\n-1,-0.250,xyz\n"));
        assertEquals(new Compound.CategorySums(java.util.List.of(new Compound.CategorySum("a", -2),
                new Compound.CategorySum("b", 15))), Records.records(java.util.List.of(
                new Sale(1, "b", 5), new Sale(2, "a", -2), new Sale(3, "b", 10))));
    }

    @Test
    void wordfreqKeepsTheTenMostFrequentTiesByWord() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            for (int r = 0; r <= i % 4; r++) {
                text.append("w").append((char) ('a' + i % 26)).append(i / 26).append(' ');
            }
        }
        Compound.WordCounts w = Wordfreq.wordfreq(text.toString());
        assertEquals(30, w.distinct());
        assertEquals(10, w.top().size());
        java.util.List<Compound.WordCount> sorted = new java.util.ArrayList<>(w.top());
        sorted.sort(Wordfreq.BY_FREQUENCY);
        assertEquals(sorted, w.top());
        assertEquals(new Compound.WordCount("wb1", 4), w.top().get(0), "count 4 for i = 3, 7, ..., 27; wb1 (i = 27) sorts first");
    }

    @Test
    void aMalformedCsvLineIsRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Csvparse.csvparse("qty,price,label\n1,2.0\n"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Csvparse.csvparse("qty,price,label\n1,2.0,a,b\n"));
    }

    @Test
    void publishedValuesOfTheBenchmarksGame() {
        assertEquals("1.274219991", String.format(java.util.Locale.ROOT, "%.9f", Spectralnorm.spectralnorm(100)));
        assertEquals(Fannkuch.pack(228, 16), Fannkuch.fannkuch(7));
        assertEquals(Fannkuch.pack(1616, 22), Fannkuch.fannkuch(8));
    }

    @Test
    void sortDoesNotTouchItsInput() {
        double[] data = ((WorkloadInput.Sort) new Sort().input(100)).data();
        double[] copy = data.clone();
        Sort.sort(data);
        org.junit.jupiter.api.Assertions.assertArrayEquals(copy, data);
    }

    @Test
    void nbodyMatchesThePublishedEnergies() {
        assertEquals("-0.169075164", String.format(java.util.Locale.ROOT, "%.9f", Nbody.nbody(0)));
        assertEquals("-0.169087605", String.format(java.util.Locale.ROOT, "%.9f", Nbody.nbody(1000)));
    }

    @Test
    void toleranceRejectsAWrongAnswer() {
        WorkloadInput in = DOT.input(1000);
        long right = DOT.referenceBits(in);
        long wrong = ResultKind.bits(Double.longBitsToDouble(right) * (1 + 1e-6));
        assertTrue(DOT.agrees(in, right, right));
        assertFalse(DOT.agrees(in, right, wrong));
        assertFalse(ECHO.agrees(ECHO.input(10), 5, 6));
        assertFalse(NBODY.agrees(in, right, ResultKind.bits(Double.NaN)));
    }
}
