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
}
