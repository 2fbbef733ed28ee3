/* JNI entry points of io.gluebench.pattern.jni.JniKernels. Each one is a thin
 * wrapper over a gb_* kernel; arrays are pinned with GetPrimitiveArrayCritical
 * (zero-copy where the GC allows) and released with JNI_ABORT (read-only),
 * except an output array, released with 0 (written back): all through pin and
 * unpin below. */
#include <jni.h>
#include <stdlib.h>

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

/* A Java primitive array held by GetPrimitiveArrayCritical. Between pin and
 * unpin the thread makes no other JNI call and does not block: only the kernel
 * runs. mode is the release mode: JNI_ABORT for an array that is only read
 * (any copy is discarded), 0 for one the kernel writes (copied back). */
typedef struct {
    jarray array;
    void *elems;
    jint mode;
} pinned;

/* Pins array into *p, to be released with mode. Returns 1, or 0 with an
 * OutOfMemoryError pending (nothing is then pinned). */
static inline int pin(JNIEnv *env, pinned *p, jarray array, jint mode)
{
    p->array = array;
    p->mode = mode;
    p->elems = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    return p->elems != NULL;
}

static inline void unpin(JNIEnv *env, const pinned *p)
{
    (*env)->ReleasePrimitiveArrayCritical(env, p->array, p->elems, p->mode);
}

/* Pins a, then b. Returns 1, or 0 with an OutOfMemoryError pending and
 * neither pinned. */
static inline int pin_pair(JNIEnv *env, pinned *pa, jarray a, jint mode_a, pinned *pb, jarray b,
                           jint mode_b)
{
    if (!pin(env, pa, a, mode_a))
        return 0;
    if (!pin(env, pb, b, mode_b)) {
        unpin(env, pa);
        return 0;
    }
    return 1;
}

