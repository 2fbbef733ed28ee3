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
            in -> 0.0);

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
            in -> Reference.dotScale(((WorkloadInput.Dot) in).a(), ((WorkloadInput.Dot) in).b()));

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
            in -> 0.0);

    public static final List<Workload> ALL = List.of(ECHO, DOT, NBODY);

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
