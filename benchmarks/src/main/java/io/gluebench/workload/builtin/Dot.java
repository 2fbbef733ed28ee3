package io.gluebench.workload.builtin;

import static io.gluebench.workload.ResultKind.bits;

import io.gluebench.workload.ResultKind;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/** dot: the dot product of two vectors of N doubles. Data-bound; numpy's home ground. */
public final class Dot extends BuiltinWorkload<WorkloadInput.Dot> {

    public Dot() {
        super(WorkloadInput.Dot.class, new Facts("dot",
                "Dot product of two N-double vectors. Data-bound; numpy's home ground.",
                "doubles per vector", "N", 0, Integer.MAX_VALUE / 16,
                ResultKind.FLOAT64, new Tolerance(1e-12, "numpy/BLAS sums in a different order (pairwise, SIMD "
                        + "lanes); error measured against sum |a[i]*b[i]|"),
                "16 N bytes there, 8 back", "dot.py", null));
    }

    /** a, then b, from one seeded stream. */
    @Override
    protected WorkloadInput.Dot generate(int n) {
        SplitMix64 rng = new SplitMix64(SEED);
        double[] a = rng.nextDoubles(n);
        double[] b = rng.nextDoubles(n);
        return new WorkloadInput.Dot(a, b);
    }

    @Override
    protected long reference(WorkloadInput.Dot input) {
        return bits(dot(input.a(), input.b()));
    }

    @Override
    public double errorScale(WorkloadInput input) {
        WorkloadInput.Dot in = cast(input);
        return dotScale(in.a(), in.b());
    }

    /** The sequential sum of a[i] * b[i]. */
    public static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The natural error scale of a dot product: the sum of |a[i] * b[i]|. */
    public static double dotScale(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] * b[i]);
        }
        return s;
    }
}
