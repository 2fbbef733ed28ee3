"""spectralnorm: the Computer Language Benchmarks Game spectral norm of the infinite matrix A.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
A(i, j) = 1.0 / ((i+j)*(i+j+1)/2 + i + 1) with an integer denominator (i, j from 0). Every sum
runs left to right in loop order, as in the Java and C programs, so the result matches them.
The entry is computed inline, 1.0 / denominator, then multiplied by x[j] (a call per entry
would cost CPython about 10%).
"""
import math

try:
    xrange
except NameError:
    xrange = range


def times_a(x):
    """Return A x: element i is the sum of A(i, j) * x[j], j ascending."""
    n = len(x)
    result = []
    for i in xrange(n):
        s = 0.0
        for j in xrange(n):
            ij = i + j
            s += 1.0 / (ij * (ij + 1) // 2 + i + 1) * x[j]
        result.append(s)
    return result


def times_at(x):
    """Return A^T x: element i is the sum of A(j, i) * x[j], j ascending."""
    n = len(x)
    result = []
    for i in xrange(n):
        s = 0.0
        for j in xrange(n):
            ij = i + j
            s += 1.0 / (ij * (ij + 1) // 2 + j + 1) * x[j]
        result.append(s)
    return result


def times_ata(x):
    """Return A^T A x."""
    return times_at(times_a(x))


def spectralnorm(n):
    """Return the spectral norm of the n x n top-left block of A after 10 power iterations.

    spectralnorm(100) == 1.274219991 and spectralnorm(5500) == 1.274224153 (to 9 decimals).
    """
    u = [1.0] * n
    v = u
    for _ in xrange(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for i in xrange(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)
