package io.gluebench.workload;

import java.util.List;
import java.util.Optional;

/** The workload catalogue. */
public final class Workloads {
    private Workloads() {
    }

    public static final Workload ECHO = new CatalogWorkload(
            "echo",
            "N bytes cross the boundary; the far side returns their checksum. Pure crossing cost.",
            "bytes sent per call",
            "N",
            ResultKind.INT64,
            Tolerance.exact("integer checksum"),
            "echo.py",
            n -> new WorkloadInput.Echo(echoBytes(n)),
            in -> Reference.echo(((WorkloadInput.Echo) in).data()),
            in -> 0.0,
            "N bytes there, 8 back", null, 0, Integer.MAX_VALUE);

    public static final Workload DOT = new CatalogWorkload(
            "dot",
            "Dot product of two N-double vectors. Data-bound; numpy's home ground.",
            "doubles per vector",
            "N",
            ResultKind.FLOAT64,
            new Tolerance(1e-12, "numpy/BLAS sums in a different order (pairwise, SIMD lanes); "
                    + "error measured against sum |a[i]*b[i]|"),
            "dot.py",
            Workloads::dotInput,
            in -> ResultKind.bits(Reference.dot(((WorkloadInput.Dot) in).a(), ((WorkloadInput.Dot) in).b())),
            in -> Reference.dotScale(((WorkloadInput.Dot) in).a(), ((WorkloadInput.Dot) in).b()),
            "16 N bytes there, 8 back", null, 0, Integer.MAX_VALUE / 16);

    public static final Workload NBODY = new CatalogWorkload(
            "nbody",
            "Benchmarks-game 5-body Jovian system: N steps of advance(0.01), result is the energy. "
                    + "Compute-bound, tiny data.",
            "advance(0.01) steps",
            "N",
            ResultKind.FLOAT64,
            new Tolerance(1e-9, "numpy vectorises the pair loop, so rounding differs and grows "
                    + "with the steps of a chaotic system"),
            "nbody.py",
            n -> new WorkloadInput.Nbody(n),
            in -> ResultKind.bits(Reference.nbody(((WorkloadInput.Nbody) in).steps())),
            in -> 0.0,
            "4 bytes there, 8 back", null, 0, Integer.MAX_VALUE);

    public static final Workload SPECTRALNORM = new CatalogWorkload(
            "spectralnorm",
            "Benchmarks-game spectral norm of the N x N matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1), 10 power iterations. "
                    + "Compute-bound, O(N^2).",
            "matrix order",
            "N^2",
            ResultKind.FLOAT64,
            new Tolerance(1e-9, "numpy's matrix-vector products sum in another order"),
            "spectralnorm.py",
            n -> new WorkloadInput.Spectralnorm(n),
            in -> ResultKind.bits(Reference.spectralnorm(in.size())),
            in -> 0.0,
            "4 bytes there, 8 back", null, 1, 100_000);

    public static final Workload MANDELBROT = new CatalogWorkload(
            "mandelbrot",
            "N x N points over [-1.5,0.5]x[-1,1], 50 iterations, limit 2; the number of points in the set. "
                    + "Compute-bound, embarrassingly parallel.",
            "grid side",
            "N^2",
            ResultKind.INT64,
            Tolerance.exact("the same IEEE operations in the same order everywhere, so the count is exact"),
            "mandelbrot.py",
            n -> new WorkloadInput.Mandelbrot(n),
            in -> Reference.mandelbrot(in.size()),
            in -> 0.0,
            "4 bytes there, 8 back", null, 0, 100_000);

    public static final Workload MATMUL = new CatalogWorkload(
            "matmul",
            "C = A B for two N x N double matrices; the result is the sum of C's squared elements. Where BLAS "
                    + "(numpy) should dominate; the C kernel is cache-blocked.",
            "matrix order",
            "N^3",
            ResultKind.FLOAT64,
            new Tolerance(1e-9, "BLAS and the blocked C kernel sum the inner products in another order"),
            "matmul.py",
            Workloads::matmulInput,
            in -> ResultKind.bits(Reference.matmul(((WorkloadInput.Matmul) in).a(), ((WorkloadInput.Matmul) in).b(), in.size())),
            in -> 0.0,
            "16 N^2 bytes there, 8 back", null, 0, 8_000);

    public static final Workload SORT = new CatalogWorkload(
            "sort",
            "Sort N doubles; the result is the checksum sum (i+1) s[i] of the sorted copy. N log N, memory traffic.",
            "doubles",
            "N log N",
            ResultKind.FLOAT64,
            new Tolerance(1e-12, "numpy's weighted sum runs in another order; error measured against sum (i+1)|s[i]|"),
            "sort.py",
            n -> new WorkloadInput.Sort(doubles(n, 0)),
            in -> ResultKind.bits(Reference.sort(((WorkloadInput.Sort) in).data())),
            in -> Reference.sortScale(((WorkloadInput.Sort) in).data()),
            "8 N bytes there, 8 back", null, 0, Integer.MAX_VALUE / 8);

