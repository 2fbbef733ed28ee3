/* The C kernels. Built with -ffp-contract=off and without -ffast-math, so
 * floating-point operations happen exactly in source order. */
#include "gluebench.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void gb_noop(void) {}

int64_t gb_echo(const uint8_t *data, int64_t n)
{
    int64_t sum = 0;
    for (int64_t i = 0; i < n; i++)
        sum += data[i];
    return sum;
}

double gb_dot(const double *a, const double *b, int64_t n)
{
    double s = 0.0;
    for (int64_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* n-body: order of operations follows the benchmarks-game Java #2 program. */

#define NBODIES 5
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static void init_bodies(struct body b[NBODIES])
{
    static const struct body initial[NBODIES] = {
        /* Sun */
        {0, 0, 0, 0, 0, 0, SOLAR_MASS},
        /* Jupiter */
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
        /* Saturn */
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
        /* Uranus */
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
        /* Neptune */
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS},
    };
    for (int i = 0; i < NBODIES; i++)
        b[i] = initial[i];
}

static void offset_momentum(struct body b[NBODIES])
{
    double px = 0.0, py = 0.0, pz = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        px += b[i].vx * b[i].mass;
        py += b[i].vy * b[i].mass;
        pz += b[i].vz * b[i].mass;
    }
    b[0].vx = -px / SOLAR_MASS;
    b[0].vy = -py / SOLAR_MASS;
    b[0].vz = -pz / SOLAR_MASS;
}

static void advance(struct body b[NBODIES], double dt)
{
    for (int i = 0; i < NBODIES; i++) {
        struct body *bi = &b[i];
        for (int j = i + 1; j < NBODIES; j++) {
            struct body *bj = &b[j];
            double dx = bi->x - bj->x;
            double dy = bi->y - bj->y;
            double dz = bi->z - bj->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            bi->vx -= dx * bj->mass * mag;
            bi->vy -= dy * bj->mass * mag;
            bi->vz -= dz * bj->mass * mag;
            bj->vx += dx * bi->mass * mag;
            bj->vy += dy * bi->mass * mag;
            bj->vz += dz * bi->mass * mag;
        }
    }
    for (int i = 0; i < NBODIES; i++) {
        b[i].x += dt * b[i].vx;
        b[i].y += dt * b[i].vy;
        b[i].z += dt * b[i].vz;
    }
}

