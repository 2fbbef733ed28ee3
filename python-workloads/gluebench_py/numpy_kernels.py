"""The workloads written with numpy (CPython 3 only). Each returns a Python int or float.

Inputs are viewed, not copied, wherever numpy allows it (see each function).
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
