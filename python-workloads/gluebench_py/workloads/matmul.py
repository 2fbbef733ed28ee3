"""matmul: the sum of the squares of the entries of C = A B, for n x n matrices A and B.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
C[i][j] is the sum of A[i][k] * B[k][j] with k ascending, and the squares are summed in
row-major order, as in the Java reference, so the result matches it exactly.
"""
try:
    xrange
except NameError:
    xrange = range


def matmul(a, b, n):
    """Return the sum over i, j (row-major) of C[i][j]**2, where C = A B.

    a and b hold A and B row-major, n * n values each; they are only indexed, so lists,
    array.array('d'), memoryviews of doubles and Java double[] (seen from Jython or GraalPy)
    all work. The rows of A and the columns of B are first copied into lists, so that the
    n**3 inner loop indexes lists only.
    """
    if len(a) != n * n or len(b) != n * n:
        raise ValueError('matmul needs n*n = %d values in a and b, got %d and %d'
                         % (n * n, len(a), len(b)))
    rows = [[a[i * n + k] for k in xrange(n)] for i in xrange(n)]
    columns = [[b[k * n + j] for k in xrange(n)] for j in xrange(n)]
    total = 0.0
    for row in rows:
        for column in columns:
            c = 0.0
            for k in xrange(n):
                c += row[k] * column[k]
            total += c * c
    return total
