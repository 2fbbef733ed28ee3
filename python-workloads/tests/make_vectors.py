"""Maintenance tool: regenerate tests/vectors.json, the test vectors shared with the Java side.

    python tests/make_vectors.py           # write tests/vectors.json
    python tests/make_vectors.py --check   # compare with the stored file, write nothing

Run it only when a workload or the input generator changes on purpose; the Java tests check the
same file against the Java reference implementations. Each expected value is computed by the
pure workload and cross-checked here: echo and dot against an independent straightforward
computation, nbody at 0 and 1000 steps against the published benchmarks-game output.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from gluebench_py.inputs import DEFAULT_SEED, SplitMix64, dot_input, echo_input  # noqa: E402
from gluebench_py.workloads.dot import dot  # noqa: E402
from gluebench_py.workloads.echo import echo  # noqa: E402
from gluebench_py.workloads.nbody import nbody  # noqa: E402

PATH = os.path.join(HERE, 'vectors.json')
ECHO_SIZES = [0, 1, 7, 1000]
DOT_SIZES = [0, 1, 5, 1000]
NBODY_STEPS = [0, 1, 10, 1000]
PUBLISHED_NBODY = {0: '-0.169075164', 1000: '-0.169087605'}


def float_text(x):
    """A float as text with 17 significant digits: parses back to the same double."""
    return '%.17g' % x


def independent_dot(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total = total + x * y
    return total


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
