"""Deterministic workload inputs, mirroring the Java generator exactly (Java is the source of truth).

The stream is SplitMix64 (Steele, Lea and Flood 2014) with 64-bit wraparound:
    state += 0x9E3779B97F4A7C15
    z = state
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB
    return z ^ (z >> 31)
"""

DEFAULT_SEED = 42

_MASK64 = (1 << 64) - 1
_GOLDEN_GAMMA = 0x9E3779B97F4A7C15
_DOUBLE_UNIT = 2.0 ** -53


class SplitMix64:
    """SplitMix64 over unsigned 64-bit Python ints; Java's signed longs hold the same bits."""

    def __init__(self, seed=DEFAULT_SEED):
        self.state = seed & _MASK64

    def next(self):
        """Return the next unsigned 64-bit value."""
        self.state = (self.state + _GOLDEN_GAMMA) & _MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        return z ^ (z >> 31)

    def next_double(self):
        """Return a double in [0, 1) from the top 53 bits of next()."""
        return (self.next() >> 11) * _DOUBLE_UNIT


def echo_input(n, seed=DEFAULT_SEED):
    """Return n bytes; byte i is the top 8 bits of the i-th next()."""
    rng = SplitMix64(seed)
    return bytes(rng.next() >> 56 for _ in range(n))


def dot_input(n, seed=DEFAULT_SEED):
    """Return (a, b), two lists of n floats in [-1, 1): all of a first, then b, from one stream."""
    rng = SplitMix64(seed)
    a = [2.0 * rng.next_double() - 1.0 for _ in range(n)]
    b = [2.0 * rng.next_double() - 1.0 for _ in range(n)]
    return a, b


def matmul_input(n, seed=DEFAULT_SEED):
    """Return (a, b), the n x n matrices A and B row-major as two lists of n*n floats in [-1, 1).

    All of A is drawn first, then B, from one stream (as dot_input draws a, then b).
    """
    rng = SplitMix64(seed)
    a = [2.0 * rng.next_double() - 1.0 for _ in range(n * n)]
    b = [2.0 * rng.next_double() - 1.0 for _ in range(n * n)]
    return a, b


def sort_input(n, seed=DEFAULT_SEED):
    """Return a list of n floats in [-1, 1), in stream order (unsorted)."""
    rng = SplitMix64(seed)
    return [2.0 * rng.next_double() - 1.0 for _ in range(n)]
