/* JNI entry points of io.gluebench.pattern.jni.JniKernels. Each one is a thin
 * wrapper over a gb_* kernel; arrays are pinned with GetPrimitiveArrayCritical
 * (zero-copy where the GC allows) and released with JNI_ABORT (read-only),
 * except an output array, released with 0 (written back). */
#include <jni.h>

#include "gluebench.h"

/* Throws IndexOutOfBoundsException unless 0 <= n <= length of array. */
static int check_length(JNIEnv *env, jarray array, jint n)
{
    if (n >= 0 && n <= (*env)->GetArrayLength(env, array))
        return 1;
    jclass cls = (*env)->FindClass(env, "java/lang/IndexOutOfBoundsException");
    if (cls != NULL)
        (*env)->ThrowNew(env, cls, "n is negative or larger than the array");
    return 0;
}

/* Throws IndexOutOfBoundsException unless n >= 0 and n*n <= length of array
 * (computed in 64 bits, so a large n cannot overflow past the check). */
static int check_square(JNIEnv *env, jarray array, jint n)
{
    if (n >= 0 && (int64_t)n * n <= (*env)->GetArrayLength(env, array))
        return 1;
    jclass cls = (*env)->FindClass(env, "java/lang/IndexOutOfBoundsException");
    if (cls != NULL)
        (*env)->ThrowNew(env, cls, "n is negative or n*n is larger than the array");
    return 0;
}

JNIEXPORT void JNICALL
Java_io_gluebench_pattern_jni_JniKernels_noop(JNIEnv *env, jclass cls)
{
    (void)env;
    (void)cls;
    gb_noop();
}

JNIEXPORT jlong JNICALL
Java_io_gluebench_pattern_jni_JniKernels_echo(JNIEnv *env, jclass cls, jbyteArray data, jint n)
{
    (void)cls;
    if (!check_length(env, data, n))
        return 0;
    uint8_t *p = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (p == NULL)
        return 0; /* OutOfMemoryError is pending */
    int64_t sum = gb_echo(p, n);
    (*env)->ReleasePrimitiveArrayCritical(env, data, p, JNI_ABORT);
    return sum;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_dot(JNIEnv *env, jclass cls, jdoubleArray a,
                                             jdoubleArray b, jint n)
{
    (void)cls;
    if (!check_length(env, a, n) || !check_length(env, b, n))
        return 0.0;
    double *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    if (pa == NULL)
        return 0.0;
    double *pb = (*env)->GetPrimitiveArrayCritical(env, b, NULL);
    if (pb == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
        return 0.0;
    }
    double s = gb_dot(pa, pb, n);
    (*env)->ReleasePrimitiveArrayCritical(env, b, pb, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
    return s;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_nbody(JNIEnv *env, jclass cls, jint steps)
{
    (void)env;
    (void)cls;
    return gb_nbody(steps);
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_spectralnorm(JNIEnv *env, jclass cls, jint n)
{
    (void)env;
    (void)cls;
    return gb_spectralnorm(n);
}

JNIEXPORT jlong JNICALL
Java_io_gluebench_pattern_jni_JniKernels_mandelbrot(JNIEnv *env, jclass cls, jint n)
{
    (void)env;
    (void)cls;
    return gb_mandelbrot(n);
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_matmul(JNIEnv *env, jclass cls, jdoubleArray a,
                                                jdoubleArray b, jint n)
{
    (void)cls;
    if (!check_square(env, a, n) || !check_square(env, b, n))
        return 0.0;
    double *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    if (pa == NULL)
        return 0.0;
    double *pb = (*env)->GetPrimitiveArrayCritical(env, b, NULL);
    if (pb == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
        return 0.0;
    }
    double s = gb_matmul(pa, pb, n);
    (*env)->ReleasePrimitiveArrayCritical(env, b, pb, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
    return s;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_sort(JNIEnv *env, jclass cls, jdoubleArray a, jint n)
{
    (void)cls;
    if (!check_length(env, a, n))
        return 0.0;
    double *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    if (pa == NULL)
        return 0.0;
    double s = gb_sort(pa, n); /* sorts its own copy: the Java array is untouched */
    (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
    return s;
}

JNIEXPORT jlong JNICALL
Java_io_gluebench_pattern_jni_JniKernels_fannkuch(JNIEnv *env, jclass cls, jint n)
{
    (void)env;
    (void)cls;
    return gb_fannkuch(n);
}

/* The compound-result kernels: n input bytes in, the result wire format out,
 * with out's length as the capacity. Returns the kernel's result (bytes
 * written or a negative GB_ERR_*), or 0 with an exception pending. */
typedef int64_t (*bytes_kernel)(const uint8_t *in, int64_t n, uint8_t *out, int64_t cap);

static jint call_bytes_kernel(JNIEnv *env, bytes_kernel kernel, jbyteArray in, jint n,
                              jbyteArray out)
{
    if (!check_length(env, in, n))
        return 0;
    jsize cap = (*env)->GetArrayLength(env, out);
    uint8_t *pin = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
    if (pin == NULL)
        return 0;
    uint8_t *pout = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    if (pout == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, in, pin, JNI_ABORT);
        return 0;
    }
    int64_t r = kernel(pin, n, pout, cap); /* -3..cap, so it fits a jint */
    (*env)->ReleasePrimitiveArrayCritical(env, out, pout, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, in, pin, JNI_ABORT);
    return (jint)r;
}

JNIEXPORT jint JNICALL
Java_io_gluebench_pattern_jni_JniKernels_wordfreq(JNIEnv *env, jclass cls, jbyteArray text,
                                                  jint n, jbyteArray out)
{
    (void)cls;
    return call_bytes_kernel(env, gb_wordfreq, text, n, out);
}

JNIEXPORT jint JNICALL
Java_io_gluebench_pattern_jni_JniKernels_records(JNIEnv *env, jclass cls, jbyteArray request,
                                                 jint len, jbyteArray out)
{
    (void)cls;
    return call_bytes_kernel(env, gb_records, request, len, out);
}

JNIEXPORT jint JNICALL
Java_io_gluebench_pattern_jni_JniKernels_csvparse(JNIEnv *env, jclass cls, jbyteArray text,
                                                  jint n, jbyteArray out)
{
    (void)cls;
    return call_bytes_kernel(env, gb_csvparse, text, n, out);
}
