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

/* Compound results. gb_wordfreq, gb_records and gb_csvparse write their result
 * into out (cap bytes) in the RESULT WIRE FORMAT, little-endian, no padding:
 *
 *   wordfreq:  i64 distinct, i32 k, then k x { i32 len, len bytes word, i64 count }
 *   records:   i32 k, then k x { i32 len, len bytes category, i64 sum }
 *   csvparse:  i64 intSum, f64 floatSum, i64 textChars
 *
 * and return the number of bytes written, or one of these negative codes
 * (out is then left untouched). Input errors are found before the size of
 * the result is known, so GB_ERR_INPUT wins over GB_ERR_SPACE. */
#define GB_ERR_NOMEM (-1) /* scratch memory (hash table, locale) could not be allocated */
#define GB_ERR_SPACE (-2) /* cap is smaller than the result; cap < 0 counts as too small */
#define GB_ERR_INPUT (-3) /* the input breaks the function's contract below */

/* Word frequencies of the n bytes of UTF-8 text at text. Words are the maximal
 * runs of bytes other than ' ' and '\n' (no other byte separates), compared
 * as byte strings; the text is never copied. distinct = number of distinct
 * words; the k = min(distinct, 10) entries are the most frequent words, by
 * count descending, then by bytes ascending (unsigned memcmp order, a prefix
 * before its extensions; = code-point order for UTF-8). n <= 0: distinct 0,
 * k 0 (12 bytes). GB_ERR_INPUT only for a word longer than INT32_MAX bytes,
 * which the wire format cannot carry. */
GB_API int64_t gb_wordfreq(const uint8_t *text, int64_t n, uint8_t *out, int64_t cap);

/* Sum of the amounts per category of a records request of len bytes
 * (REQUEST WIRE FORMAT, little-endian, no alignment required):
 *
 *   i64 n, n x i64 id, n x i64 amount, n x u8 category length (1..255),
 *   then the n categories' bytes concatenated in record order
 *
 * The k entries are the distinct categories (any number), sorted by bytes
 * ascending (unsigned memcmp order, a prefix first), each with the sum of its
 * amounts, wrapping modulo 2^64 like a Java long. The ids are not used.
 * GB_ERR_INPUT unless n >= 0, every category length is >= 1 and len is
 * exactly 8 + 17*n + the sum of the category lengths (and for more than
 * INT32_MAX distinct categories, which the wire format cannot carry). */
GB_API int64_t gb_records(const uint8_t *req, int64_t len, uint8_t *out, int64_t cap);

/* Parses the n bytes of CSV text at text: the first line (the header, up to
 * and including the first '\n') is skipped; every further line ends at '\n'
 * or at the end of the text (a last line without '\n' counts; nothing past n
 * is read). A data line is exactly three fields separated by ',':
 *   qty    [+-]?[0-9]+ fitting an int64, parsed by hand;
 *   price  a decimal [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)? (D a digit 0-9) of at
 *          most 63 bytes, converted by strtod_l in the "C" locale (correctly
 *          rounded, whatever the process locale; no inf, nan, hex or spaces);
 *   label  any bytes except ',' (may be empty).
 * intSum = sum of qty (wrapping modulo 2^64 like a Java long); floatSum = 0.0
 * then += each price in line order (no reassociation); textChars = sum of the
 * labels' lengths in bytes (= characters for ASCII labels). Empty text or no
 * data line: (0, 0.0, 0). Any other line, an empty one included, is
 * GB_ERR_INPUT. The result is always 24 bytes. */
GB_API int64_t gb_csvparse(const uint8_t *text, int64_t n, uint8_t *out, int64_t cap);

#ifdef __cplusplus
}
#endif

#endif /* GLUEBENCH_H */
