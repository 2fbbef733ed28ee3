"""The workloads written with numpy (CPython 3 only). Each returns a Python int or float, or
for the compound workloads (records, csvparse) the same Python values as the pure version.

Inputs are viewed, not copied, wherever numpy allows it (see each function). wordfreq has no
numpy variant: counting words is dict work (numpy has no hashing of strings, and np.unique
would sort the whole text's words).
"""
import numpy as np

from gluebench_py.workloads.nbody import initial_bodies, offset_momentum


def echo_np(buf):
    """Return the sum of the bytes of buf as unsigned values.

    buf is any object with the buffer protocol (bytes, bytearray, memoryview, ndarray); it is
    viewed as uint8 with np.frombuffer, without a copy.
    """
    return int(np.frombuffer(buf, dtype=np.uint8).sum(dtype=np.int64))


def _as_float64(x):
    """View x as a 1-D float64 array, without a copy where possible.

    Raw byte buffers (bytes, bytearray, a memoryview of format 'B'/'b'/'c') are reinterpreted
    as native-endian float64 with np.frombuffer. Everything else goes through np.asarray:
    ndarrays, array.array('d') and memoryviews of doubles are viewed, lists are copied.
    """
    if isinstance(x, (bytes, bytearray)) or (
            isinstance(x, memoryview) and x.format in ('B', 'b', 'c')):
        return np.frombuffer(x, dtype=np.float64)
    return np.asarray(x, dtype=np.float64)


def dot_np(a, b):
    """Return the dot product of a and b with np.dot (BLAS: not summed left to right).

    a and b are accepted as described in _as_float64. Because BLAS reorders the sum the result
    may differ from the sequential dot() in the last bits.
    """
    return float(np.dot(_as_float64(a), _as_float64(b)))


def nbody_np(steps, dt=0.01):
    """Run the same 5-body system as workloads.nbody.nbody, vectorised over the 10 pairs.

    Each step computes all pair separations at once from index arrays (i, j), i < j, and
    applies the velocity changes with one (5 x 10) matrix product. Agrees with the pure
    version to about 1e-12 relative (the summation order differs).
    """
    bodies = initial_bodies()
    offset_momentum(bodies)
    state = np.array(bodies, dtype=np.float64)
    pos = state[:, 0:3].copy()
    vel = state[:, 3:6].copy()
    mass = state[:, 6].copy()

    i, j = np.triu_indices(len(mass), k=1)
    pair = np.arange(len(i))
    # vel += kick @ (d * mag): body i loses m_j * mag * d, body j gains m_i * mag * d.
    kick = np.zeros((len(mass), len(i)))
    kick[i, pair] = -mass[j]
    kick[j, pair] = mass[i]

    for _ in range(steps):
        d = pos[i] - pos[j]
        d2 = np.einsum('ij,ij->i', d, d)
        mag = dt / (d2 * np.sqrt(d2))
        vel += kick @ (d * mag[:, None])
        pos += dt * vel

    d = pos[i] - pos[j]
    potential = np.sum(mass[i] * mass[j] / np.sqrt(np.einsum('ij,ij->i', d, d)))
    kinetic = 0.5 * np.sum(mass * np.einsum('ij,ij->i', vel, vel))
    return float(kinetic - potential)


def spectralnorm_np(n):
    """Return the spectral norm of the n x n block of A, as workloads.spectralnorm.spectralnorm.

    A is built once per call by broadcasting (integer denominators, as in the pure version);
    the 10 power iterations use A @ x and A.T @ x (BLAS: sums not left to right).
    """
    i = np.arange(n, dtype=np.int64)[:, None]
    j = np.arange(n, dtype=np.int64)[None, :]
    a = 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
    u = np.ones(n)
    v = u
    for _ in range(10):
        v = a.T @ (a @ u)
        u = a.T @ (a @ v)
    return float(np.sqrt(np.dot(u, v) / np.dot(v, v)))


def mandelbrot_np(n, max_iterations=50):
    """Return the same count as workloads.mandelbrot.mandelbrot, vectorised over the grid.

    Only the still-active points are iterated: each round drops the points that escaped. The
    element-wise operations are the pure version's, in the same order, so the count is exact.
    """
    steps = 2.0 * np.arange(n, dtype=np.float64) / n
    cr = np.tile(steps - 1.5, n)            # x varies fastest
    ci = np.repeat(steps - 1.0, n)
    zr = np.zeros(n * n)
    zi = np.zeros(n * n)
    for _ in range(max_iterations):
        tr = zr * zr
        ti = zi * zi
        active = ~(tr + ti > 4.0)
        if not active.all():
            cr, ci, zr, zi, tr, ti = (x[active] for x in (cr, ci, zr, zi, tr, ti))
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
    return int(len(zr))


