/* Checks the gb_* kernels against known answers. Prints one line per failure
 * and a final "N passed, M failed" line; exits 1 if anything failed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gluebench.h"

static int passed, failed;

static void check(int ok, const char *what)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s\n", what);
    }
}

static void check_energy(int64_t steps, const char *expected)
{
    char got[64], what[128];
    snprintf(got, sizeof got, "%.9f", gb_nbody(steps));
    snprintf(what, sizeof what, "gb_nbody(%lld) = %s, expected %s", (long long)steps, got,
             expected);
    check(strcmp(got, expected) == 0, what);
}

/* The workloads' input stream: SplitMix64(seed), value = 2*u - 1 with
 * u = (next >>> 11) * 2^-53. */
static uint64_t splitmix_state;

static double next_value(void)
{
    uint64_t z = (splitmix_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return 2.0 * ((double)(z >> 11) * 0x1.0p-53) - 1.0;
}

/* The mandelbrot workload written plainly, as the oracle for gb_mandelbrot. */
static int64_t mandelbrot_reference(int64_t n)
{
    int64_t count = 0;
    for (int64_t y = 0; y < n; y++) {
        for (int64_t x = 0; x < n; x++) {
            double cr = (2.0 * x) / n - 1.5;
            double ci = (2.0 * y) / n - 1.0;
            double zr = 0.0, zi = 0.0;
            int inside = 1;
            for (int i = 0; i < 50; i++) {
                double tr = zr * zr;
                double ti = zi * zi;
                if (tr + ti > 4.0) {
                    inside = 0;
                    break;
                }
                zi = (2.0 * zr) * zi + ci;
                zr = (tr - ti) + cr;
            }
            if (inside)
                count++;
        }
    }
    return count;
}

static void check_mandelbrot(int64_t n)
{
    char what[128];
    int64_t got = gb_mandelbrot(n), expected = mandelbrot_reference(n);
    snprintf(what, sizeof what, "gb_mandelbrot(%lld) = %lld, reference loop %lld", (long long)n,
             (long long)got, (long long)expected);
    check(got == expected, what);
}

static void check_fannkuch(int64_t n, int64_t checksum, int64_t maxflips)
{
    char what[160];
    int64_t got = gb_fannkuch(n), expected = (checksum << 32) | maxflips;
    snprintf(what, sizeof what, "gb_fannkuch(%lld) = (%lld << 32) | %lld, expected (%lld << 32) | %lld",
             (long long)n, (long long)(got >> 32), (long long)(uint32_t)got, (long long)checksum,
             (long long)maxflips);
    check(got == expected, what);
}

/* Naive triple loop, k ascending: the matmul reference. */
static double matmul_reference(const double *a, const double *b, int64_t n)
{
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) {
        for (int64_t j = 0; j < n; j++) {
            double c = 0.0;
            for (int64_t k = 0; k < n; k++)
                c += a[i * n + k] * b[k * n + j];
            s += c * c;
        }
    }
    return s;
}

static void check_matmul_random(int64_t n)
{
    char what[160];
    double *a = malloc((size_t)(2 * n * n) * sizeof(double));
    if (a == NULL) {
        check(0, "malloc for the matmul test");
        return;
    }
    double *b = a + n * n;
    splitmix_state = 42;
    for (int64_t i = 0; i < 2 * n * n; i++)
        a[i] = next_value();
    double got = gb_matmul(a, b, n), expected = matmul_reference(a, b, n);
    snprintf(what, sizeof what, "gb_matmul(N=%lld) = %.17g, naive loop %.17g (rel 1e-12)",
             (long long)n, got, expected);
    check(fabs(got - expected) <= 1e-12 * fabs(expected), what);
    free(a);
}

int main(void)
{
    uint8_t bytes[256];
    for (int i = 0; i < 256; i++)
        bytes[i] = (uint8_t)i;
    check(gb_echo(bytes, 256) == 32640, "gb_echo(0..255) == 32640 (bytes are unsigned)");
    check(gb_echo(bytes, 0) == 0, "gb_echo(n=0) == 0");

    const double a[] = {1.0, 2.0, 3.0, 4.0}, b[] = {0.5, 0.25, -2.0, 8.0};
    check(gb_dot(a, b, 4) == 27.0, "gb_dot({1,2,3,4},{0.5,0.25,-2,8}) == 27");
    check(gb_dot(a, b, 0) == 0.0, "gb_dot(n=0) == 0");
    /* Left to right: (1e16 + 1) rounds to 1e16, so the sum is 0, not 1. */
    const double c[] = {1e16, 1.0, -1e16}, ones[] = {1.0, 1.0, 1.0};
    check(gb_dot(c, ones, 3) == 0.0, "gb_dot keeps source order ({1e16,1,-1e16} -> 0)");

    check_energy(0, "-0.169075164");
    check_energy(1000, "-0.169087605");

    char got[64];
    snprintf(got, sizeof got, "%.9f", gb_spectralnorm(100));
    check(strcmp(got, "1.274219991") == 0, "gb_spectralnorm(100) = 1.274219991");
    check(isnan(gb_spectralnorm(0)), "gb_spectralnorm(n=0) is NaN");

    check_mandelbrot(16);
    check_mandelbrot(200);
    check(gb_mandelbrot(0) == 0, "gb_mandelbrot(n=0) == 0");

    /* A*B = {{30,24,18},{84,69,54},{138,114,90}}; sum of squares 56673, exact. */
    const double ma[] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, mb[] = {9, 8, 7, 6, 5, 4, 3, 2, 1};
    check(gb_matmul(ma, mb, 3) == 56673.0, "gb_matmul(3x3 known) == 56673");
    check(gb_matmul(ma, mb, 0) == 0.0, "gb_matmul(n=0) == 0");
    check_matmul_random(130);

    /* sorted {-2, 0.5, 1, 3, 7}: 1*-2 + 2*0.5 + 3*1 + 4*3 + 5*7 = 49 */
    double sa[] = {3.0, -2.0, 7.0, 0.5, 1.0};
    const double sa_orig[] = {3.0, -2.0, 7.0, 0.5, 1.0};
    check(gb_sort(sa, 5) == 49.0, "gb_sort({3,-2,7,0.5,1}) == 49");
    check(memcmp(sa, sa_orig, sizeof sa) == 0, "gb_sort leaves its input unmodified");
    check(gb_sort(sa, 0) == 0.0, "gb_sort(n=0) == 0");

    check_fannkuch(7, 228, 16);
    check_fannkuch(8, 1616, 22);
    check(gb_fannkuch(1) == 0, "gb_fannkuch(1) == 0");
    check(gb_fannkuch(0) == 0, "gb_fannkuch(n=0) == 0");

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