    public static final Workload FANNKUCH = new CatalogWorkload(
            "fannkuch",
            "Benchmarks-game fannkuch-redux over the permutations of N; the result is the checksum and the maximum "
                    + "flips. Integer and branch heavy, no data.",
            "permutation length",
            "N!",
            ResultKind.PAIR32,
            Tolerance.exact("integers"),
            "fannkuch.py",
            n -> new WorkloadInput.Fannkuch(n),
            in -> Reference.fannkuch(in.size()),
            in -> 0.0,
            "4 bytes there, 8 back",
            "fannkuch is branchy integer work on an array of N <= 12 ints: numpy has nothing to vectorise",
            1, 12);

    public static final Workload WORDFREQ = new CatalogWorkload(
            "wordfreq",
            "Word frequencies in N bytes of generated text (4096-word vocabulary, Zipf-like, some accented "
                    + "words); the result is the number of distinct words and the top 10 with counts, ties broken "
                    + "by word. Strings across the boundary (UTF-16 in Java, UTF-8 in C and CPython), hashing.",
            "bytes of UTF-8 text",
            "N",
            ResultKind.WORD_COUNTS,
            Tolerance.exact("counts and words"),
            "wordfreq.py",
            Workloads::wordfreqInput,
            in -> Reference.wordfreq(((WorkloadInput.WordFreq) in).text()).summary(),
            in -> 0.0,
            "N bytes of text there (2N as Java chars), about 200 back",
            "counting words is dict work: numpy cannot hash strings, and np.unique would sort every word of the text",
            0, 1 << 28,
            in -> Reference.wordfreq(((WorkloadInput.WordFreq) in).text()));

    public static final Workload RECORDS = new CatalogWorkload(
            "records",
            "Group N records (id, category, amount in cents) by category and sum the amounts; the records cross "
                    + "as structured data, the result is the per-category sums. Object graphs and marshalling, the "
                    + "everyday data of an orchestrator.",
            "records",
            "N",
            ResultKind.CATEGORY_SUMS,
            Tolerance.exact("amounts are integer cents, as money should be, so every summation order is exact"),
            "records.py",
            Workloads::recordsInput,
            in -> Reference.records(((WorkloadInput.Records) in).sales()).summary(),
            in -> 0.0,
            "about 24 N bytes there (id, amount, category), about 250 back",
            null,
            0, 10_000_000,
            in -> Reference.records(((WorkloadInput.Records) in).sales()));

    public static final Workload CSVPARSE = new CatalogWorkload(
            "csvparse",
            "Parse a header and N lines of generated CSV (int, float with 3 decimals, short label) into columns; "
                    + "the result is the integer and float column sums and the total label length. Text parsing, "
                    + "glue code's daily bread.",
            "data lines",
            "N",
            ResultKind.CSV_TOTALS,
            new Tolerance(1e-12, "numpy sums the float column pairwise; error measured against the sum of |price|. "
                    + "Everything else is exact"),
            "csvparse.py",
            Workloads::csvInput,
            in -> Reference.csvparse(((WorkloadInput.Csv) in).text()).summary(),
            in -> Reference.csvScale(((WorkloadInput.Csv) in).text()),
            "about 25 N bytes of text there, 24 back",
            null,
            0, 10_000_000,
            in -> Reference.csvparse(((WorkloadInput.Csv) in).text()));

    public static final List<Workload> ALL = List.of(ECHO, DOT, NBODY, SPECTRALNORM, FANNKUCH, MANDELBROT, MATMUL, SORT,
            WORDFREQ, RECORDS, CSVPARSE);

    /**
     * A JSON file of {@link UserWorkload}s (the run folder's user-workloads.json): set on the
     * harness when a run has --workload-file, and passed to its forks, so that they find them by name.
     */
    public static final String USER_PROPERTY = "gluebench.userWorkloads";

    private static volatile List<UserWorkload> user;
    private static volatile String userFrom;
    private static volatile List<UserWorkload> registered;

    /**
     * Makes these the workloads from users' files that this JVM finds by name, until a file is
     * published ({@link #USER_PROPERTY}); the harness uses it while it plans, before the run has a folder.
     */
    public static void register(List<UserWorkload> workloads) {
        registered = List.copyOf(workloads);
    }

