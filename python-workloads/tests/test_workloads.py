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


# ---- spectralnorm, mandelbrot, matmul, sort, fannkuch ---------------------------------------

from gluebench_py.inputs import matmul_input, sort_input  # noqa: E402
from gluebench_py.workloads.fannkuch import fannkuch  # noqa: E402
from gluebench_py.workloads.mandelbrot import mandelbrot  # noqa: E402
from gluebench_py.workloads.matmul import matmul  # noqa: E402
from gluebench_py.workloads.sort import sort  # noqa: E402
from gluebench_py.workloads.spectralnorm import spectralnorm  # noqa: E402


def test_spectralnorm_matches_vectors(vectors):
    for case in vectors['spectralnorm']:
        result = spectralnorm(case['n'])
        assert math.isclose(result, float(case['expected']), rel_tol=1e-12), case


def test_spectralnorm_matches_published_output():
    assert '%.9f' % spectralnorm(100) == '1.274219991'
    assert spectralnorm(1) == 1.0


def test_mandelbrot_matches_vectors_exactly(vectors):
    for case in vectors['mandelbrot']:
        result = mandelbrot(case['n'])
        assert type(result) is int
        assert result == case['expected'], case


def test_mandelbrot_of_an_empty_grid():
    assert mandelbrot(0) == 0


@pytest.mark.parametrize('view', sorted(DOT_VIEWS))
def test_matmul_matches_vectors_exactly(vectors, view):
    for case in vectors['matmul']:
        a, b = matmul_input(case['n'], case['seed'])
        result = matmul(DOT_VIEWS[view](a), DOT_VIEWS[view](b), case['n'])
        assert result == float(case['expected']), case


def test_matmul_multiplies_row_major_matrices():
    # A = [[1, 2], [3, 4]], B = [[5, 6], [7, 8]]: C = [[19, 22], [43, 50]].
    assert matmul([1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], 2) == 19.0**2 + 22**2 + 43**2 + 50**2
    assert matmul([], [], 0) == 0.0


def test_matmul_rejects_wrong_lengths():
    with pytest.raises(ValueError):
        matmul([1.0, 2.0], [1.0, 2.0, 3.0, 4.0], 2)


@pytest.mark.parametrize('view', sorted(DOT_VIEWS))
def test_sort_matches_vectors_exactly(vectors, view):
    for case in vectors['sort']:
        data = DOT_VIEWS[view](sort_input(case['n'], case['seed']))
        assert sort(data) == float(case['expected']), case


@pytest.mark.parametrize('view', ['list', 'array-d'])
def test_sort_does_not_change_its_input(view):
    original = sort_input(100)
    data = DOT_VIEWS[view](original)
    sort(data)
    assert list(data) == original
    assert list(data) != sorted(original)


def test_sort_weights_the_sorted_values_by_position():
    assert sort([3.0, -1.0, 2.0]) == 1 * -1.0 + 2 * 2.0 + 3 * 3.0


def test_fannkuch_matches_vectors_exactly(vectors):
    for case in vectors['fannkuch']:
        result = fannkuch(case['n'])
        assert result == case['expected'], case
        assert result == case['checksum'] * 2**32 + case['maxflips'], case


def test_fannkuch_matches_published_output():
    for n, checksum, maxflips in ((7, 228, 16), (8, 1616, 22)):
        packed = fannkuch(n)
        assert (packed >> 32, packed & 0xFFFFFFFF) == (checksum, maxflips)


def test_fannkuch_packs_a_negative_checksum_as_a_signed_long():
    # n = 2: permutation 0 ([0, 1]) takes 0 flips, permutation 1 ([1, 0]) takes 1 and is odd.
    packed = fannkuch(2)
    assert packed == -1 * 2**32 + 1
    assert -2**63 <= packed < 2**63
    assert fannkuch(1) == 0
    with pytest.raises(ValueError):
        fannkuch(0)


# ---- wordfreq, records, csvparse ------------------------------------------------------------

from gluebench_py.inputs import csvparse_input, records_input, wordfreq_input  # noqa: E402
from gluebench_py.workloads.csvparse import csvparse  # noqa: E402
from gluebench_py.workloads.records import records  # noqa: E402
from gluebench_py.workloads.wordfreq import wordfreq  # noqa: E402


