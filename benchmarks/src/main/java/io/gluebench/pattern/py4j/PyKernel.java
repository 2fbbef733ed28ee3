package io.gluebench.pattern.py4j;

/**
 * The Java face of the Python entry point (gluebench_py.py4j_server.Kernel, which names this
 * interface in its {@code Java.implements}): one worker request payload in, its reply payload out.
 * The request crosses as Base64 text because Py4J decodes a byte[] argument in Python one byte at a
 * time; the reply crosses as Py4J's byte array (Base64, decoded by Py4J in Java).
 */
public interface PyKernel {
    byte[] call(String requestBase64);
}
