"""Maintenance tool: regenerate tests/vectors.json, the test vectors shared with the Java side.

    python tests/make_vectors.py           # write tests/vectors.json
    python tests/make_vectors.py --check   # compare with the stored file, write nothing

Run it only when a workload or the input generator changes on purpose; the Java tests check the
same file against the Java reference implementations. Each expected value is computed by the
pure workload and cross-checked here: echo, dot, matmul and sort against an independent
straightforward computation, mandelbrot against the same iteration in complex arithmetic,
nbody, spectralnorm and fannkuch against the published benchmarks-game output, wordfreq
against collections.Counter over a regular-expression split, records against
itertools.groupby over the sorted rows, csvparse against the csv module.

The text and row workloads also store fingerprints of their input, for the Java generator:
"length" (UTF-8 bytes of the text, or the number of rows) and "head" (the first 60
characters of the text, or the first 3 rows as [id, category, amount]).
"""
import argparse
import collections
import csv
import io
import itertools
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from gluebench_py.inputs import (DEFAULT_SEED, SplitMix64, csvparse_input,  # noqa: E402
                                  dot_input, echo_input, matmul_input, records_input,
                                  sort_input, wordfreq_input)
from gluebench_py.workloads.csvparse import csvparse  # noqa: E402
from gluebench_py.workloads.dot import dot  # noqa: E402
from gluebench_py.workloads.echo import echo  # noqa: E402
from gluebench_py.workloads.fannkuch import fannkuch  # noqa: E402
from gluebench_py.workloads.mandelbrot import mandelbrot  # noqa: E402
from gluebench_py.workloads.matmul import matmul  # noqa: E402
from gluebench_py.workloads.nbody import nbody  # noqa: E402
from gluebench_py.workloads.records import records  # noqa: E402
from gluebench_py.workloads.sort import sort  # noqa: E402
from gluebench_py.workloads.spectralnorm import spectralnorm  # noqa: E402
from gluebench_py.workloads.wordfreq import wordfreq  # noqa: E402

PATH = os.path.join(HERE, 'vectors.json')
ECHO_SIZES = [0, 1, 7, 1000]
DOT_SIZES = [0, 1, 5, 1000]
NBODY_STEPS = [0, 1, 10, 1000]
PUBLISHED_NBODY = {0: '-0.169075164', 1000: '-0.169087605'}
SPECTRALNORM_SIZES = [1, 2, 10, 100]
PUBLISHED_SPECTRALNORM = {100: '1.274219991'}
MANDELBROT_SIZES = [1, 4, 16, 64]
MATMUL_SIZES = [1, 2, 7, 33]
SORT_SIZES = [0, 1, 5, 1000]
FANNKUCH_SIZES = [3, 5, 7, 8]
PUBLISHED_FANNKUCH = {7: (228, 16), 8: (1616, 22)}
# Bytes of text. At 99 the stop rule shows: 7 bytes are left when a 7-byte word (8 with its
# space) is drawn; a generator that skipped it would fit the next one, a 6-byte word.
WORDFREQ_SIZES = [0, 1, 40, 99, 5000]
RECORDS_SIZES = [0, 1, 5, 1000]
CSVPARSE_SIZES = [0, 1, 5, 1000]        # data lines
HEAD_CHARACTERS = 60
HEAD_ROWS = 3


def float_text(x):
    """A float as text with 17 significant digits: parses back to the same double."""
    return '%.17g' % x


