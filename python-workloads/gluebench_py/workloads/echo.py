"""echo: the sum of the unsigned values of a byte sequence.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
"""
try:
    xrange
except NameError:
    xrange = range


def echo(data):
    """Return the sum of the bytes of data, each read as unsigned (0..255).

    data is anything whose items are byte values: CPython bytes, bytearray or memoryview
    (items 0..255), or a Java byte[] seen from Jython or GraalPy (items -128..127);
    "& 0xFF" maps both to 0..255.
    """
    s = 0
    for b in data:
        s += b & 0xFF
    return s
