import array

import pytest

np = pytest.importorskip('numpy')

from gluebench_py.inputs import dot_input, echo_input, matmul_input  # noqa: E402
from gluebench_py.numpy_scalar_loop import (  # noqa: E402
    dot_scalar_loop, echo_scalar_loop, matmul_scalar_loop)
from gluebench_py.workloads.dot import dot  # noqa: E402
from gluebench_py.workloads.echo import echo  # noqa: E402
from gluebench_py.workloads.matmul import matmul  # noqa: E402


def test_echo_scalar_loop_matches_vectors(vectors):
    for case in vectors['echo']:
        data = echo_input(case['n'], case['seed'])
        for view in (data, np.frombuffer(data, np.int8)):
            result = echo_scalar_loop(view)
            assert type(result) is int
            assert result == case['expected'] == echo(data), case


def test_dot_scalar_loop_is_the_sequential_sum(vectors):
    for case in vectors['dot']:
        a, b = dot_input(case['n'], case['seed'])
        result = dot_scalar_loop(np.array(a), np.array(b))
        assert type(result) is float
        assert result == dot(a, b) == float(case['expected']), case


def test_matmul_scalar_loop_is_the_pure_order(vectors):
    for case in vectors['matmul']:
        a, b = matmul_input(case['n'], case['seed'])
        result = matmul_scalar_loop(np.array(array.array('d', a)), np.array(b), case['n'])
        assert type(result) is float
        assert result == matmul(a, b, case['n']) == float(case['expected']), case


def test_matmul_scalar_loop_rejects_a_wrong_size():
    with pytest.raises(ValueError):
        matmul_scalar_loop(np.zeros(3), np.zeros(4), 2)
