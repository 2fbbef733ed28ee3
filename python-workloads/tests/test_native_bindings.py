"""The C kernels from CPython: the _gluebench_native extension (jep-native) and ctypes over
libgluebench.so (jep-ctypes), against the pure-Python source on small inputs. Both are built by
native/'s Makefile; without them these tests skip, or fail under GLUEBENCH_REQUIRE_ALL=1."""
import array
import glob
import math
import os
import struct
import sys

import pytest

np = pytest.importorskip('numpy')

from gluebench_py import native_paths  # noqa: E402
from gluebench_py.inputs import (  # noqa: E402
    csvparse_input, dot_input, echo_input, matmul_input, sort_input, wordfreq_input)
from gluebench_py.workloads.csvparse import csvparse  # noqa: E402
from gluebench_py.workloads.dot import dot  # noqa: E402
from gluebench_py.workloads.echo import echo  # noqa: E402
from gluebench_py.workloads.fannkuch import fannkuch  # noqa: E402
from gluebench_py.workloads.mandelbrot import mandelbrot  # noqa: E402
from gluebench_py.workloads.matmul import matmul  # noqa: E402
from gluebench_py.workloads.nbody import nbody  # noqa: E402
from gluebench_py.workloads.sort import sort  # noqa: E402
from gluebench_py.workloads.spectralnorm import spectralnorm  # noqa: E402
from gluebench_py.workloads.wordfreq import wordfreq  # noqa: E402


def _missing(what):
    if os.environ.get('GLUEBENCH_REQUIRE_ALL') == '1':
        pytest.fail(what + ' is missing; build native/ (make -C native, or ./gluebench setup)')
    pytest.skip(what + ' is missing; build native/ (make -C native)')


@pytest.fixture(scope='module')
def ext():
    if not glob.glob(os.path.join(native_paths.EXTENSION_DIR, '_gluebench_native.*')):
        _missing('the CPython extension in ' + native_paths.EXTENSION_DIR)
    sys.path.insert(0, native_paths.EXTENSION_DIR)
    try:
        import _gluebench_native
    finally:
        sys.path.remove(native_paths.EXTENSION_DIR)
    return _gluebench_native


@pytest.fixture(scope='module')
def ctk():
    if not os.path.isfile(native_paths.LIBRARY):
        _missing(native_paths.LIBRARY)
    from gluebench_py import ctypes_kernels
    ctypes_kernels.load(native_paths.LIBRARY)
    return ctypes_kernels


def _bindings(ext, ctk):
    """name -> function, for the extension and for ctypes."""
    return [{k: getattr(ext, k) for k in ('echo', 'dot', 'nbody', 'spectralnorm', 'mandelbrot',
                                          'matmul', 'sort', 'fannkuch', 'wordfreq', 'csvparse')},
            {k: getattr(ctk, k + '_ctypes') for k in ('echo', 'dot', 'nbody', 'spectralnorm', 'mandelbrot',
                                                      'matmul', 'sort', 'fannkuch', 'wordfreq', 'csvparse')}]


def _close(x, y):
    return math.isclose(x, y, rel_tol=1e-12, abs_tol=1e-300)


def test_array_kernels_agree_with_the_pure_source(ext, ctk):
    for k in _bindings(ext, ctk):
        for n in (0, 1, 1000):
            data = echo_input(n)
            assert k['echo'](np.frombuffer(data, np.uint8)) == echo(data)
            a, b = dot_input(n)
            assert k['dot'](np.array(a), np.array(b)) == dot(a, b)
            s = sort_input(n)
            assert _close(k['sort'](np.array(s)), sort(s))
        for n in (1, 7):
            a, b = matmul_input(n)
            assert _close(k['matmul'](np.array(a), np.array(b), n), matmul(a, b, n))


def test_size_kernels_agree_with_the_pure_source(ext, ctk):
    for k in _bindings(ext, ctk):
        assert _close(k['nbody'](50), nbody(50))
        assert _close(k['spectralnorm'](20), spectralnorm(20))
        assert k['mandelbrot'](24) == mandelbrot(24)
        assert k['fannkuch'](6) == fannkuch(6)


def test_compound_kernels_write_the_wire_format(ext, ctk):
    for k in _bindings(ext, ctk):
        out = np.zeros(1 << 16, np.uint8)
        text = csvparse_input(300)
        raw = np.frombuffer(text.encode('utf-8'), np.uint8)
        assert k['csvparse'](raw, out) == 24
        i, f, c = struct.unpack('<qdq', out[:24].tobytes())
        want = csvparse(text)
        assert (i, c) == (want[0], want[2]) and _close(f, want[1])

        text = wordfreq_input(3000)
        written = k['wordfreq'](np.frombuffer(text.encode('utf-8'), np.uint8), out)
        wire = out[:written].tobytes()
        distinct, count = struct.unpack_from('<qi', wire)
        at, top = 12, []
        for _ in range(count):
            (length,) = struct.unpack_from('<i', wire, at)
            word = wire[at + 4:at + 4 + length].decode('utf-8')
            (c,) = struct.unpack_from('<q', wire, at + 4 + length)
            top.append((word, c))
            at += 12 + length
        assert at == written
        want = wordfreq(text)
        assert (distinct, [tuple(e) for e in want[1]]) == (want[0], top)


def test_the_extension_reads_buffers_in_place_and_checks_them(ext):
    a = array.array('d', [1.0, 2.0, 3.0])
    assert ext.dot(a, memoryview(a)) == 14.0
    assert ext.echo(b'\xff\x01') == 256
    with pytest.raises(TypeError):
        ext.dot(np.arange(3, dtype=np.int64), np.arange(3.0))
    with pytest.raises(ValueError):
        ext.dot(np.arange(3.0), np.arange(2.0))
    with pytest.raises(ValueError):
        ext.matmul(np.arange(3.0), np.arange(4.0), 2)
    with pytest.raises(TypeError):
        ext.dot(np.arange(3.0))
    with pytest.raises(BufferError):
        ext.csvparse(b'x,y,z\n', b'read-only')


def test_the_extension_releases_the_gil_while_a_kernel_runs(ext):
    """Another Python thread makes progress while a long kernel runs: the GIL is released, so a
    second Jep caller is not serialised behind the C work (as with numpy and ctypes)."""
    import threading
    from time import perf_counter
    window = []
    done = threading.Event()

    def work():
        t0 = perf_counter()
        ext.nbody(3_000_000)
        t1 = perf_counter()
        window.extend((t0, t1))
        done.set()

    stamps = []
    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        stamps.append(perf_counter())
    t.join()
    t0, t1 = window
    marks = [t0] + [x for x in stamps if t0 < x < t1] + [t1]
    longest_stall = max(b - a for a, b in zip(marks, marks[1:]))
    # With the GIL held for the whole kernel, this thread stops for the kernel's whole run (one
    # stall as long as the window); released, it keeps ticking all through it.
    assert longest_stall < 0.5 * (t1 - t0), (longest_stall, t1 - t0)
