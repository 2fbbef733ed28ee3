package io.gluebench.workload.builtin;

import io.gluebench.workload.Compound;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/**
 * csvparse: parse a header and N lines of generated CSV into columns; the answer is the integer and
 * float column sums and the total label length. Text parsing, glue code's daily bread.
 */
public final class Csvparse extends CompoundWorkload<WorkloadInput.Csv> {

    public Csvparse() {
        super(WorkloadInput.Csv.class, new Facts("csvparse",
                "Parse a header and N lines of generated CSV (int, float with 3 decimals, short label) into columns; "
                        + "the result is the integer and float column sums and the total label length. Text parsing, "
                        + "glue code's daily bread.",
                "data lines", "N", 0, 10_000_000,
                ResultKind.CSV_TOTALS, new Tolerance(1e-12, "numpy sums the float column pairwise; error measured "
                        + "against the sum of |price|. Everything else is exact"),
                "about 25 N bytes of text there, 24 back", "csvparse.py", null));
    }

    /** The header "qty,price,label", then n lines "qty,price,label" with price in thousandths. */
    @Override
    protected WorkloadInput.Csv generate(int n) {
        SplitMix64 rng = new SplitMix64(SEED);
        StringBuilder text = new StringBuilder(16 + 28 * n);
        text.append("qty,price,label\n");
        for (int r = 0; r < n; r++) {
            long qty = ((rng.next() >>> 32) % 2_000_001) - 1_000_000;
            long v = ((rng.next() >>> 20) % 200_000_001) - 100_000_000;
            long c = rng.next();
            text.append(qty).append(',');
            long abs = Math.abs(v);
            if (v < 0) {
                text.append('-');
            }
            text.append(abs / 1000).append('.');
            long frac = abs % 1000;
            text.append(frac < 100 ? (frac < 10 ? "00" : "0") : "").append(frac).append(',');
            int len = 1 + (int) Long.remainderUnsigned(c, 12);
            for (int j = 0; j < len; j++) {
                text.append((char) ('a' + (int) (((c >>> (4 + 5 * j)) & 31) % 26)));
            }
            text.append('\n');
        }
        return new WorkloadInput.Csv(text.toString(), n);
    }

    @Override
    protected Compound compound(WorkloadInput.Csv input) {
        return csvparse(input.text());
    }

    @Override
    public double errorScale(WorkloadInput input) {
        return csvScale(cast(input).text());
    }

    /**
     * Skips the header line, then for each line "int,float,label" adds up the integers,
     * the floats (parsed correctly rounded, summed in line order) and the label lengths.
     *
     * @throws IllegalArgumentException on a line without exactly three fields
     */
    public static Compound.CsvTotals csvparse(String text) {
        long intSum = 0;
        double floatSum = 0;
        long chars = 0;
        int len = text.length();
        int pos = text.indexOf('\n') + 1;
        if (pos == 0) {
            pos = len;
        }
        while (pos < len) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            int c1 = text.indexOf(',', pos);
            int c2 = c1 < 0 ? -1 : text.indexOf(',', c1 + 1);
            if (c1 < 0 || c2 < 0 || c2 >= eol || isFieldIn(text, c2 + 1, eol)) {
                throw new IllegalArgumentException("csvparse: line at offset " + pos + " does not have 3 fields");
            }
            intSum += Long.parseLong(text, pos, c1, 10);
            floatSum += Double.parseDouble(text.substring(c1 + 1, c2));
            chars += eol - c2 - 1;
            pos = eol + 1;
        }
        return new Compound.CsvTotals(intSum, floatSum, chars);
    }

    private static boolean isFieldIn(String text, int from, int eol) {
        int c = text.indexOf(',', from);
        return c >= 0 && c < eol;
    }

    /** The natural error scale of csvparse's float sum: the sum of |price|. */
    public static double csvScale(String text) {
        double s = 0;
        int pos = text.indexOf('\n') + 1;
        while (pos > 0 && pos < text.length()) {
            int c1 = text.indexOf(',', pos);
            int c2 = c1 < 0 ? -1 : text.indexOf(',', c1 + 1);
            if (c2 < 0) {
                break;
            }
            s += Math.abs(Double.parseDouble(text.substring(c1 + 1, c2)));
            pos = text.indexOf('\n', c2) + 1;
        }
        return s;
    }
}
