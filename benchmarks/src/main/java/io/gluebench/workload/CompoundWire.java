package io.gluebench.workload;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a compound result crosses as, from the C kernels (JNI, FFM) and from the worker: one
 * little-endian format, also documented in native/include/gluebench.h and
 * python-workloads/gluebench_py/framing.py.
 *
 * <pre>
 * WORD_COUNTS    i64 distinct, i32 k, k x { i32 len, len bytes UTF-8 word, i64 count }
 * CATEGORY_SUMS  i32 k, k x { i32 len, len bytes UTF-8 category, i64 sum }
 * CSV_TOTALS     i64 intSum, f64 floatSum, i64 textChars
 * </pre>
 *
 * The far side is another process or foreign code, so decoding trusts nothing: a count or length
 * that does not fit the bytes received is an {@link IllegalArgumentException}, never a huge
 * allocation.
 */
public final class CompoundWire {
    private CompoundWire() {
    }

    public static Compound decode(ResultKind kind, byte[] bytes, int length) {
        return decode(kind, ByteBuffer.wrap(bytes, 0, length).slice());
    }

    /** Decodes the whole of {@code buf} (position to limit); its byte order is set to little-endian. */
    public static Compound decode(ResultKind kind, ByteBuffer buf) {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        try {
            Compound c = switch (kind) {
                case WORD_COUNTS -> {
                    long distinct = buf.getLong();
                    int k = count(buf, 12);
                    List<Compound.WordCount> top = new ArrayList<>(k);
                    for (int i = 0; i < k; i++) {
                        top.add(new Compound.WordCount(string(buf), buf.getLong()));
                    }
                    yield new Compound.WordCounts(distinct, top);
                }
                case CATEGORY_SUMS -> {
                    int k = count(buf, 12);
                    List<Compound.CategorySum> sums = new ArrayList<>(k);
                    for (int i = 0; i < k; i++) {
                        sums.add(new Compound.CategorySum(string(buf), buf.getLong()));
                    }
                    yield new Compound.CategorySums(sums);
                }
                case CSV_TOTALS -> new Compound.CsvTotals(buf.getLong(), buf.getDouble(), buf.getLong());
                case INT64, FLOAT64, PAIR32, BYTES -> throw new IllegalArgumentException(kind + " is not a compound result");
            };
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException("malformed " + kind + " result: " + buf.remaining()
                        + " bytes left over");
            }
            return c;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("malformed " + kind + " result: truncated", e);
        }
    }

    private static int count(ByteBuffer buf, int minEntryBytes) {
        int k = buf.getInt();
        if (k < 0 || (long) k * minEntryBytes > buf.remaining()) {
            throw new IllegalArgumentException("malformed result: " + k + " entries cannot fit in "
                    + buf.remaining() + " bytes");
        }
        return k;
    }

    private static String string(ByteBuffer buf) {
        int len = buf.getInt();
        if (len < 0 || len > buf.remaining()) {
            throw new IllegalArgumentException("malformed result: a string of " + len + " bytes with "
                    + buf.remaining() + " left");
        }
        if (buf.hasArray()) {
            String s = new String(buf.array(), buf.arrayOffset() + buf.position(), len, StandardCharsets.UTF_8);
            buf.position(buf.position() + len);
            return s;
        }
        byte[] b = new byte[len];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The encoding of {@code c}: what a correct far side sends. */
    public static byte[] encode(Compound c) {
        ByteBuffer buf = ByteBuffer.allocate(encodedSize(c)).order(ByteOrder.LITTLE_ENDIAN);
        switch (c) {
            case Compound.WordCounts w -> {
                buf.putLong(w.distinct()).putInt(w.top().size());
                for (Compound.WordCount e : w.top()) {
                    byte[] b = e.word().getBytes(StandardCharsets.UTF_8);
                    buf.putInt(b.length).put(b).putLong(e.count());
                }
            }
            case Compound.CategorySums s -> {
                buf.putInt(s.sums().size());
                for (Compound.CategorySum e : s.sums()) {
                    byte[] b = e.category().getBytes(StandardCharsets.UTF_8);
                    buf.putInt(b.length).put(b).putLong(e.cents());
                }
            }
            case Compound.CsvTotals t -> buf.putLong(t.intSum()).putDouble(t.floatSum()).putLong(t.textChars());
        }
        return buf.array();
    }

    private static int encodedSize(Compound c) {
        return switch (c) {
            case Compound.WordCounts w -> 12 + w.top().stream()
                    .mapToInt(e -> 12 + e.word().getBytes(StandardCharsets.UTF_8).length).sum();
            case Compound.CategorySums s -> 4 + s.sums().stream()
                    .mapToInt(e -> 12 + e.category().getBytes(StandardCharsets.UTF_8).length).sum();
            case Compound.CsvTotals t -> 24;
        };
    }

    /**
     * Builds the compound result from what an embedded Python returned, already converted to plain
     * Java values: lists (or arrays) of lists, numbers and strings.
     * <ul>
     * <li>WORD_COUNTS: (distinct, [(word, count), ...])</li>
     * <li>CATEGORY_SUMS: [(category, sum), ...]</li>
     * <li>CSV_TOTALS: (intSum, floatSum, textChars)</li>
     * </ul>
     */
    public static Compound fromTree(ResultKind kind, Object tree) {
        try {
            return switch (kind) {
                case WORD_COUNTS -> {
                    List<?> t = list(tree, 2);
                    List<Compound.WordCount> top = new ArrayList<>();
                    for (Object e : list(t.get(1), -1)) {
                        List<?> p = list(e, 2);
                        top.add(new Compound.WordCount((String) p.get(0), ((Number) p.get(1)).longValue()));
                    }
                    yield new Compound.WordCounts(((Number) t.get(0)).longValue(), top);
                }
                case CATEGORY_SUMS -> {
                    List<Compound.CategorySum> sums = new ArrayList<>();
                    for (Object e : list(tree, -1)) {
                        List<?> p = list(e, 2);
                        sums.add(new Compound.CategorySum((String) p.get(0), ((Number) p.get(1)).longValue()));
                    }
                    yield new Compound.CategorySums(sums);
                }
                case CSV_TOTALS -> {
                    List<?> t = list(tree, 3);
                    yield new Compound.CsvTotals(((Number) t.get(0)).longValue(),
                            ((Number) t.get(1)).doubleValue(), ((Number) t.get(2)).longValue());
                }
                case INT64, FLOAT64, PAIR32, BYTES -> throw new IllegalArgumentException(kind + " is not a compound result");
            };
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("the Python result does not have the " + kind + " shape: " + tree, e);
        }
    }

    private static List<?> list(Object o, int size) {
        List<?> l = o instanceof Object[] a ? List.of(a) : (List<?>) o;
        if (size >= 0 && l.size() != size) {
            throw new IllegalArgumentException("expected " + size + " items, got " + l.size() + ": " + o);
        }
        return l;
    }
}
