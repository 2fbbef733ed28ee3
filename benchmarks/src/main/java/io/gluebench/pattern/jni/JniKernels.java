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

    /**
     * The compound kernels write their result (see io.gluebench.workload.CompoundWire) into out,
     * whose length is the capacity, and return the bytes written or a negative GB_ERR_* code.
     * Both arrays are accessed in place.
     */
    public static native int wordfreq(byte[] text, int n, byte[] out);

    /** request: the records request of io.gluebench.pattern.Marshal, len bytes. */
    public static native int records(byte[] request, int len, byte[] out);

    public static native int csvparse(byte[] text, int n, byte[] out);
}
