import array
import math

import pytest

np = pytest.importorskip('numpy')

from gluebench_py.inputs import dot_input, echo_input  # noqa: E402
from gluebench_py.numpy_kernels import dot_np, echo_np, nbody_np  # noqa: E402


def test_echo_np_matches_vectors(vectors):
    for case in vectors['echo']:
        data = echo_input(case['n'], case['seed'])
        for view in (data, bytearray(data), memoryview(data), np.frombuffer(data, np.uint8)):
            result = echo_np(view)
            assert type(result) is int
            assert result == case['expected'], case


def test_dot_np_matches_vectors(vectors):
    for case in vectors['dot']:
        a, b = dot_input(case['n'], case['seed'])
        expected = float(case['expected'])
        raw_a, raw_b = array.array('d', a).tobytes(), array.array('d', b).tobytes()
        for x, y in ((a, b), (np.array(a), np.array(b)),
                     (array.array('d', a), array.array('d', b)),
                     (raw_a, raw_b), (memoryview(raw_a), bytearray(raw_b))):
            result = dot_np(x, y)
            assert type(result) is float
            assert math.isclose(result, expected, rel_tol=1e-12, abs_tol=1e-300), case


def test_nbody_np_matches_vectors(vectors):
    for case in vectors['nbody']:
        result = nbody_np(case['steps'])
        assert type(result) is float
        assert math.isclose(result, float(case['expected']), rel_tol=1e-9), case


# ---- spectralnorm, mandelbrot, matmul, sort ---------------------------------------------------

from gluebench_py.inputs import matmul_input, sort_input  # noqa: E402
from gluebench_py.numpy_kernels import (mandelbrot_np, matmul_np, sort_np,  # noqa: E402
                                        spectralnorm_np)


def float64_views(x):
    """x (a list of floats) as every kind of input the numpy kernels accept."""
    raw = array.array('d', x).tobytes()
    return [x, np.array(x), array.array('d', x), raw, memoryview(raw), bytearray(raw),
            memoryview(array.array('d', x))]


def test_spectralnorm_np_matches_vectors(vectors):
    for case in vectors['spectralnorm']:
        result = spectralnorm_np(case['n'])
        assert type(result) is float
        assert math.isclose(result, float(case['expected']), rel_tol=1e-9), case


def test_mandelbrot_np_matches_vectors_exactly(vectors):
    for case in vectors['mandelbrot']:
        result = mandelbrot_np(case['n'])
        assert type(result) is int
        assert result == case['expected'], case
    assert mandelbrot_np(0) == 0


def test_mandelbrot_np_equals_the_pure_count_on_odd_sizes():
    from gluebench_py.workloads.mandelbrot import mandelbrot
    for n in (3, 7, 33, 100):
        assert mandelbrot_np(n) == mandelbrot(n), n


def test_matmul_np_matches_vectors(vectors):
    for case in vectors['matmul']:
        n = case['n']
        a, b = matmul_input(n, case['seed'])
        for x, y in zip(float64_views(a), float64_views(b)):
            result = matmul_np(x, y, n)
            assert type(result) is float
            assert math.isclose(result, float(case['expected']), rel_tol=1e-9), case


def test_sort_np_matches_vectors(vectors):
    for case in vectors['sort']:
        for data in float64_views(sort_input(case['n'], case['seed'])):
            result = sort_np(data)
            assert type(result) is float
            assert math.isclose(result, float(case['expected']), rel_tol=1e-9,
                                abs_tol=1e-300), case


def test_sort_np_does_not_change_its_input():
    original = sort_input(100)
    for data in (np.array(original), array.array('d', original)):
        sort_np(data)
        assert list(data) == original