def expected_wordfreq(case):
    top = case['expected']['top']
    return case['expected']['distinct'], [(e['word'], e['count']) for e in top]


def expected_records(case):
    return [(e['category'], e['cents']) for e in case['expected']['sums']]


def expected_csvparse(case):
    e = case['expected']
    return e['intSum'], float(e['floatSum']), e['textChars']


class ForeignRow:
    """What a Java Object[] row offers to the workload: indexing and len(), no unpacking."""

    def __init__(self, values):
        self.values = list(values)

    def __getitem__(self, i):
        if not isinstance(i, int):
            raise TypeError('index with an int')
        return self.values[i]

    def __len__(self):
        return len(self.values)

    def __iter__(self):
        raise TypeError('a foreign array is indexed, not iterated')


ROW_VIEWS = {
    'tuples': lambda rows: rows,
    'lists': lambda rows: [list(row) for row in rows],
    'foreign': lambda rows: [ForeignRow(row) for row in rows],
    'tuple-of-rows': tuple,
}


def test_wordfreq_hand_checked_example():
    assert wordfreq('ka ka lo\nmi ka lo') == (3, [('ka', 3), ('lo', 2), ('mi', 1)])
    assert wordfreq('') == (0, [])


def test_wordfreq_breaks_ties_by_word_and_keeps_ten():
    text = ' '.join(['b', 'a', 'c'] * 2 + ['w%02d' % i for i in range(20)] + ['z'] * 3)
    distinct, top = wordfreq(text)
    assert distinct == 24
    assert top == [('z', 3), ('a', 2), ('b', 2), ('c', 2)] + [('w%02d' % i, 1) for i in range(6)]


def test_wordfreq_orders_accented_words_by_code_point():
    # 'j\u00f6' sorts after every ASCII syllable, '\u00e7' after '\u00e5' and '\u00e9'.
    words = ['kaj\u00f6', 'kafu', '\u00e7i', 'g\u00e5', 'h\u00e9']
    distinct, top = wordfreq('\n'.join(words))
    assert distinct == 5
    assert [w for w, _ in top] == ['g\u00e5', 'h\u00e9', 'kafu', 'kaj\u00f6', '\u00e7i']


def test_wordfreq_matches_vectors(vectors):
    for case in vectors['wordfreq']:
        result = wordfreq(wordfreq_input(case['n'], case['seed']))
        assert result == expected_wordfreq(case), case['n']
        assert all(type(w) is str and type(c) is int for w, c in result[1])


def test_records_hand_checked_example():
    assert records([(1, 'b', 5), (2, 'a', -2), (3, 'b', 10)]) == [('a', -2), ('b', 15)]
    assert records([]) == []


@pytest.mark.parametrize('view', sorted(ROW_VIEWS))
def test_records_matches_vectors_exactly(vectors, view):
    for case in vectors['records']:
        rows = ROW_VIEWS[view](records_input(case['n'], case['seed']))
        assert records(rows) == expected_records(case), case['n']


def test_records_sums_are_exact_integers():
    big = 2 ** 62
    assert records([(1, 'x', big), (2, 'x', big), (3, 'x', -1)]) == [('x', 2 ** 63 - 1)]


def test_csvparse_hand_checked_example():
    assert csvparse('qty,price,label\n3,1.5,ab\n-1,-0.250,xyz\n') == (2, 1.25, 5)
    assert csvparse('qty,price,label\n') == (0, 0.0, 0)
    assert csvparse('') == (0, 0.0, 0)


def test_csvparse_matches_vectors_exactly(vectors):
    for case in vectors['csvparse']:
        result = csvparse(csvparse_input(case['n'], case['seed']))
        assert result == expected_csvparse(case), case['n']
        assert [type(x) for x in result] == [int, float, int]


def test_csvparse_sums_the_prices_left_to_right():
    # Reordering would give 1.0 (the big prices cancel first) instead of 0.0.
    text = 'qty,price,label\n0,1e100,a\n0,1.0,b\n0,-1e100,c\n'
    assert csvparse(text) == (0, 0.0, 3)


def test_csvparse_rejects_a_line_without_three_fields():
    with pytest.raises(ValueError):
        csvparse('qty,price,label\n1,2.0\n')
