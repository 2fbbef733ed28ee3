"""fannkuch: the Computer Language Benchmarks Game fannkuch-redux.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
Visits the n! permutations of 0..n-1 in the order of the canonical count[] generator; for each
it counts the flips (reverse the first perm[0] + 1 items) until 0 comes first.
"""
try:
    xrange
except NameError:
    xrange = range


def fannkuch(n):
    """Return checksum * 2**32 + maxflips as one Python int (n >= 1).

    checksum adds each permutation's flips, negated for odd permutation indexes (the first
    permutation has index 0); maxflips is the largest flip count. The Java side reads the int
    as a signed 64-bit value. fannkuch(7) packs (228, 16), fannkuch(8) packs (1616, 22).
    """
    if n < 1:
        raise ValueError('fannkuch needs n >= 1, got %d' % n)
    perm1 = list(xrange(n))
    count = [0] * n
    checksum = 0
    maxflips = 0
    index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > maxflips:
            maxflips = flips
        if index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips

        # Next permutation: rotate the first r + 1 items left by one until a count is left.
        while True:
            if r == n:
                return checksum * 2 ** 32 + maxflips
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        index += 1
