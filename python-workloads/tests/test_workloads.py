import array
import math

import pytest

from gluebench_py.inputs import dot_input, echo_input
from gluebench_py.workloads.dot import dot
from gluebench_py.workloads.echo import echo
from gluebench_py.workloads.nbody import nbody


def as_signed(data):
    """What Jython and GraalPy see for a Java byte[]: values in -128..127."""
    return [b - 256 if b > 127 else b for b in data]


ECHO_VIEWS = {
    'bytes': bytes,
    'bytearray': bytearray,
    'memoryview': memoryview,
    'list': list,
    'array-B': lambda d: array.array('B', d),
    'signed-list': as_signed,
    'array-b': lambda d: array.array('b', as_signed(d)),
}

DOT_VIEWS = {
    'list': list,
    'array-d': lambda x: array.array('d', x),
    'memoryview-d': lambda x: memoryview(array.array('d', x)),
    'memoryview-cast': lambda x: memoryview(array.array('d', x).tobytes()).cast('d'),
}


@pytest.mark.parametrize('view', sorted(ECHO_VIEWS))
def test_echo_matches_vectors(vectors, view):
    for case in vectors['echo']:
        data = ECHO_VIEWS[view](echo_input(case['n'], case['seed']))
        assert echo(data) == case['expected'], case


def test_echo_of_extreme_bytes():
    assert echo(bytes([0, 127, 128, 255])) == 510
    assert echo([0, 127, -128, -1]) == 510


@pytest.mark.parametrize('view', sorted(DOT_VIEWS))
def test_dot_matches_vectors_exactly(vectors, view):
    for case in vectors['dot']:
        a, b = dot_input(case['n'], case['seed'])
        assert dot(DOT_VIEWS[view](a), DOT_VIEWS[view](b)) == float(case['expected']), case


def test_dot_sums_left_to_right():
    # Reordering would give 1.0 (big + big cancels first) instead of 0.0.
    assert dot([1e100, 1.0, -1e100], [1.0, 1.0, 1.0]) == 0.0


def test_nbody_matches_vectors(vectors):
    for case in vectors['nbody']:
        assert math.isclose(nbody(case['steps']), float(case['expected']), rel_tol=1e-12), case


def test_nbody_matches_published_output():
    assert '%.9f' % nbody(0) == '-0.169075164'
    assert '%.9f' % nbody(1000) == '-0.169087605'


def test_nbody_keeps_no_state_between_calls():
    first = nbody(10)
    nbody(100)
    assert nbody(10) == first
