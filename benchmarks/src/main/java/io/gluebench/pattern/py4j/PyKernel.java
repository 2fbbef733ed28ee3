package io.gluebench.pattern.py4j;

/**
 * The Java face of the Python entry point (gluebench_py.py4j_server.Kernel, which names this
 * interface in its {@code Java.implements}): one worker request payload in, its reply payload out.
 * The reply crosses as Py4J's byte array (Base64, decoded by Py4J in Java).
 */
public interface PyKernel {
    /** The request as Base64 text, which Python decodes with the C codec: the fast way in. */
    byte[] call(String requestBase64);

    /** The request as Py4J's byte array, which Py4J decodes in Python one byte at a time. */
    byte[] callBytes(byte[] request);
}
