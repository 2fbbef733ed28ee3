package io.gluebench.pattern.jni;

/** The JNI entry points of native/src/jni_glue.c; each calls the C kernel of native/include/gluebench.h. */
public final class JniKernels {
    private JniKernels() {
    }

    public static native void noop();

    /** Sum of unsigned bytes; the array is accessed in place (GetPrimitiveArrayCritical). */
    public static native long echo(byte[] data, int n);

    /** Sequential dot product; both arrays accessed in place. */
    public static native double dot(double[] a, double[] b, int n);

    public static native double nbody(int steps);

    public static native double spectralnorm(int n);

    public static native long mandelbrot(int n);

    /** A and B row-major n x n, accessed in place. */
    public static native double matmul(double[] a, double[] b, int n);

    /** Sorts a copy (the kernel copies); the array is read in place. */
    public static native double sort(double[] a, int n);

    /** (checksum << 32) | maxflips. */
    public static native long fannkuch(int n);
}