    /** The workloads from users' files this JVM knows of ({@link #USER_PROPERTY}); none when unset. */
    public static List<UserWorkload> user() {
        String file = System.getProperty(USER_PROPERTY);
        if ((file == null || file.isBlank()) && registered != null) {
            return registered;
        }
        if (file == null || file.isBlank()) {
            return List.of();
        }
        if (user == null || !file.equals(userFrom)) {
            try {
                user = List.of(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(new java.io.File(file), UserWorkload[].class));
                userFrom = file;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the workloads from users' files in " + file + ": "
                        + e.getMessage(), e);
            }
        }
        return user;
    }

    public static Optional<Workload> byName(String name) {
        Optional<Workload> builtIn = ALL.stream().filter(w -> w.name().equals(name)).findFirst();
        return builtIn.isPresent() ? builtIn
                : user().stream().filter(w -> w.name().equals(name)).map(w -> (Workload) w).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Workload::name).toList();
    }

    static byte[] echoBytes(int n) {
        SplitMix64 rng = new SplitMix64(Workload.SEED);
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (rng.next() >>> 56);
        }
        return data;
    }

    /** n values 2u - 1 from the seeded stream, after skipping {@code skip} values. */
    static double[] doubles(int n, int skip) {
        SplitMix64 rng = new SplitMix64(Workload.SEED);
        for (int i = 0; i < skip; i++) {
            rng.next();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 2 * rng.nextDouble() - 1;
        }
        return out;
    }

    static WorkloadInput.Matmul matmulInput(int n) {
        double[] ab = doubles(2 * n * n, 0);
        return new WorkloadInput.Matmul(java.util.Arrays.copyOfRange(ab, 0, n * n),
                java.util.Arrays.copyOfRange(ab, n * n, 2 * n * n), n);
    }

    static WorkloadInput.Dot dotInput(int n) {
        SplitMix64 rng = new SplitMix64(Workload.SEED);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 2 * rng.nextDouble() - 1;
        }
        for (int i = 0; i < n; i++) {
            b[i] = 2 * rng.nextDouble() - 1;
        }
        return new WorkloadInput.Dot(a, b);
    }

    /** The 16 two-letter syllables of the wordfreq vocabulary; four are accented (two UTF-8 bytes). */
    static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zu", "be", "do", "fu",
        "g\u00e5", "h\u00e9", "j\u00f6", "\u00e7i"};
    static final int VOCABULARY = 4096;

    /** Vocabulary word i: three syllables picked by the hex digits of i, most significant first. */
    static String word(int i) {
        return SYLLABLES[(i >> 8) & 15] + SYLLABLES[(i >> 4) & 15] + SYLLABLES[i & 15];
    }

    /**
     * Words drawn with index floor(u^3 * 4096) (a Zipf-like skew), separated by ' ' and by '\n'
     * before every 16th word, for as long as the UTF-8 text stays within n bytes.
     */
    static WorkloadInput.WordFreq wordfreqInput(int n) {
        String[] words = new String[VOCABULARY];
        int[] utf8 = new int[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            words[i] = word(i);
            utf8[i] = words[i].getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        SplitMix64 rng = new SplitMix64(Workload.SEED);
        StringBuilder text = new StringBuilder();
        long used = 0;
        for (int k = 0; ; k++) {
            double u = rng.nextDouble();
            int i = (int) (u * u * u * VOCABULARY);
            int sep = k == 0 ? 0 : 1;
            if (used + sep + utf8[i] > n) {
                break;
            }
            if (sep == 1) {
                text.append(k % 16 == 0 ? '\n' : ' ');
            }
            text.append(words[i]);
            used += sep + utf8[i];
        }
        return new WorkloadInput.WordFreq(text.toString(), n);
    }

    /** The 16 categories of the records workload. */
    static final String[] CATEGORIES = {"books", "electronics", "garden", "grocery", "health", "home", "jewelry",
        "kitchen", "music", "office", "outdoor", "pets", "shoes", "sports", "toys", "travel"};

    /** Record r: category CATEGORIES[floor(u^2 * 16)], amount in cents -100000..899999, id 1000000 + r. */
    static WorkloadInput.Records recordsInput(int n) {
        SplitMix64 rng = new SplitMix64(Workload.SEED);
        List<Sale> sales = new java.util.ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            double u = rng.nextDouble();
            String category = CATEGORIES[(int) (u * u * 16.0)];
            long amount = ((rng.next() >>> 40) % 1_000_000) - 100_000;
            sales.add(new Sale(1_000_000L + r, category, amount));
        }
        return new WorkloadInput.Records(List.copyOf(sales));
    }

    /** The header "qty,price,label", then n lines "qty,price,label" with price in thousandths. */
    static WorkloadInput.Csv csvInput(int n) {
        SplitMix64 rng = new SplitMix64(Workload.SEED);
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
}
