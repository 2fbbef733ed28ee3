package io.gluebench.workload;

/**
 * The input of one call, built once per point outside the timed region. Each workload has its own
 * record so that every pattern spells out, with an exhaustive switch, how its data crosses.
 */
public sealed interface WorkloadInput {
    /** The size parameter N this input was generated for. */
    int size();

    /** echo: N bytes to send across. */
    record Echo(byte[] data) implements WorkloadInput {
        public int size() {
            return data.length;
        }
    }

    /** dot: two vectors of N doubles. */
    record Dot(double[] a, double[] b) implements WorkloadInput {
        public int size() {
            return a.length;
        }
    }

    /** nbody: the number of advance(0.01) steps. The bodies are constants. */
    record Nbody(int steps) implements WorkloadInput {
        public int size() {
            return steps;
        }
    }

    /** spectralnorm: the matrix order N; the matrix is a formula, nothing crosses but N. */
    record Spectralnorm(int n) implements WorkloadInput {
        public int size() {
            return n;
        }
    }

    /** mandelbrot: an N x N grid; nothing crosses but N. */
    record Mandelbrot(int n) implements WorkloadInput {
        public int size() {
            return n;
        }
    }

    /** matmul: two N x N row-major matrices. */
    record Matmul(double[] a, double[] b, int n) implements WorkloadInput {
        public int size() {
            return n;
        }
    }

    /** sort: N doubles to sort (a copy; the input is never modified). */
    record Sort(double[] data) implements WorkloadInput {
        public int size() {
            return data.length;
        }
    }

    /** fannkuch: permutations of N; nothing crosses but N. */
    record Fannkuch(int n) implements WorkloadInput {
        public int size() {
            return n;
        }
    }

    /** wordfreq: UTF-8 text of at most {@code bytes} bytes, held as a Java (UTF-16) string. */
    record WordFreq(String text, int bytes) implements WorkloadInput {
        public int size() {
            return bytes;
        }
    }

    /** records: N rows, as a list of objects. */
    record Records(java.util.List<Sale> sales) implements WorkloadInput {
        public int size() {
            return sales.size();
        }
    }

    /** csvparse: a header and N data lines of CSV text. */
    record Csv(String text, int lines) implements WorkloadInput {
        public int size() {
            return lines;
        }
    }
}
