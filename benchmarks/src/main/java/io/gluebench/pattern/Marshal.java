package io.gluebench.pattern;

import io.gluebench.workload.Compound;
import io.gluebench.workload.CompoundWire;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Sale;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import io.gluebench.workload.WorkloadInput;

/**
 * How structured inputs are flattened for the patterns that cannot take Java objects, and how
 * compound answers come back. Every method here runs inside a timed call: marshalling is part of
 * the crossing's price.
 *
 * <p>Records cross the byte-oriented boundaries (C, the worker) in one columnar little-endian
 * buffer, the records request of native/include/gluebench.h:
 * <pre>i64 n, n x i64 id, n x i64 amount, n x u8 category length, the categories' UTF-8 bytes</pre>
 * and the embedded Pythons as rows of boxed values, {@code Object[] {Long id, String category,
 * Long amount}}: the generic shape a Java caller hands an interpreter.
 */
public final class Marshal {
    private Marshal() {
    }

    /** The most bytes a compound answer needs here: ten words or a few hundred categories. */
    public static final int RESULT_CAPACITY = 1 << 16;

    /** The exact size of the records request for these sales. */
    public static int recordsRequestSize(List<Sale> sales) {
        long size = 8 + 17L * sales.size();
        for (Sale s : sales) {
            int b = s.category().getBytes(StandardCharsets.UTF_8).length;
            if (b < 1 || b > 255) {
                throw new IllegalArgumentException("a category must have 1 to 255 UTF-8 bytes: " + s.category());
            }
            size += b;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many records for one request: " + sales.size());
        }
        return (int) size;
    }

    /** Writes the records request at {@code buf}'s position (little-endian) and advances it. */
    public static void encodeRecords(List<Sale> sales, ByteBuffer buf) {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        int n = sales.size();
        buf.putLong(n);
        int ids = buf.position();
        int amounts = ids + 8 * n;
        int lengths = amounts + 8 * n;
        int bytes = lengths + n;
        for (int i = 0; i < n; i++) {
            Sale s = sales.get(i);
            byte[] category = s.category().getBytes(StandardCharsets.UTF_8);
            buf.putLong(ids + 8 * i, s.id());
            buf.putLong(amounts + 8 * i, s.amountCents());
            buf.put(lengths + i, (byte) category.length);
            buf.put(bytes, category);
            bytes += category.length;
        }
        buf.position(bytes);
    }

    /** The sales as rows {id, category, amount} of boxed values. */
    public static Object[][] rows(List<Sale> sales) {
        Object[][] rows = new Object[sales.size()][];
        for (int i = 0; i < rows.length; i++) {
            Sale s = sales.get(i);
            rows[i] = new Object[] {s.id(), s.category(), s.amountCents()};
        }
        return rows;
    }

    /** The categories column. */
    public static String[] categories(List<Sale> sales) {
        String[] out = new String[sales.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sales.get(i).category();
        }
        return out;
    }

    /**
     * What a C kernel of a compound workload reads, made on each call (inside the timed region): the
     * UTF-8 of the text, or the records request written into one reused array.
     */
    public static Supplier<byte[]> nativeInput(WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.WordFreq w -> () -> w.text().getBytes(StandardCharsets.UTF_8);
            case WorkloadInput.Csv c -> () -> c.text().getBytes(StandardCharsets.UTF_8);
            case WorkloadInput.Records r -> {
                List<Sale> sales = r.sales();
                byte[] request = new byte[recordsRequestSize(sales)];
                ByteBuffer buf = ByteBuffer.wrap(request);
                yield () -> {
                    buf.clear();
                    encodeRecords(sales, buf);
                    return request;
                };
            }
            default -> throw new IllegalArgumentException(input.getClass().getSimpleName() + " has no byte input for C");
        };
    }

    /** The name of the C kernel behind a compound result, for messages. */
    public static String nativeKernel(ResultKind kind) {
        return switch (kind) {
            case WORD_COUNTS -> "gb_wordfreq";
            case CATEGORY_SUMS -> "gb_records";
            case CSV_TOTALS -> "gb_csvparse";
            case INT64, FLOAT64, PAIR32, BYTES -> throw new IllegalArgumentException(kind + " is not a compound result");
        };
    }

    /**
     * Decodes what a C kernel wrote into {@code out}, or explains its error code
     * (see GB_ERR_* in native/include/gluebench.h).
     */
    public static Compound nativeResult(ResultKind kind, long written, byte[] out, String kernel)
            throws PatternException {
        if (written < 0) {
            throw new PatternException(kernel + " failed: " + switch ((int) written) {
                case -1 -> "out of memory";
                case -2 -> "the result does not fit in " + out.length + " bytes";
                case -3 -> "the kernel rejected its input as malformed";
                default -> "error code " + written;
            });
        }
        if (written > out.length) {
            throw new PatternException(kernel + " claims " + written + " bytes in a buffer of " + out.length);
        }
        return CompoundWire.decode(kind, out, (int) written);
    }
}
