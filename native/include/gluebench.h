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

#ifdef __cplusplus
}
#endif

#endif /* GLUEBENCH_H */
