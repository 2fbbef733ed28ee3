package io.gluebench.workload.builtin;

import static io.gluebench.workload.ResultKind.bits;

import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/**
 * spectralnorm: the benchmarks-game spectral norm of the N x N matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1),
 * 10 power iterations. Compute-bound, O(N^2).
 */
public final class Spectralnorm extends BuiltinWorkload<WorkloadInput.Spectralnorm> {

    public Spectralnorm() {
        super(WorkloadInput.Spectralnorm.class, new Facts("spectralnorm",
                "Benchmarks-game spectral norm of the N x N matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1), 10 power "
                        + "iterations. Compute-bound, O(N^2).",
                "matrix order", "N^2", 1, 100_000,
                ResultKind.FLOAT64, new Tolerance(1e-9, "numpy's matrix-vector products sum in another order"),
                "4 bytes there, 8 back", "spectralnorm.py", null));
    }

    /** Only N: the matrix is a formula. */
    @Override
    protected WorkloadInput.Spectralnorm generate(int n) {
        return new WorkloadInput.Spectralnorm(n);
    }

    @Override
    protected long reference(WorkloadInput.Spectralnorm input) {
        return bits(spectralnorm(input.n()));
    }

    /** The benchmarks-game spectral norm of A(i,j) = 1/((i+j)(i+j+1)/2+i+1), 10 power iterations. */
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
}