def matmul_np(a, b, n):
    """Return the sum of the squares of the entries of A B (BLAS: a tolerance, not exact).

    a and b hold A and B row-major, n * n values each, accepted as described in _as_float64.
    """
    c = _as_float64(a).reshape(n, n) @ _as_float64(b).reshape(n, n)
    return float(np.vdot(c, c))


def sort_np(data):
    """Return the sum of (i + 1) * s[i] for s = np.sort(data) (a copy; data is unchanged).

    data is accepted as described in _as_float64. The weighted sum is one np.dot, so it is
    not summed left to right.
    """
    s = np.sort(_as_float64(data))
    return float(np.dot(np.arange(1, len(s) + 1, dtype=np.float64), s))


def _as_int64(x):
    """View x as a 1-D int64 array, without a copy where possible.

    Raw byte buffers (bytes, bytearray, a memoryview of format 'B'/'b'/'c') are reinterpreted
    as little-endian int64 with np.frombuffer. Everything else goes through np.asarray:
    ndarrays and array.array('q') are viewed, lists are copied.
    """
    if isinstance(x, (bytes, bytearray)) or (
            isinstance(x, memoryview) and x.format in ('B', 'b', 'c')):
        return np.frombuffer(x, dtype='<i8')
    return np.asarray(x, dtype=np.int64)


def records_np(categories, amounts):
    """Return [(category, sum), ...] sorted by category, as workloads.records.records.

    categories is a sequence (or ndarray) of str or of UTF-8 bytes, one per record; amounts
    the records' integer cents, accepted as described in _as_int64. np.unique numbers the
    categories in sorted order, then np.add.at sums the amounts into int64 (exact, unlike
    np.bincount's float64 weights). Categories come back as str. As in every numpy string
    array, trailing NUL characters of a category are not kept.
    """
    amounts = _as_int64(amounts)
    if len(categories) != len(amounts):
        raise ValueError('records needs one amount per category, got %d categories and %d '
                         'amounts' % (len(categories), len(amounts)))
    if len(amounts) == 0:
        return []
    names, which = np.unique(np.asarray(categories), return_inverse=True)
    sums = np.zeros(len(names), dtype=np.int64)
    np.add.at(sums, which, amounts)
    return [(name.decode('utf-8') if isinstance(name, bytes) else name, total)
            for name, total in zip(names.tolist(), sums.tolist())]


# csvparse: a vectorised parse of the UTF-8 bytes. It is exact for the plain decimal numbers
# that the generator writes, and refuses anything else with a ValueError naming the line.
_COMMA, _NEWLINE, _PLUS, _MINUS, _POINT, _ZERO = b',\n+-.0'
_CSV_MAX_WIDTH = 15         # digits and point of a number: its digits stay below 10**15 < 2**53
_POW10 = 10.0 ** np.arange(_CSV_MAX_WIDTH + 1)     # exact doubles


def _csv_error(line, problem):
    return ValueError('csvparse_np: line %d: %s' % (line, problem))


