package io.gluebench.workload.builtin;

import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/** mandelbrot: how many points of an N x N grid are in the set. Compute-bound, embarrassingly parallel. */
public final class Mandelbrot extends BuiltinWorkload<WorkloadInput.Mandelbrot> {

    public Mandelbrot() {
        super(WorkloadInput.Mandelbrot.class, new Facts("mandelbrot",
                "N x N points over [-1.5,0.5]x[-1,1], 50 iterations, limit 2; the number of points in the set. "
                        + "Compute-bound, embarrassingly parallel.",
                "grid side", "N^2", 0, 100_000,
                ResultKind.INT64, Tolerance.exact("the same IEEE operations in the same order everywhere, so the "
                        + "count is exact"),
                "4 bytes there, 8 back", "mandelbrot.py", null));
    }

    /** Only N: the grid is a formula. */
    @Override
    protected WorkloadInput.Mandelbrot generate(int n) {
        return new WorkloadInput.Mandelbrot(n);
    }

    @Override
    protected long reference(WorkloadInput.Mandelbrot input) {
        return mandelbrot(input.n());
    }

    /** The points of an N x N grid over [-1.5,0.5]x[-1,1] that stay bounded for 50 iterations. */
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
}
