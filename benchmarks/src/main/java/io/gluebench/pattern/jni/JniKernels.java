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
}
