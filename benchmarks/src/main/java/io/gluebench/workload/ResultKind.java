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
    /**
     * Bytes (a user's function that returns bytes): they cross back whole, and the Java side of the
     * call reads them into their 64-bit FNV-1a digest ({@link #digest}), which is what is compared.
     */
    BYTES,
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
            case BYTES -> String.format("fnv1a64:%016x", bits);
            case WORD_COUNTS, CATEGORY_SUMS, CSV_TOTALS -> throw compound();
        };
    }

    public String format(long bits) {
        return switch (this) {
            case INT64 -> Long.toString(bits);
            case FLOAT64 -> Double.toString(Double.longBitsToDouble(bits));
            case PAIR32 -> "checksum=" + (int) (bits >> 32) + " maxFlips=" + (int) bits;
            case BYTES -> String.format("bytes with FNV-1a digest %016x", bits);
            case WORD_COUNTS, CATEGORY_SUMS, CSV_TOTALS -> throw compound();
        };
    }

    /** The 64-bit FNV-1a digest of bytes: how a BYTES answer is compared (gluebench_py.worker computes the same). */
    public static long digest(byte[] data, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset; i < offset + length; i++) {
            h ^= data[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    public static long digest(java.nio.ByteBuffer data) {
        long h = 0xcbf29ce484222325L;
        for (int i = data.position(); i < data.limit(); i++) {
            h ^= data.get(i) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A BYTES answer as a pattern's bridge hands it over (byte[], a ByteBuffer), read into its digest. */
    public static long digestOf(Object answer) {
        if (answer instanceof byte[] b) {
            return digest(b, 0, b.length);
        }
        if (answer instanceof java.nio.ByteBuffer b) {
            return digest(b);
        }
        throw new IllegalArgumentException("the function returned " + (answer == null ? "None" : answer.getClass().getSimpleName())
                + " where bytes were expected");
    }

    private IllegalStateException compound() {
        return new IllegalStateException(name() + " is a compound result: it is not carried in 64 bits");
    }
}
