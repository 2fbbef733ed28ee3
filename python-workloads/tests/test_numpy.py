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


# ---- records, csvparse ------------------------------------------------------------------------

import random  # noqa: E402
import warnings  # noqa: E402

from gluebench_py.inputs import csvparse_input, records_input  # noqa: E402
from gluebench_py.numpy_kernels import csvparse_np, records_np  # noqa: E402
from gluebench_py.workloads.csvparse import csvparse  # noqa: E402
from gluebench_py.workloads.records import records  # noqa: E402


def category_views(categories):
    """The categories as every kind of input records_np accepts."""
    raw = [c.encode('utf-8') for c in categories]
    return [categories, raw, np.array(categories), np.array(raw, dtype=object), np.array(raw)]


def int64_views(amounts):
    raw = array.array('q', amounts).tobytes()
    return [amounts, np.array(amounts, dtype=np.int64), array.array('q', amounts), raw,
            bytearray(raw), memoryview(raw)]


def test_records_np_hand_checked_example():
    assert records_np(['b', 'a', 'b'], [5, -2, 10]) == [('a', -2), ('b', 15)]
    assert records_np([b'b', b'a', b'b'], np.array([5, -2, 10])) == [('a', -2), ('b', 15)]


def test_records_np_matches_vectors_for_every_input_kind(vectors):
    for case in vectors['records']:
        rows = records_input(case['n'], case['seed'])
        expected = [(e['category'], e['cents']) for e in case['expected']['sums']]
        categories = [row[1] for row in rows]
        amounts = [row[2] for row in rows]
        for c in category_views(categories):
            for a in int64_views(amounts):
                result = records_np(c, a)
                assert result == expected, case['n']
                assert all(type(name) is str and type(s) is int for name, s in result)


def test_records_np_agrees_with_records_on_other_seeds():
    for seed in (1, 2, 3):
        rows = records_input(3000, seed)
        assert records_np([r[1] for r in rows], [r[2] for r in rows]) == records(rows)


def test_records_np_sums_exactly_in_int64():
    # float64 weights (np.bincount) would round 2**62 + 1.
    assert records_np(['x', 'x', 'y'], [2 ** 62, 1, -5]) == [('x', 2 ** 62 + 1), ('y', -5)]


def test_records_np_decodes_utf8_categories():
    names = ['caf\u00e9', 'cafe', '\u00e7a']
    result = records_np([n.encode('utf-8') for n in names], [1, 2, 3])
    assert result == sorted(zip(names, [1, 2, 3]))


def test_records_np_of_no_records_and_of_mismatched_lengths():
    assert records_np([], []) == []
    assert records_np(np.array([], dtype='S1'), b'') == []
    with pytest.raises(ValueError):
        records_np(['a', 'b'], [1])


def price_tolerance(text):
    """1e-12 of the sum of |price|: numpy sums pairwise, the pure version left to right."""
    return 1e-12 * sum(abs(float(line.split(',')[1])) for line in text.splitlines()[1:])


def assert_csvparse_close(result, expected, text):
    assert [type(x) for x in result] == [int, float, int]
    assert result[0] == expected[0] and result[2] == expected[2]
    assert abs(result[1] - expected[1]) <= price_tolerance(text)


def utf8_views(text):
    raw = text.encode('utf-8')
    return [text, raw, bytearray(raw), memoryview(raw), np.frombuffer(raw, np.uint8)]


def test_csvparse_np_hand_checked_example():
    for text in utf8_views('qty,price,label\n3,1.5,ab\n-1,-0.250,xyz\n'):
        assert csvparse_np(text) == (2, 1.25, 5)


def test_csvparse_np_matches_vectors(vectors):
    for case in vectors['csvparse']:
        text = csvparse_input(case['n'], case['seed'])
        e = case['expected']
        for view in utf8_views(text):
            assert_csvparse_close(csvparse_np(view),
                                  (e['intSum'], float(e['floatSum']), e['textChars']), text)


def test_csvparse_np_agrees_with_csvparse_on_other_seeds():
    for seed in (1, 2, 3):
        text = csvparse_input(5000, seed)
        assert_csvparse_close(csvparse_np(text), csvparse(text), text)


def test_csvparse_np_of_no_data_lines_gives_zeros_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        for text in ('qty,price,label\n', 'qty,price,label', '', b'qty,price,label\n', b''):
            result = csvparse_np(text)
            assert result == (0, 0.0, 0) and [type(x) for x in result] == [int, float, int]


def test_csvparse_np_parses_each_number_exactly():
    # One data line at a time: the float sum is the parsed price itself, so it must be the
    # very double float() gives, as the pure, Java and C versions get.
    rnd = random.Random(7)
    prices = ['0.000', '-0.005', '12.005', '-0.420', '1.5', '7', '+2.25', '.5', '5.',
              '-100000.000', '100000.000', '0.1', '0.3', '9007199254.740', '99999999999999.',
              '.99999999999999', '123456789012345']
    for _ in range(300):
        digits = ''.join(rnd.choice('0123456789') for _ in range(rnd.randint(1, 14)))
        point = rnd.randint(0, len(digits))
        prices.append(rnd.choice(['', '-']) + digits[:point] + '.' + digits[point:])
    for price in prices:
        qty = rnd.choice(['-', '']) + str(rnd.randint(0, 10 ** rnd.randint(1, 15) - 1))
        text = 'qty,price,label\n%s,%s,x\n' % (qty, price)
        assert csvparse_np(text) == (int(qty), float(price), 1), text


def test_csvparse_np_counts_label_characters_not_bytes():
    text = 'qty,price,label\n1,2.0,caf\u00e9\n2,1.0,\u00e7a\n3,0.5,\n'
    assert csvparse(text) == (6, 3.5, 6)
    for view in utf8_views(text):
        assert csvparse_np(view) == (6, 3.5, 6)


def test_csvparse_np_accepts_a_last_line_without_newline():
    assert csvparse_np('qty,price,label\n3,1.5,ab\n-1,-0.250,xyz') == (2, 1.25, 5)


@pytest.mark.parametrize('text, line, problem', [
    ('qty,price,label\n1,2.0\n', 2, '3 fields'),
    ('qty,price,label\n1,2.0,a\n1,2.0,a,b\n', 3, '3 fields'),
    ('qty,price,label\n1,2.0,a\n\n', 3, '3 fields'),
    ('qty,price,label\n1.5,2.0,a\n', 2, 'qty is not an integer'),
    ('qty,price,label\n,2.0,a\n', 2, 'qty is empty'),
    ('qty,price,label\n1,2.0,a\n1,x,a\n', 3, 'price is not a decimal'),
    ('qty,price,label\n1,1.2.3,a\n', 2, 'price is not a decimal'),
    ('qty,price,label\n1,.,a\n', 2, 'price is not a decimal'),
    ('qty,price,label\n1,2e5,a\n', 2, 'price is not a decimal'),
    ('qty,price,label\n1,-,a\n', 2, 'price is empty'),
    ('qty,price,label\n1,1234567890123456,a\n', 2, 'longer than 15'),
])
def test_csvparse_np_names_the_malformed_line(text, line, problem):
    with pytest.raises(ValueError) as info:
        csvparse_np(text)
    assert 'line %d:' % line in str(info.value) and problem in str(info.value)
