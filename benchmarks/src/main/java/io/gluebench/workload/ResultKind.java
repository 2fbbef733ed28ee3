package io.gluebench.workload;

/**
 * How a workload's result is carried through a timed call. Scalar kinds travel as the raw 64 bits
 * of a long or of a double, so that no call boxes its answer. Compound kinds are decoded into a
 * {@link Compound} by the call (see {@link CompoundWire} for the bytes they cross as).
 */
public enum ResultKind {
    INT64, FLOAT64,
    /** Two 32-bit ints packed as (first << 32) | second: fannkuch's checksum and maximum flips. */
    PAIR32,
    /** wordfreq: {@link Compound.WordCounts}. */
    WORD_COUNTS,
    /** records: {@link Compound.CategorySums}. */
    CATEGORY_SUMS,
    /** csvparse: {@link Compound.CsvTotals}. */
    CSV_TOTALS;

    public static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    public boolean isCompound() {
        return ordinal() >= WORD_COUNTS.ordinal();
    }

    /** The result as a JSON-friendly value: a number, or for PAIR32 {"checksum": c, "maxFlips": m}. */
    public Object decode(long bits) {
        return switch (this) {
            case INT64 -> bits;
            case FLOAT64 -> Double.longBitsToDouble(bits);
            case PAIR32 -> java.util.Map.of("checksum", (int) (bits >> 32), "maxFlips", (int) bits);
            case WORD_COUNTS, CATEGORY_SUMS, CSV_TOTALS -> throw compound();
        };
    }

    public String format(long bits) {
        return switch (this) {
            case INT64 -> Long.toString(bits);
            case FLOAT64 -> Double.toString(Double.longBitsToDouble(bits));
            case PAIR32 -> "checksum=" + (int) (bits >> 32) + " maxFlips=" + (int) bits;
            case WORD_COUNTS, CATEGORY_SUMS, CSV_TOTALS -> throw compound();
        };
    }

    private IllegalStateException compound() {
        return new IllegalStateException(name() + " is a compound result: it is not carried in 64 bits");
    }
}
