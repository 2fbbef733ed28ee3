package io.gluebench.workload;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A result with more than one part: what wordfreq, records and csvparse answer. Such a result
 * cannot travel as 64 bits, so the timed call decodes whatever the far side sent into one of these
 * records (decoding is part of the crossing) and keeps it for verification; the call itself returns
 * {@link #summary()} for the benchmark's blackhole.
 *
 * <p>The records serialise to JSON as they are: this is the documented, stable "structured" form of
 * {@code verify --json}.
 */
public sealed interface Compound {

    /** A cheap 64-bit value derived from the result, returned by the timed call. */
    long summary();

    /** One line for messages and summaries. */
    String format();

    /**
     * Whether {@code actual} matches this expected result: integers and strings exactly, floating
     * point parts within the tolerance, measured against {@code scale}.
     */
    boolean agrees(Compound actual, Tolerance tolerance, double scale);

    /** wordfreq: the number of distinct words and the ten most frequent, ties broken by word. */
    record WordCounts(long distinct, List<WordCount> top) implements Compound {
        public WordCounts {
            top = List.copyOf(top);
        }

        @Override
        public long summary() {
            return distinct;
        }

        @Override
        public String format() {
            return "distinct=" + distinct + " top=" + top.stream()
                    .map(w -> w.word() + ":" + w.count()).collect(Collectors.joining(",", "[", "]"));
        }

        @Override
        public boolean agrees(Compound actual, Tolerance tolerance, double scale) {
            return equals(actual);
        }
    }

    record WordCount(String word, long count) {
    }

    /** records: the sum of the amounts (integer cents) of each category, by category. */
    record CategorySums(List<CategorySum> sums) implements Compound {
        public CategorySums {
            sums = List.copyOf(sums);
        }

        @Override
        public long summary() {
            long s = sums.size();
            for (CategorySum c : sums) {
                s += c.cents();
            }
            return s;
        }

        @Override
        public String format() {
            return sums.stream().map(c -> c.category() + ":" + c.cents()).collect(Collectors.joining(",", "[", "]"));
        }

        @Override
        public boolean agrees(Compound actual, Tolerance tolerance, double scale) {
            return equals(actual);
        }
    }

    record CategorySum(String category, long cents) {
    }

    /** csvparse: the sum of the integer column, the sum of the float column, the total label length. */
    record CsvTotals(long intSum, double floatSum, long textChars) implements Compound {
        @Override
        public long summary() {
            return intSum ^ Double.doubleToRawLongBits(floatSum) ^ textChars;
        }

        @Override
        public String format() {
            return "intSum=" + intSum + " floatSum=" + floatSum + " textChars=" + textChars;
        }

        @Override
        public boolean agrees(Compound actual, Tolerance tolerance, double scale) {
            return actual instanceof CsvTotals a && a.intSum == intSum && a.textChars == textChars
                    && tolerance.agrees(ResultKind.FLOAT64, ResultKind.bits(floatSum), ResultKind.bits(a.floatSum), scale);
        }
    }
}
