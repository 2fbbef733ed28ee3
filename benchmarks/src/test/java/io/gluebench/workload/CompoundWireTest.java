package io.gluebench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes compound results cross as: round trips, and refusal of what a broken far side sends. */
class CompoundWireTest {
    private static final Compound WORDS = new Compound.WordCounts(7, List.of(
            new Compound.WordCount("g\u00e5ka", 4), new Compound.WordCount("lo", 2)));
    private static final Compound SUMS = new Compound.CategorySums(List.of(
            new Compound.CategorySum("books", -120), new Compound.CategorySum("toys", 99)));
    private static final Compound CSV = new Compound.CsvTotals(-3, 2.5, 11);

    @Test
    void roundTrips() {
        assertEquals(WORDS, decode(ResultKind.WORD_COUNTS, CompoundWire.encode(WORDS)));
        assertEquals(SUMS, decode(ResultKind.CATEGORY_SUMS, CompoundWire.encode(SUMS)));
        assertEquals(CSV, decode(ResultKind.CSV_TOTALS, CompoundWire.encode(CSV)));
        assertEquals(new Compound.WordCounts(0, List.of()),
                decode(ResultKind.WORD_COUNTS, CompoundWire.encode(new Compound.WordCounts(0, List.of()))));
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        byte[] b = CompoundWire.encode(CSV);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(24, b.length);
        assertEquals(-3, buf.getLong());
        assertEquals(2.5, buf.getDouble());
        assertEquals(11, buf.getLong());
        ByteBuffer s = ByteBuffer.wrap(CompoundWire.encode(SUMS)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, s.getInt());
        assertEquals(5, s.getInt());
        assertEquals('b', s.get());
    }

    @Test
    void truncatedOrPaddedOrAbsurdInputIsRefused() {
        byte[] good = CompoundWire.encode(WORDS);
        for (int cut = 0; cut < good.length; cut++) {
            byte[] part = Arrays.copyOf(good, cut);
            assertThrows(IllegalArgumentException.class, () -> decode(ResultKind.WORD_COUNTS, part), "cut at " + cut);
        }
        byte[] padded = Arrays.copyOf(good, good.length + 1);
        assertThrows(IllegalArgumentException.class, () -> decode(ResultKind.WORD_COUNTS, padded));
        byte[] huge = CompoundWire.encode(SUMS);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(0, Integer.MAX_VALUE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decode(ResultKind.CATEGORY_SUMS, huge));
        assertTrue(e.getMessage().contains("cannot fit"), e.getMessage());
        byte[] negative = CompoundWire.encode(SUMS);
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1);
        assertThrows(IllegalArgumentException.class, () -> decode(ResultKind.CATEGORY_SUMS, negative));
        assertThrows(IllegalArgumentException.class, () -> decode(ResultKind.INT64, new byte[8]));
    }

    @Test
    void treesFromEmbeddedPythons() {
        Object words = List.of(7L, List.of(new Object[] {"g\u00e5ka", 4}, List.of("lo", 2L)));
        assertEquals(WORDS, CompoundWire.fromTree(ResultKind.WORD_COUNTS, words));
        assertEquals(CSV, CompoundWire.fromTree(ResultKind.CSV_TOTALS, new Object[] {-3L, 2.5, 11}));
        assertEquals(new Compound.CsvTotals(1, 2.0, 3), CompoundWire.fromTree(ResultKind.CSV_TOTALS, List.of(1, 2L, 3)),
                "a float that happens to be integral may come back as an int");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompoundWire.fromTree(ResultKind.CATEGORY_SUMS, List.of(List.of(1L, "books"))));
        assertTrue(e.getMessage().contains("CATEGORY_SUMS"), e.getMessage());
    }

    private static Compound decode(ResultKind kind, byte[] b) {
        return CompoundWire.decode(kind, b, b.length);
    }
}
