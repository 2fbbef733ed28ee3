"""sort: sort a copy of a double sequence, then return a position-weighted checksum of it.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
"""
try:
    xrange
except NameError:
    xrange = range


def sort(data):
    """Return the sum of (i + 1) * s[i], i ascending, where s is data sorted ascending.

    data itself is never changed: sorted() builds the sorted copy. data is only iterated, so
    lists, array.array('d'), memoryviews of doubles and Java double[] (seen from Jython or
    GraalPy) all work.
    """
    total = 0.0
    for position, value in enumerate(sorted(data), 1):
        total += position * value
    return total
