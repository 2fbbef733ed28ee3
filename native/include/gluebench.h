/*
 * gluebench C kernels: the same code is reached through JNI (src/jni_glue.c),
 * through the Java FFM API (symbols looked up by name in libgluebench.so) and
 * from Python. Every function is pure and thread-safe; each result must be
 * bit-identical to the Java reference implementation of the same workload.
 */
#ifndef GLUEBENCH_H
#define GLUEBENCH_H

#include <stdint.h>

/* Exported even when the library is built with -fvisibility=hidden. */
#define GB_API __attribute__((visibility("default")))

#ifdef __cplusplus
extern "C" {
#endif

/* Does nothing: the floor of a native call for a given mechanism. */
GB_API void gb_noop(void);

/* Sum of the n bytes at data, each read as unsigned (0..255); 0 when n <= 0. */
GB_API int64_t gb_echo(const uint8_t *data, int64_t n);

/* Dot product with a sequential left-to-right sum: s = 0.0; s += a[i] * b[i]
 * for i = 0..n-1. No reassociation and no FMA, so it matches a plain Java loop
 * bit for bit. Returns 0.0 when n <= 0. */
GB_API double gb_dot(const double *a, const double *b, int64_t n);

/* Benchmarks-game n-body with the five outer-planet bodies: offset momentum,
 * then `steps` calls of advance(0.01); returns the final energy.
 * gb_nbody(0) = -0.169075164 and gb_nbody(1000) = -0.169087605 (%.9f). */
GB_API double gb_nbody(int64_t steps);

/* Benchmarks-game spectral norm of the n x n matrix
 * A(i,j) = 1.0 / ((i+j)*(i+j+1)/2 + i + 1) (integer denominator, i, j from 0):
 * u = [1.0]*n, then 10 times { v = At(A(u)); u = At(A(v)) }, and the result is
 * sqrt(vBv / vv) with vBv = sum u[i]*v[i], vv = sum v[i]*v[i]. Every sum runs
 * left to right (index ascending), as in the Java reference.
 * gb_spectralnorm(100) = 1.274219991 (%.9f). Returns NaN when n <= 0 (0/0)
 * or when the three work vectors cannot be allocated. */
GB_API double gb_spectralnorm(int64_t n);

/* Number of points of an n x n grid inside the Mandelbrot set: for y, x in
 * 0..n-1, c = ((2.0*x)/n - 1.5, (2.0*y)/n - 1.0), z = 0; at most 50 rounds of
 * { tr = zr*zr; ti = zi*zi; if (tr + ti > 4.0) escaped; zi = (2.0*zr)*zi + ci;
 * zr = (tr - ti) + cr }. Exact: same IEEE operations in the same order as the
 * Java and Python versions. Returns 0 when n <= 0. */
GB_API int64_t gb_mandelbrot(int64_t n);

/* C = A*B for n x n row-major matrices a and b (n*n doubles each), then
 * returns sum over i, j (row-major) of C[i][j]^2. Cache-blocked, i-k-j order
 * in 64 x 64 blocks; each C[i][j] still accumulates k ascending from 0.0.
 * Compare with the reference using a tolerance. Returns 0.0 when n <= 0 and
 * NaN when the n*n scratch matrix cannot be allocated. */
GB_API double gb_matmul(const double *a, const double *b, int64_t n);

/* Sorts a malloc'd copy of the n doubles at a ascending with libc qsort (a is
 * never modified), then returns sum of (i+1) * s[i] for i ascending. Returns
 * 0.0 when n <= 0 and NaN when the copy cannot be allocated. */
GB_API double gb_sort(const double *a, int64_t n);

/* Benchmarks-game fannkuch-redux over the permutations of 0..n-1 in the
 * canonical count[] order (permutation index from 0): checksum += flips for
 * even indices and -= flips for odd ones; maxflips = max(flips). Returns
 * ((int64_t)checksum << 32) | (uint32_t)maxflips, e.g. gb_fannkuch(7) =
 * (228 << 32) | 16. n must be 1..GB_FANNKUCH_MAX_N (n = 12 already takes
 * seconds, each +1 multiplies by ~n); otherwise returns 0. */
#define GB_FANNKUCH_MAX_N 32
GB_API int64_t gb_fannkuch(int64_t n);

#ifdef __cplusplus
}
#endif

#endif /* GLUEBENCH_H */
