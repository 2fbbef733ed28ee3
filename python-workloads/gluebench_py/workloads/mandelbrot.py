"""mandelbrot: how many points of an n x n grid over [-1.5, 0.5) x [-1, 1) lie in the set.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
A point stays in the set if |z|^2 never exceeds 4 in 50 iterations of z = z^2 + c. The
floating-point operations are those of the Java and C programs, in the same order, so the
count is exactly the same in every implementation.
"""
try:
    xrange
except NameError:
    xrange = range

MAX_ITERATIONS = 50


def mandelbrot(n):
    """Return the number of grid points (x, y), 0 <= x, y < n, that stay in the set.

    The point's c is cr = 2.0*x/n - 1.5, ci = 2.0*y/n - 1.0, evaluated left to right.
    """
    count = 0
    for y in xrange(n):
        ci = 2.0 * y / n - 1.0
        for x in xrange(n):
            cr = 2.0 * x / n - 1.5
            zr = zi = 0.0
            for _ in xrange(MAX_ITERATIONS):
                tr = zr * zr
                ti = zi * zi
                if tr + ti > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
            else:
                count += 1
    return count
