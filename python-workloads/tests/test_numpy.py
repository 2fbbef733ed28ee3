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
