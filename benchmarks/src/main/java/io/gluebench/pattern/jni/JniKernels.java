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

    // Labelled variants (jni-copy, jni-direct-buffer): the same kernels reached the other ways.

    /** Get*ArrayRegion copies into malloc'd memory per call. */
    public static native long echoCopy(byte[] data, int n);

    public static native double dotCopy(double[] a, double[] b, int n);

    public static native double matmulCopy(double[] a, double[] b, int n);

    public static native double sortCopy(double[] a, int n);

    /** which: 0 wordfreq, 1 records, 2 csvparse; in copied in, the result copied back into out. */
    public static native int compoundCopy(int which, byte[] in, int n, byte[] out);

    /** Direct buffers: GetDirectBufferAddress, no pinning and no copy on the C side. */
    public static native long echoDirect(java.nio.ByteBuffer data, int n);

    public static native double dotDirect(java.nio.ByteBuffer a, java.nio.ByteBuffer b, int n);

    public static native double matmulDirect(java.nio.ByteBuffer a, java.nio.ByteBuffer b, int n);

    public static native double sortDirect(java.nio.ByteBuffer a, int n);

    public static native int compoundDirect(int which, java.nio.ByteBuffer in, int n, java.nio.ByteBuffer out);
}
