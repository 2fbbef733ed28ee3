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


# ---- wordfreq, records, csvparse ------------------------------------------------------------

# 16 syllables of exactly 2 code points each (all in the BMP); the four accented ones are
# 2 UTF-8 bytes long, so a word is 6 to 9 UTF-8 bytes.
WORDFREQ_SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo',
                      'zu', 'be', 'do', 'fu', 'g\u00e5', 'h\u00e9', 'j\u00f6', '\u00e7i']
WORDFREQ_VOCABULARY = 4096


def word(i):
    """Return word i (0..4095) of the wordfreq vocabulary: three syllables, high nibble first."""
    syl = WORDFREQ_SYLLABLES
    return syl[(i >> 8) & 15] + syl[(i >> 4) & 15] + syl[i & 15]


def wordfreq_input(n, seed=DEFAULT_SEED):
    """Return the wordfreq text: at most n UTF-8 bytes of words from word(i).

    Each word's i is int(u**3 * 4096) for the next double u, so low i are frequent. Words are
    separated by " ", except that "\\n" precedes every 16th word (k = 16, 32, ...). The first
    word that does not fit in the n bytes (with its separator) is drawn, then dropped, and the
    text ends there: no later, shorter word is tried.
    """
    vocabulary = [word(i) for i in range(WORDFREQ_VOCABULARY)]
    sizes = [len(w.encode('utf-8')) for w in vocabulary]
    rng = SplitMix64(seed)
    parts = []
    used = 0
    k = 0
    while True:
        u = rng.next_double()
        i = int(((u * u) * u) * 4096.0)
        sep = '' if k == 0 else ('\n' if k % 16 == 0 else ' ')
        cost = len(sep) + sizes[i]
        if used + cost > n:
            break
        parts.append(sep)
        parts.append(vocabulary[i])
        used += cost
        k += 1
    return ''.join(parts)


RECORD_CATEGORIES = ['books', 'electronics', 'garden', 'grocery', 'health', 'home', 'jewelry',
                     'kitchen', 'music', 'office', 'outdoor', 'pets', 'shoes', 'sports', 'toys',
                     'travel']


def records_input(n, seed=DEFAULT_SEED):
    """Return n records (id, category, amount), id = 1000000 + r, in stream order.

    Two draws per record: a double u picks RECORD_CATEGORIES[int(u*u*16)] (skewed towards the
    first ones), then an integer x gives amount = ((x >> 40) % 1000000) - 100000 cents.
    """
    rng = SplitMix64(seed)
    rows = []
    for r in range(n):
        u = rng.next_double()
        category = RECORD_CATEGORIES[int((u * u) * 16.0)]
        amount = ((rng.next() >> 40) % 1000000) - 100000
        rows.append((1000000 + r, category, amount))
    return rows


CSV_HEADER = 'qty,price,label\n'


def csv_price(v):
    """Return v thousandths as text with exactly 3 decimals: 12005 -> "12.005", -5 -> "-0.005"."""
    return ('-' if v < 0 else '') + '%d.%03d' % (abs(v) // 1000, abs(v) % 1000)


def csvparse_input(n, seed=DEFAULT_SEED):
    """Return the CSV text: the header "qty,price,label" then n data lines, each ending in "\\n".

    Three draws per line: qty = ((a >> 32) % 2000001) - 1000000; price = csv_price(v) for
    v = ((b >> 20) % 200000001) - 100000000; the label has L = 1 + c % 12 letters, letter j
    being 'a' + ((c >> (4 + 5j)) & 31) % 26.
    """
    rng = SplitMix64(seed)
    lines = [CSV_HEADER]
    for _ in range(n):
        qty = ((rng.next() >> 32) % 2000001) - 1000000
        v = ((rng.next() >> 20) % 200000001) - 100000000
        c = rng.next()
        label = ''.join(chr(97 + ((c >> (4 + 5 * j)) & 31) % 26) for j in range(1 + c % 12))
        lines.append('%d,%s,%s\n' % (qty, csv_price(v), label))
    return ''.join(lines)