def independent_dot(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total = total + x * y
    return total


def independent_matmul(a, b, n):
    """sum of C[i][j]**2 over a naive i-j-k product of 2-D lists (k ascending)."""
    rows_a = [a[i * n:(i + 1) * n] for i in range(n)]
    rows_b = [b[i * n:(i + 1) * n] for i in range(n)]
    total = 0.0
    for i in range(n):
        for j in range(n):
            c = 0.0
            for k in range(n):
                c = c + rows_a[i][k] * rows_b[k][j]
            total = total + c * c
    return total


def independent_sort(data):
    s = list(data)
    s.sort()
    total = 0.0
    for i in range(len(s)):
        total = total + float(i + 1) * s[i]
    return total


def complex_mandelbrot(n):
    """The mandelbrot count with Python complex numbers: z*z + c rounds exactly like the
    workload's (zr*zr - zi*zi + cr, 2*zr*zi + ci), so the count must be equal."""
    count = 0
    for y in range(n):
        for x in range(n):
            c = complex(2.0 * x / n - 1.5, 2.0 * y / n - 1.0)
            z = 0j
            for _ in range(50):
                if z.real * z.real + z.imag * z.imag > 4.0:
                    break
                z = z * z + c
            else:
                count += 1
    return count


def unpack_fannkuch(packed):
    """(checksum, maxflips) from checksum * 2**32 + maxflips, checksum possibly negative."""
    return packed >> 32, packed & 0xFFFFFFFF


def counter_wordfreq(text, n):
    """(distinct, top) with collections.Counter over the runs between ' ' and '\n'; the text
    must also fit in n bytes, with the last separator where the stop rule puts it."""
    assert len(text.encode('utf-8')) <= n
    words = [w for w in re.split('[ \n]+', text) if w]
    assert text == ''.join(('' if k == 0 else '\n' if k % 16 == 0 else ' ') + w
                           for k, w in enumerate(words))
    counts = collections.Counter(words)
    ranked = sorted(counts.most_common(), key=lambda pair: (-pair[1], pair[0]))
    return len(counts), ranked[:10]


def groupby_records(rows):
    key = lambda row: row[1]  # noqa: E731
    return [(category, sum(row[2] for row in group))
            for category, group in itertools.groupby(sorted(rows, key=key), key=key)]


def csv_module_csvparse(text):
    reader = csv.reader(io.StringIO(text))
    assert next(reader, ['qty', 'price', 'label']) == ['qty', 'price', 'label']
    int_sum, float_sum, text_chars = 0, 0.0, 0
    for qty, price, label in reader:
        int_sum = int_sum + int(qty)
        float_sum = float_sum + float(price)
        text_chars = text_chars + len(label)
    return int_sum, float_sum, text_chars


def pairs_json(pairs, name, value):
    return [{name: text, value: number} for text, number in pairs]


def vectors():
    rng = SplitMix64(DEFAULT_SEED)
    echo_cases, dot_cases, nbody_cases = [], [], []
    for n in ECHO_SIZES:
        data = echo_input(n, DEFAULT_SEED)
        expected = echo(data)
        assert expected == sum(bytearray(data)), n
        echo_cases.append({'n': n, 'seed': DEFAULT_SEED, 'expected': expected})
    for n in DOT_SIZES:
        a, b = dot_input(n, DEFAULT_SEED)
        expected = dot(a, b)
        assert expected == independent_dot(a, b), n
        dot_cases.append({'n': n, 'seed': DEFAULT_SEED, 'expected': float_text(expected)})
    for steps in NBODY_STEPS:
        expected = nbody(steps)
        if steps in PUBLISHED_NBODY:
            assert '%.9f' % expected == PUBLISHED_NBODY[steps], (steps, expected)
        nbody_cases.append({'steps': steps, 'expected': float_text(expected)})
    spectralnorm_cases, mandelbrot_cases, matmul_cases, sort_cases, fannkuch_cases = \
        [], [], [], [], []
    for n in SPECTRALNORM_SIZES:
        expected = spectralnorm(n)
        if n in PUBLISHED_SPECTRALNORM:
            assert '%.9f' % expected == PUBLISHED_SPECTRALNORM[n], (n, expected)
        spectralnorm_cases.append({'n': n, 'expected': float_text(expected)})
    for n in MANDELBROT_SIZES:
        expected = mandelbrot(n)
        assert expected == complex_mandelbrot(n), n
        mandelbrot_cases.append({'n': n, 'expected': expected})
    for n in MATMUL_SIZES:
        a, b = matmul_input(n, DEFAULT_SEED)
        expected = matmul(a, b, n)
        assert expected == independent_matmul(a, b, n), n
        matmul_cases.append({'n': n, 'seed': DEFAULT_SEED, 'expected': float_text(expected)})
    for n in SORT_SIZES:
        data = sort_input(n, DEFAULT_SEED)
        expected = sort(data)
        assert expected == independent_sort(data), n
        sort_cases.append({'n': n, 'seed': DEFAULT_SEED, 'expected': float_text(expected)})
    for n in FANNKUCH_SIZES:
        packed = fannkuch(n)
        checksum, maxflips = unpack_fannkuch(packed)
        if n in PUBLISHED_FANNKUCH:
            assert (checksum, maxflips) == PUBLISHED_FANNKUCH[n], (n, checksum, maxflips)
        fannkuch_cases.append({'n': n, 'expected': packed, 'checksum': checksum,
                               'maxflips': maxflips})
    wordfreq_cases, records_cases, csvparse_cases = [], [], []
    for n in WORDFREQ_SIZES:
        text = wordfreq_input(n, DEFAULT_SEED)
        distinct, top = wordfreq(text)
        assert (distinct, top) == counter_wordfreq(text, n), n
        wordfreq_cases.append({
            'n': n, 'seed': DEFAULT_SEED,
            'expected': {'distinct': distinct, 'top': pairs_json(top, 'word', 'count')},
            'length': len(text.encode('utf-8')), 'head': text[:HEAD_CHARACTERS]})
    for n in RECORDS_SIZES:
        rows = records_input(n, DEFAULT_SEED)
        sums = records(rows)
        assert sums == groupby_records(rows), n
        records_cases.append({
            'n': n, 'seed': DEFAULT_SEED,
            'expected': {'sums': pairs_json(sums, 'category', 'cents')},
            'length': len(rows), 'head': [list(row) for row in rows[:HEAD_ROWS]]})
    for n in CSVPARSE_SIZES:
        text = csvparse_input(n, DEFAULT_SEED)
        int_sum, float_sum, text_chars = csvparse(text)
        assert (int_sum, float_sum, text_chars) == csv_module_csvparse(text), n
        csvparse_cases.append({
            'n': n, 'seed': DEFAULT_SEED,
            'expected': {'intSum': int_sum, 'floatSum': float_text(float_sum),
                         'textChars': text_chars},
            'length': len(text.encode('utf-8')), 'head': text[:HEAD_CHARACTERS]})
    return {
        'formatVersion': 1,
        'about': 'Shared test vectors for gluebench workloads; regenerate with '
                 'python-workloads/tests/make_vectors.py. Integers are exact; floats are '
                 'strings with 17 significant digits.',
        'splitmix64': {'seed': DEFAULT_SEED,
                       'first': ['0x%016X' % rng.next() for _ in range(3)]},
        'echo': echo_cases,
        'dot': dot_cases,
        'nbody': nbody_cases,
        'spectralnorm': spectralnorm_cases,
        'mandelbrot': mandelbrot_cases,
        'matmul': matmul_cases,
        'sort': sort_cases,
        'fannkuch': fannkuch_cases,
        'wordfreq': wordfreq_cases,
        'records': records_cases,
        'csvparse': csvparse_cases,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--check', action='store_true',
                        help='compare with the stored file instead of writing it')
    args = parser.parse_args()
    text = json.dumps(vectors(), indent=2) + '\n'
    if args.check:
        with open(PATH) as f:
            same = f.read() == text
        print('%s is %s' % (PATH, 'up to date' if same else 'OUT OF DATE'))
        return 0 if same else 1
    with open(PATH, 'w') as f:
        f.write(text)
    print('wrote %s' % PATH)
    return 0


if __name__ == '__main__':
    sys.exit(main())
