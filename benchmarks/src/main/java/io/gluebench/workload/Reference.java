package io.gluebench.workload;

/**
 * The Java reference implementations: the correctness oracle of every pattern, and the `java`
 * pattern itself. Each is the plain sequential algorithm; floating-point sums run left to right so
 * that the C kernel and the pure-Python source can match them bit for bit.
 */
public final class Reference {
    private Reference() {
    }

    /** echo: the sum of the unsigned byte values. */
    public static long echo(byte[] data) {
        long sum = 0;
        for (byte b : data) {
            sum += b & 0xFF;
        }
        return sum;
    }

    /** dot: sequential sum of a[i] * b[i]. */
    public static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The natural error scale of a dot product: sum of |a[i] * b[i]|. */
    public static double dotScale(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] * b[i]);
        }
        return s;
    }

    private static final double PI = 3.141592653589793;
    private static final double SOLAR_MASS = 4 * PI * PI;
    private static final double DAYS_PER_YEAR = 365.24;

    /** nbody: the benchmarks-game 5-body system, {@code steps} x advance(0.01), then its energy. */
    public static double nbody(int steps) {
        double[][] bodies = {
            {0, 0, 0, 0, 0, 0, SOLAR_MASS},
            {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
                -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
            {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
                2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
            {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
                -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
            {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
                -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
        };
        int n = bodies.length;
        double px = 0, py = 0, pz = 0;
        for (double[] b : bodies) {
            px += b[3] * b[6];
            py += b[4] * b[6];
            pz += b[5] * b[6];
        }
        bodies[0][3] = -px / SOLAR_MASS;
        bodies[0][4] = -py / SOLAR_MASS;
        bodies[0][5] = -pz / SOLAR_MASS;

        double dt = 0.01;
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < n; i++) {
                double[] bi = bodies[i];
                for (int j = i + 1; j < n; j++) {
                    double[] bj = bodies[j];
                    double dx = bi[0] - bj[0];
                    double dy = bi[1] - bj[1];
                    double dz = bi[2] - bj[2];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    double mag = dt / (d2 * Math.sqrt(d2));
                    bi[3] -= dx * bj[6] * mag;
                    bi[4] -= dy * bj[6] * mag;
                    bi[5] -= dz * bj[6] * mag;
                    bj[3] += dx * bi[6] * mag;
                    bj[4] += dy * bi[6] * mag;
                    bj[5] += dz * bi[6] * mag;
                }
            }
            for (double[] b : bodies) {
                b[0] += dt * b[3];
                b[1] += dt * b[4];
                b[2] += dt * b[5];
            }
        }
        double e = 0.0;
        for (int i = 0; i < n; i++) {
            double[] bi = bodies[i];
            e += 0.5 * bi[6] * (bi[3] * bi[3] + bi[4] * bi[4] + bi[5] * bi[5]);
            for (int j = i + 1; j < n; j++) {
                double[] bj = bodies[j];
                double dx = bi[0] - bj[0];
                double dy = bi[1] - bj[1];
                double dz = bi[2] - bj[2];
                e -= (bi[6] * bj[6]) / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    /** spectralnorm: the benchmarks-game spectral norm of A(i,j) = 1/((i+j)(i+j+1)/2+i+1), 10 power iterations. */
    public static double spectralnorm(int n) {
        double[] u = new double[n];
        double[] v = new double[n];
        double[] tmp = new double[n];
        java.util.Arrays.fill(u, 1.0);
        for (int i = 0; i < 10; i++) {
            atA(u, v, tmp, n);
            atA(v, u, tmp, n);
        }
        double vBv = 0;
        double vv = 0;
        for (int i = 0; i < n; i++) {
            vBv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        return Math.sqrt(vBv / vv);
    }

    private static double a(int i, int j) {
        return 1.0 / ((long) (i + j) * (i + j + 1) / 2 + i + 1);
    }

    private static void atA(double[] x, double[] out, double[] tmp, int n) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a(i, j) * x[j];
            }
            tmp[i] = s;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a(j, i) * tmp[j];
            }
            out[i] = s;
        }
    }

    /** mandelbrot: points of an N x N grid over [-1.5,0.5]x[-1,1] that stay bounded for 50 iterations. */
    public static long mandelbrot(int n) {
        long count = 0;
        for (int y = 0; y < n; y++) {
            double ci = 2.0 * y / n - 1.0;
            for (int x = 0; x < n; x++) {
                double cr = 2.0 * x / n - 1.5;
                double zr = 0;
                double zi = 0;
                boolean inside = true;
                for (int k = 0; k < 50; k++) {
                    double tr = zr * zr;
                    double ti = zi * zi;
                    if (tr + ti > 4.0) {
                        inside = false;
                        break;
                    }
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                }
                if (inside) {
                    count++;
                }
            }
        }
        return count;
    }

    /** matmul: C = A B (row-major N x N); the result is the sum of C[i][j] squared. */
    public static double matmul(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
        double sum = 0;
        for (double x : c) {
            sum += x * x;
        }
        return sum;
    }

    /** sort: sort a copy ascending; checksum = sum of (i+1) * s[i]. */
    public static double sort(double[] data) {
        double[] s = data.clone();
        java.util.Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += (i + 1) * s[i];
        }
        return sum;
    }

    /** The natural error scale of the sort checksum: sum of (i+1) * |s[i]|. */
    public static double sortScale(double[] data) {
        double[] s = data.clone();
        java.util.Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += (i + 1) * Math.abs(s[i]);
        }
        return sum;
    }

    /** fannkuch-redux: checksum and maximum flips, packed as (checksum << 32) | maxflips. */
    public static long fannkuch(int n) {
        int[] perm = new int[n];
        int[] perm1 = new int[n];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            perm1[i] = i;
        }
        int maxFlips = 0;
        int checksum = 0;
        int permIndex = 0;
        int r = n;
        while (true) {
            while (r != 1) {
                count[r - 1] = r;
                r--;
            }
            System.arraycopy(perm1, 0, perm, 0, n);
            int flips = 0;
            int k;
            while ((k = perm[0]) != 0) {
                for (int i = 0, j = k; i < j; i++, j--) {
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                flips++;
            }
            maxFlips = Math.max(maxFlips, flips);
            checksum += permIndex % 2 == 0 ? flips : -flips;
            while (true) {
                if (r == n) {
                    return pack(checksum, maxFlips);
                }
                int perm0 = perm1[0];
                for (int i = 0; i < r; i++) {
                    perm1[i] = perm1[i + 1];
                }
                perm1[r] = perm0;
                count[r]--;
                if (count[r] > 0) {
                    break;
                }
                r++;
            }
            permIndex++;
        }
    }

    public static long pack(int checksum, int maxFlips) {
        return ((long) checksum << 32) | (maxFlips & 0xFFFFFFFFL);
    }

    /** How many of the most frequent words wordfreq reports. */
    public static final int TOP_WORDS = 10;

    /** Orders word counts as wordfreq reports them: count descending, then word ascending. */
    public static final java.util.Comparator<Compound.WordCount> BY_FREQUENCY =
            java.util.Comparator.comparingLong(Compound.WordCount::count).reversed()
                    .thenComparing(Compound.WordCount::word);

    /**
     * wordfreq: counts the words (maximal runs without ' ' or '\n') in a hash map, then keeps the
     * {@link #TOP_WORDS} most frequent with one pass over the distinct words.
     */
    public static Compound.WordCounts wordfreq(String text) {
        java.util.HashMap<String, int[]> counts = new java.util.HashMap<>();
        int len = text.length();
        int i = 0;
        while (i < len) {
            while (i < len && isWordSeparator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !isWordSeparator(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                counts.computeIfAbsent(text.substring(start, i), k -> new int[1])[0]++;
            }
        }
        Compound.WordCount[] top = new Compound.WordCount[TOP_WORDS];
        int kept = 0;
        for (java.util.Map.Entry<String, int[]> e : counts.entrySet()) {
            Compound.WordCount c = new Compound.WordCount(e.getKey(), e.getValue()[0]);
            if (kept == TOP_WORDS && BY_FREQUENCY.compare(c, top[kept - 1]) >= 0) {
                continue;
            }
            int at = kept < TOP_WORDS ? kept++ : kept - 1;
            while (at > 0 && BY_FREQUENCY.compare(c, top[at - 1]) < 0) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = c;
        }
        return new Compound.WordCounts(counts.size(), java.util.Arrays.asList(top).subList(0, kept));
    }

    static boolean isWordSeparator(char c) {
        return c == ' ' || c == '\n';
    }

    /** records: the sum of the amounts of each category, sorted by category. */
    public static Compound.CategorySums records(java.util.List<Sale> sales) {
        java.util.HashMap<String, long[]> sums = new java.util.HashMap<>();
        for (Sale s : sales) {
            sums.computeIfAbsent(s.category(), k -> new long[1])[0] += s.amountCents();
        }
        java.util.List<Compound.CategorySum> out = new java.util.ArrayList<>(sums.size());
        for (java.util.Map.Entry<String, long[]> e : sums.entrySet()) {
            out.add(new Compound.CategorySum(e.getKey(), e.getValue()[0]));
        }
        out.sort(java.util.Comparator.comparing(Compound.CategorySum::category));
        return new Compound.CategorySums(out);
    }

    /**
     * csvparse: skips the header line, then for each line "int,float,label" adds up the integers,
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
