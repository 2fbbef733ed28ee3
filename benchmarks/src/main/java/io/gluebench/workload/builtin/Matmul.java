package io.gluebench.workload.builtin;

import static io.gluebench.workload.ResultKind.bits;

import io.gluebench.workload.ResultKind;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/**
 * matmul: C = A B for two N x N double matrices; the answer is the sum of C's squared elements. Where
 * BLAS (numpy) should dominate; the C kernel is cache-blocked.
 */
public final class Matmul extends BuiltinWorkload<WorkloadInput.Matmul> {

    public Matmul() {
        super(WorkloadInput.Matmul.class, new Facts("matmul",
                "C = A B for two N x N double matrices; the result is the sum of C's squared elements. Where BLAS "
                        + "(numpy) should dominate; the C kernel is cache-blocked.",
                "matrix order", "N^3", 0, 8_000,
                ResultKind.FLOAT64, new Tolerance(1e-9, "BLAS and the blocked C kernel sum the inner products in "
                        + "another order"),
                "16 N^2 bytes there, 8 back", "matmul.py", null));
    }

    /** All of A (row-major), then all of B, from one seeded stream. */
    @Override
    protected WorkloadInput.Matmul generate(int n) {
        SplitMix64 rng = new SplitMix64(SEED);
        double[] a = rng.nextDoubles(n * n);
        double[] b = rng.nextDoubles(n * n);
        return new WorkloadInput.Matmul(a, b, n);
    }

    @Override
    protected long reference(WorkloadInput.Matmul input) {
        return bits(matmul(input.a(), input.b(), input.n()));
    }

    /** C = A B (row-major N x N); the result is the sum of C[i][j] squared. */
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
}