/* Releases a pair pinned by pin_pair, in reverse order. */
static inline void unpin_pair(JNIEnv *env, const pinned *pa, const pinned *pb)
{
    unpin(env, pb);
    unpin(env, pa);
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
    pinned p;
    if (!pin(env, &p, data, JNI_ABORT))
        return 0; /* OutOfMemoryError is pending */
    int64_t sum = gb_echo(p.elems, n);
    unpin(env, &p);
    return sum;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_dot(JNIEnv *env, jclass cls, jdoubleArray a,
                                             jdoubleArray b, jint n)
{
    (void)cls;
    if (!check_length(env, a, n) || !check_length(env, b, n))
        return 0.0;
    pinned pa, pb;
    if (!pin_pair(env, &pa, a, JNI_ABORT, &pb, b, JNI_ABORT))
        return 0.0;
    double s = gb_dot(pa.elems, pb.elems, n);
    unpin_pair(env, &pa, &pb);
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
    pinned pa, pb;
    if (!pin_pair(env, &pa, a, JNI_ABORT, &pb, b, JNI_ABORT))
        return 0.0;
    double s = gb_matmul(pa.elems, pb.elems, n);
    unpin_pair(env, &pa, &pb);
    return s;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_sort(JNIEnv *env, jclass cls, jdoubleArray a, jint n)
{
    (void)cls;
    if (!check_length(env, a, n))
        return 0.0;
    pinned pa;
    if (!pin(env, &pa, a, JNI_ABORT))
        return 0.0;
    double s = gb_sort(pa.elems, n); /* sorts its own copy: the Java array is untouched */
    unpin(env, &pa);
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
    pinned pin_in, pin_out;
    if (!pin_pair(env, &pin_in, in, JNI_ABORT, &pin_out, out, 0))
        return 0;
    int64_t r = kernel(pin_in.elems, n, pin_out.elems, cap); /* -3..cap, so it fits a jint */
    unpin_pair(env, &pin_in, &pin_out);
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

/* ---- The labelled variants: the same kernels, reached the other ways JNI offers. ----
 *
 * *Copy: Get<Type>ArrayRegion copies the Java array into malloc'd memory (and
 * SetByteArrayRegion copies a result back): the portable path that never
 * blocks the GC, paid for with a copy and an allocation per call.
 * *Direct: the data is in direct ByteBuffers; GetDirectBufferAddress hands C
 * the address, nothing is pinned or copied on the C side. */

static void throw_oom(JNIEnv *env)
{
    jclass cls = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
    if (cls != NULL)
        (*env)->ThrowNew(env, cls, "native copy buffer");
}

/* A malloc'd copy of count doubles of a (count may be 0), or NULL with an exception pending. */
static double *copy_doubles(JNIEnv *env, jdoubleArray a, jsize count)
{
    double *p = malloc(count > 0 ? (size_t)count * sizeof(double) : 1);
    if (p == NULL) {
        throw_oom(env);
        return NULL;
    }
    (*env)->GetDoubleArrayRegion(env, a, 0, count, p);
    return p;
}

JNIEXPORT jlong JNICALL
Java_io_gluebench_pattern_jni_JniKernels_echoCopy(JNIEnv *env, jclass cls, jbyteArray data, jint n)
{
    (void)cls;
    if (!check_length(env, data, n))
        return 0;
    uint8_t *p = malloc(n > 0 ? (size_t)n : 1);
    if (p == NULL) {
        throw_oom(env);
        return 0;
    }
    (*env)->GetByteArrayRegion(env, data, 0, n, (jbyte *)p);
    int64_t s = gb_echo(p, n);
    free(p);
    return s;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_dotCopy(JNIEnv *env, jclass cls, jdoubleArray a,
                                                 jdoubleArray b, jint n)
{
    (void)cls;
    if (!check_length(env, a, n) || !check_length(env, b, n))
        return 0.0;
    double *pa = copy_doubles(env, a, n);
    double *pb = pa == NULL ? NULL : copy_doubles(env, b, n);
    double s = pb == NULL ? 0.0 : gb_dot(pa, pb, n);
    free(pb);
    free(pa);
    return s;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_matmulCopy(JNIEnv *env, jclass cls, jdoubleArray a,
                                                    jdoubleArray b, jint n)
{
    (void)cls;
    if (!check_square(env, a, n) || !check_square(env, b, n))
        return 0.0;
    double *pa = copy_doubles(env, a, n * n);
    double *pb = pa == NULL ? NULL : copy_doubles(env, b, n * n);
    double s = pb == NULL ? 0.0 : gb_matmul(pa, pb, n);
    free(pb);
    free(pa);
    return s;
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_sortCopy(JNIEnv *env, jclass cls, jdoubleArray a, jint n)
{
    (void)cls;
    if (!check_length(env, a, n))
        return 0.0;
    double *pa = copy_doubles(env, a, n);
    double s = pa == NULL ? 0.0 : gb_sort(pa, n);
    free(pa);
    return s;
}

static bytes_kernel bytes_kernel_of(JNIEnv *env, jint which)
{
    switch (which) {
    case 0: return gb_wordfreq;
    case 1: return gb_records;
    case 2: return gb_csvparse;
    default: {
        jclass cls = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
        if (cls != NULL)
            (*env)->ThrowNew(env, cls, "unknown compound kernel");
        return NULL;
    }
    }
}

/* which: 0 wordfreq, 1 records, 2 csvparse. in copied in, the result copied out. */
JNIEXPORT jint JNICALL
Java_io_gluebench_pattern_jni_JniKernels_compoundCopy(JNIEnv *env, jclass cls, jint which,
                                                      jbyteArray in, jint n, jbyteArray out)
{
    (void)cls;
    bytes_kernel kernel = bytes_kernel_of(env, which);
    if (kernel == NULL || !check_length(env, in, n))
        return 0;
    jsize cap = (*env)->GetArrayLength(env, out);
    uint8_t *pin = malloc(n > 0 ? (size_t)n : 1);
    uint8_t *pout = pin == NULL ? NULL : malloc(cap > 0 ? (size_t)cap : 1);
    if (pout == NULL) {
        free(pin);
        throw_oom(env);
        return 0;
    }
    (*env)->GetByteArrayRegion(env, in, 0, n, (jbyte *)pin);
    int64_t r = kernel(pin, n, pout, cap);
    if (r > 0)
        (*env)->SetByteArrayRegion(env, out, 0, (jsize)r, (const jbyte *)pout);
    free(pout);
    free(pin);
    return (jint)r;
}

/* The address of a direct buffer holding at least need bytes, or NULL with an exception pending. */
static void *direct(JNIEnv *env, jobject buf, int64_t need)
{
    void *p = (*env)->GetDirectBufferAddress(env, buf);
    jlong cap = (*env)->GetDirectBufferCapacity(env, buf);
    if (p != NULL && need >= 0 && cap >= need)
        return p;
    jclass cls = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
    if (cls != NULL)
        (*env)->ThrowNew(env, cls, "not a direct buffer, or smaller than n");
    return NULL;
}

JNIEXPORT jlong JNICALL
Java_io_gluebench_pattern_jni_JniKernels_echoDirect(JNIEnv *env, jclass cls, jobject data, jint n)
{
    (void)cls;
    const uint8_t *p = direct(env, data, n);
    return p == NULL ? 0 : gb_echo(p, n);
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_dotDirect(JNIEnv *env, jclass cls, jobject a, jobject b,
                                                   jint n)
{
    (void)cls;
    const double *pa = direct(env, a, (int64_t)n * 8);
    const double *pb = pa == NULL ? NULL : direct(env, b, (int64_t)n * 8);
    return pb == NULL ? 0.0 : gb_dot(pa, pb, n);
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_matmulDirect(JNIEnv *env, jclass cls, jobject a,
                                                      jobject b, jint n)
{
    (void)cls;
    const double *pa = direct(env, a, (int64_t)n * n * 8);
    const double *pb = pa == NULL ? NULL : direct(env, b, (int64_t)n * n * 8);
    return pb == NULL ? 0.0 : gb_matmul(pa, pb, n);
}

JNIEXPORT jdouble JNICALL
Java_io_gluebench_pattern_jni_JniKernels_sortDirect(JNIEnv *env, jclass cls, jobject a, jint n)
{
    (void)cls;
    const double *pa = direct(env, a, (int64_t)n * 8);
    return pa == NULL ? 0.0 : gb_sort(pa, n);
}

JNIEXPORT jint JNICALL
Java_io_gluebench_pattern_jni_JniKernels_compoundDirect(JNIEnv *env, jclass cls, jint which,
                                                        jobject in, jint n, jobject out)
{
    (void)cls;
    bytes_kernel kernel = bytes_kernel_of(env, which);
    const uint8_t *pin = kernel == NULL ? NULL : direct(env, in, n);
    uint8_t *pout = pin == NULL ? NULL : direct(env, out, 0);
    if (pout == NULL)
        return 0;
    return (jint)kernel(pin, n, pout, (*env)->GetDirectBufferCapacity(env, out));
}