static double energy(const struct body b[NBODIES])
{
    double e = 0.0;
    for (int i = 0; i < NBODIES; i++) {
        const struct body *bi = &b[i];
        e += 0.5 * bi->mass * (bi->vx * bi->vx + bi->vy * bi->vy + bi->vz * bi->vz);
        for (int j = i + 1; j < NBODIES; j++) {
            const struct body *bj = &b[j];
            double dx = bi->x - bj->x;
            double dy = bi->y - bj->y;
            double dz = bi->z - bj->z;
            e -= (bi->mass * bj->mass) / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

double gb_nbody(int64_t steps)
{
    struct body b[NBODIES];
    init_bodies(b);
    offset_momentum(b);
    for (int64_t s = 0; s < steps; s++)
        advance(b, 0.01);
    return energy(b);
}

/* spectral norm: order of operations follows the benchmarks-game programs. */

static double spectral_a(int64_t i, int64_t j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

/* out = At(A(x)), tmp holds A(x). */
static void spectral_ata(const double *x, double *tmp, double *out, int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        double s = 0.0;
        for (int64_t j = 0; j < n; j++)
            s += spectral_a(i, j) * x[j];
        tmp[i] = s;
    }
    for (int64_t i = 0; i < n; i++) {
        double s = 0.0;
        for (int64_t j = 0; j < n; j++)
            s += spectral_a(j, i) * tmp[j];
        out[i] = s;
    }
}

double gb_spectralnorm(int64_t n)
{
    if (n <= 0)
        return NAN;
    double *u = malloc((size_t)n * 3 * sizeof(double));
    if (u == NULL)
        return NAN;
    double *v = u + n, *tmp = v + n;
    for (int64_t i = 0; i < n; i++)
        u[i] = 1.0;
    for (int r = 0; r < 10; r++) {
        spectral_ata(u, tmp, v, n);
        spectral_ata(v, tmp, u, n);
    }
    double vbv = 0.0, vv = 0.0;
    for (int64_t i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    free(u);
    return sqrt(vbv / vv);
}

/* mandelbrot */

int64_t gb_mandelbrot(int64_t n)
{
    int64_t count = 0;
    double dn = (double)n;
    for (int64_t y = 0; y < n; y++) {
        double ci = 2.0 * (double)y / dn - 1.0;
        for (int64_t x = 0; x < n; x++) {
            double cr = 2.0 * (double)x / dn - 1.5;
            double zr = 0.0, zi = 0.0;
            int inside = 1;
            for (int it = 0; it < 50; it++) {
                double tr = zr * zr, ti = zi * zi;
                if (tr + ti > 4.0) {
                    inside = 0;
                    break;
                }
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
            }
            count += inside;
        }
    }
    return count;
}

/* matmul: i-k-j inside square blocks, so B and C are walked row by row and a
 * block of B stays in cache while it is reused. */

#define MATMUL_BLOCK 64

double gb_matmul(const double *a, const double *b, int64_t n)
{
    if (n <= 0)
        return 0.0;
    double *c = calloc((size_t)n * (size_t)n, sizeof(double));
    if (c == NULL)
        return NAN;
    for (int64_t ii = 0; ii < n; ii += MATMUL_BLOCK) {
        int64_t iend = ii + MATMUL_BLOCK < n ? ii + MATMUL_BLOCK : n;
        for (int64_t kk = 0; kk < n; kk += MATMUL_BLOCK) {
            int64_t kend = kk + MATMUL_BLOCK < n ? kk + MATMUL_BLOCK : n;
            for (int64_t jj = 0; jj < n; jj += MATMUL_BLOCK) {
                int64_t jend = jj + MATMUL_BLOCK < n ? jj + MATMUL_BLOCK : n;
                for (int64_t i = ii; i < iend; i++) {
                    double *ci = c + i * n;
                    for (int64_t k = kk; k < kend; k++) {
                        double aik = a[i * n + k];
                        const double *bk = b + k * n;
                        for (int64_t j = jj; j < jend; j++)
                            ci[j] += aik * bk[j];
                    }
                }
            }
        }
    }
    double s = 0.0;
    for (int64_t i = 0; i < n * n; i++)
        s += c[i] * c[i];
    free(c);
    return s;
}

/* sort */

static int compare_doubles(const void *pa, const void *pb)
{
    double x = *(const double *)pa, y = *(const double *)pb;
    return (x > y) - (x < y);
}

double gb_sort(const double *a, int64_t n)
{
    if (n <= 0)
        return 0.0;
    double *s = malloc((size_t)n * sizeof(double));
    if (s == NULL)
        return NAN;
    memcpy(s, a, (size_t)n * sizeof(double));
    qsort(s, (size_t)n, sizeof(double), compare_doubles);
    double sum = 0.0;
    for (int64_t i = 0; i < n; i++)
        sum += (double)(i + 1) * s[i];
    free(s);
    return sum;
}

/* fannkuch-redux: the benchmarks-game count[] permutation generator. */

int64_t gb_fannkuch(int64_t n)
{
    if (n < 1 || n > GB_FANNKUCH_MAX_N)
        return 0;
    int perm[GB_FANNKUCH_MAX_N], perm1[GB_FANNKUCH_MAX_N], count[GB_FANNKUCH_MAX_N];
    int64_t checksum = 0, perm_index = 0;
    int maxflips = 0;
    int r = (int)n;
    for (int i = 0; i < n; i++)
        perm1[i] = i;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int i = 0; i < n; i++)
            perm[i] = perm1[i];
        int flips = 0;
        int k;
        while ((k = perm[0]) != 0) {
            for (int lo = 0, hi = k; lo < hi; lo++, hi--) {
                int t = perm[lo];
                perm[lo] = perm[hi];
                perm[hi] = t;
            }
            flips++;
        }
        if (flips > maxflips)
            maxflips = flips;
        checksum += perm_index % 2 == 0 ? flips : -flips;
        /* Next permutation: rotate the first r+1 elements until a count is left. */
        for (;;) {
            if (r == n)
                return (int64_t)(((uint64_t)checksum << 32) | (uint32_t)maxflips);
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            count[r]--;
            if (count[r] > 0)
                break;
            r++;
        }
        perm_index++;
    }
}
