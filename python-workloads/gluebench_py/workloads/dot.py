"""dot: the dot product of two double sequences, summed left to right.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
"""
try:
    xrange
except NameError:
    xrange = range


def dot(a, b):
    """Return sum(a[i] * b[i]) accumulated sequentially from i = 0, as Java's loop does.

    a and b are only indexed and measured with len(), so lists, array.array('d'), memoryviews
    of doubles and Java double[] (seen from Jython or GraalPy) all work. n = len(a).
    """
    s = 0.0
    for i in xrange(len(a)):
        s += a[i] * b[i]
    return s
