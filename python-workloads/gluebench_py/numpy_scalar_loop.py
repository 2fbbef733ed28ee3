"""The anti-pattern `jep-numpy-scalar-loop`: a Python loop over numpy arrays that calls numpy once
per element, as code ported element by element from a scalar language ends up. CPython 3 only.

Every a[i] makes a numpy scalar and every np.multiply / np.add on scalars goes through numpy's
ufunc dispatch (type resolution, a 0-d result object), about a microsecond each, more than the
arithmetic itself; so these loops are usually slower than the pure-Python source on a list.

Only the workloads where such a loop is what people write have one here: echo (summing a byte
array element by element), dot and matmul (the textbook loops with np.multiply per product). The
sums run in the same order as the Java reference, so the results match it exactly.
"""
import numpy as np


def echo_scalar_loop(buf):
    """Return the sum of the bytes of buf (read as unsigned), one np.add per byte."""
    data = np.frombuffer(buf, dtype=np.uint8)
    s = np.int64(0)
    for i in range(len(data)):
        s = np.add(s, data[i])
    return int(s)


def dot_scalar_loop(a, b):
    """Return sum(a[i] * b[i]) left to right, one np.multiply per product."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    s = 0.0
    for i in range(len(a)):
        s += np.multiply(a[i], b[i])
    return float(s)


def matmul_scalar_loop(a, b, n):
    """Return the sum over i, j (row-major) of C[i][j]**2, C = A B, one np.multiply per product.

    a and b hold A and B row-major (n * n float64 each); C[i][j] accumulates k ascending from 0.0.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if len(a) != n * n or len(b) != n * n:
        raise ValueError('matmul needs n*n = %d values in a and b, got %d and %d'
                         % (n * n, len(a), len(b)))
    total = 0.0
    for i in range(n):
        for j in range(n):
            c = 0.0
            for k in range(n):
                c += np.multiply(a[i * n + k], b[k * n + j])
            total += c * c
    return float(total)
