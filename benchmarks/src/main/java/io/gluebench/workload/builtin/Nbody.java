package io.gluebench.workload.builtin;

import static io.gluebench.workload.ResultKind.bits;

import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/** nbody: the benchmarks-game 5-body Jovian system, N steps of advance(0.01); the answer is its energy. */
public final class Nbody extends BuiltinWorkload<WorkloadInput.Nbody> {
    private static final double PI = 3.141592653589793;
    private static final double SOLAR_MASS = 4 * PI * PI;
    private static final double DAYS_PER_YEAR = 365.24;

    public Nbody() {
        super(WorkloadInput.Nbody.class, new Facts("nbody",
                "Benchmarks-game 5-body Jovian system: N steps of advance(0.01), result is the energy. "
                        + "Compute-bound, tiny data.",
                "advance(0.01) steps", "N", 0, Integer.MAX_VALUE,
                ResultKind.FLOAT64, new Tolerance(1e-9, "numpy vectorises the pair loop, so rounding differs and "
                        + "grows with the steps of a chaotic system"),
                "4 bytes there, 8 back", "nbody.py", null));
    }

    /** Only the number of steps: the bodies are constants. */
    @Override
    protected WorkloadInput.Nbody generate(int n) {
        return new WorkloadInput.Nbody(n);
    }

    @Override
    protected long reference(WorkloadInput.Nbody input) {
        return bits(nbody(input.steps()));
    }

    /** The benchmarks-game 5-body system, {@code steps} x advance(0.01), then its energy. */
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
}
