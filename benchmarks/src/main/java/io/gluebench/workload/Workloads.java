package io.gluebench.workload;

import java.util.List;
import java.util.Optional;

/** The workload catalogue. */
public final class Workloads {
    private Workloads() {
    }

    public static final Workload ECHO = new Workload(
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

    public static final Workload DOT = new Workload(
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

    public static final Workload NBODY = new Workload(
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

    public static final Workload SPECTRALNORM = new Workload(
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

    public static final Workload MANDELBROT = new Workload(
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

    public static final Workload MATMUL = new Workload(
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

    public static final Workload SORT = new Workload(
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

    public static final Workload FANNKUCH = new Workload(
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

    public static final List<Workload> ALL = List.of(ECHO, DOT, NBODY, SPECTRALNORM, FANNKUCH, MANDELBROT, MATMUL, SORT);

    public static Optional<Workload> byName(String name) {
        return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
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
}