def _csv_fields(data):
    """Return (start, comma1, comma2, end) of the data lines of the CSV bytes data, or None
    when there are none; end is each line's "\\n" (or len(data) for a last line without one).

    One comparison pass over the bytes finds every candidate delimiter (a byte <= ','); the
    few that are not ',' or "\\n" are dropped. After the header, the delimiters must repeat
    ',' ',' "\\n": three fields per line.
    """
    if len(data) == 0:
        return None
    delims = np.flatnonzero(data <= _COMMA)
    kinds = data[delims]
    keep = (kinds == _COMMA) | (kinds == _NEWLINE)
    if not keep.all():
        delims, kinds = delims[keep], kinds[keep]
    if data[-1] != _NEWLINE:
        delims = np.append(delims, len(data))
        kinds = np.append(kinds, np.uint8(_NEWLINE))
    newline = kinds == _NEWLINE
    header = int(np.argmax(newline))        # there is one: the last delimiter
    first = int(delims[header]) + 1
    delims, kinds = delims[header + 1:], kinds[header + 1:]
    if len(kinds) == 0:
        return None
    pattern = np.tile(np.frombuffer(b',,\n', np.uint8), len(kinds) // 3 + 1)[:len(kinds)]
    wrong = np.flatnonzero(kinds != pattern)
    if len(wrong):
        line = 2 + int(np.count_nonzero(newline[header + 1:header + 1 + wrong[0]]))
        raise _csv_error(line, 'not 3 fields qty,price,label')
    comma1, comma2, end = delims[0::3], delims[1::3], delims[2::3]
    start = np.empty_like(end)
    start[0] = first
    start[1:] = end[:-1] + 1
    return start, comma1, comma2, end


def _csv_numbers(data, start, end, what, decimal):
    """Parse the fields data[start[i]:end[i]]: an optional sign, then 1 to 15 digits, with at
    most one '.' among them if decimal. Return the values as float64, exact (ints as doubles).

    The fields are gathered right-aligned into a (width, lines) byte matrix, bytes before a
    field masked, and read one row (digit position) at a time, most significant first, as
    value * 10 + digit. The point is read as a 0 digit and then taken out, which leaves the
    digits as an integer m and the number of decimals d: m and 10**d are exact doubles, so
    m / 10**d rounds correctly, to the same double as float(field) (and Java's
    Double.parseDouble, and C's strtod).
    """
    sign = data[start]
    negative = sign == _MINUS
    body = start + (negative | (sign == _PLUS))
    width = end - body
    bad = (width < 1) | (width > _CSV_MAX_WIDTH)
    if bad.any():
        raise _csv_error(2 + int(np.argmax(bad)), '%s is empty or longer than %d characters'
                         % (what, _CSV_MAX_WIDTH))
    index = np.int32 if len(data) < 2 ** 31 else np.intp
    column = np.arange(width.max(), 0, -1, dtype=index)[:, None]
    # Row j holds the (width - j)-th byte from the end of each field. A field narrower than the
    # widest reaches back before its start, at worst to -width.max() >= -len(data): a valid
    # index (from the end) whose byte is masked.
    chars = data[end.astype(index) - column]
    inside = column <= width
    digit = chars - np.uint8(_ZERO)            # bytes below '0' wrap around: also > 9
    if decimal:
        point = (chars == _POINT) & inside
        points = point.sum(axis=0, dtype=np.uint8)
        bad = (inside & (digit > 9) & ~point).any(axis=0) | (points > 1) | (points == width)
        inside &= ~point
    else:
        bad = (inside & (digit > 9)).any(axis=0)
    if bad.any():
        raise _csv_error(2 + int(np.argmax(bad)), '%s is not %s'
                         % (what, 'a decimal number' if decimal else 'an integer'))
    digit *= inside                             # masked bytes (and the point) read as 0
    value = np.zeros(len(end))
    for row in digit:
        value *= 10.0
        value += row
    if decimal:
        decimals = np.zeros(len(end), dtype=np.intp)
        for places, row in zip(range(len(point) - 1, -1, -1), point):
            decimals[row] = places
        # With the point read as a 0 digit, value = whole * 10**(d + 1) + fraction, fraction
        # < 10**d, and the digits are m = whole * 10**d + fraction = value - 9 * whole * 10**d.
        # The floor of the quotient is exact: its fractional part is below 0.1.
        scale = _POW10[decimals]
        whole = np.floor(value / (10.0 * scale))
        value = np.where(points == 1, (value - 9.0 * whole * scale) / scale, value)
    return np.where(negative, -value, value)


def csvparse_np(text):
    """Return (int_sum, float_sum, text_chars) as workloads.csvparse.csvparse, vectorised.

    text is a str, or the UTF-8 bytes as any bytes-like object (bytes, bytearray, memoryview,
    viewed without a copy). The header line is skipped; each data line holds qty, price and
    label, separated by ',', and ends in "\\n" (a last line may lack it; a "\\r" before it
    would count in the label). qty and price are parsed exactly by _csv_numbers; the prices are
    summed with np.sum (pairwise: within about 1e-12 relative of the sequential sum).
    text_chars counts the labels' characters (UTF-8 bytes that do not continue a character).
    No data lines give (0, 0.0, 0).
    """
    if isinstance(text, str):
        text = text.encode('utf-8')
    data = np.frombuffer(text, dtype=np.uint8)
    fields = _csv_fields(data)
    if fields is None:
        return 0, 0.0, 0
    start, comma1, comma2, end = fields
    qty = _csv_numbers(data, start, comma1, 'qty', False).astype(np.int64)
    price = _csv_numbers(data, comma1 + 1, comma2, 'price', True)
    if int(np.abs(qty).max()) * len(qty) < 2 ** 63:
        int_sum = int(qty.sum())
    else:
        int_sum = sum(qty.tolist())                # int64 could overflow: Python ints
    text_chars = int((end - comma2 - 1).sum())
    rest = data[start[0]:]
    if rest.max() >= 0x80:
        text_chars -= int(np.count_nonzero((rest & 0xC0) == 0x80))
    return int_sum, float(price.sum()), text_chars
