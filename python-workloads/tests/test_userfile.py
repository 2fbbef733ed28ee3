"""Workloads from the user's own file: the checks' one-line errors, and the worker's LOAD."""
import os
import struct
import subprocess
import sys
import textwrap

import pytest

from gluebench_py import framing, userfile

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(PROJECT_DIR, 'examples')

GOOD = '''
NAME = "scale-sum"
SUMMARY = "sum of a[i] * b[i] * 2"
N_COUNTS = "doubles per vector"
SHAPE = "two_doubles"


def compute(data):
    a, b = data
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i] * 2
    return s


def compute_numpy(data):
    a, b = data
    return float((a * b).sum() * 2)
'''


def write(tmp_path, text, name='w.py'):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return str(path)


def describe_cli(path):
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    return subprocess.run([sys.executable, '-m', 'gluebench_py.userfile', 'describe', path], cwd=PROJECT_DIR,
                          env=env, capture_output=True, text=True, timeout=60)


def test_a_good_file_is_described(tmp_path):
    d = userfile.describe(write(tmp_path, GOOD))
    assert d['name'] == 'scale-sum' and d['shape'] == 'two_doubles' and d['numpy'] is True
    assert d['complexity'] is None and d['sizes'] is None


@pytest.mark.parametrize('mutation, expected', [
    (lambda s: s.replace('def compute(data)', 'def other(data)'), 'no compute; define compute(data)'),
    (lambda s: s.replace('"two_doubles"', '"matrix"'), "SHAPE 'matrix' is not a known shape; use one of bytes"),
    (lambda s: s.replace('NAME = "scale-sum"\n', ''), 'no NAME; add NAME'),
    (lambda s: s.replace('"scale-sum"', '"dot"'), "NAME 'dot' is a built-in workload"),
    (lambda s: s.replace('"scale-sum"', '"Scale Sum"'), 'is not a valid id'),
    (lambda s: 'import no_such_module_here\n' + s, 'importing the file raised ModuleNotFoundError'),
    (lambda s: s.replace('return s\n', 'return s +\n'), 'syntax error'),
    (lambda s: s + '\nCOMPLEXITY = "N^5"\n', "COMPLEXITY 'N^5' is not one of"),
    (lambda s: s + '\nSIZES = [1, -5]\n', 'SIZES must be a non-empty list'),
    (lambda s: s + '\nTOLERANCE = "small"\n', 'TOLERANCE must be a number'),
])
def test_each_problem_is_one_line_naming_the_file_and_the_fix(tmp_path, mutation, expected):
    path = write(tmp_path, mutation(GOOD))
    r = describe_cli(path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(path), lines[0]
    assert expected in lines[0], lines[0]
    assert 'Traceback' not in r.stderr


def test_the_line_of_an_import_error_is_named(tmp_path):
    path = write(tmp_path, GOOD + '\nx = 1 / 0\n')
    with pytest.raises(userfile.UserFileError) as e:
        userfile.load(path)
    line = len(textwrap.dedent(GOOD + '\nx = 1 / 0\n').splitlines())
    assert str(e.value).startswith('%s:%d: importing the file raised ZeroDivisionError' % (path, line)), str(e.value)


def test_a_main_block_does_not_run_when_loaded(tmp_path):
    path = write(tmp_path, GOOD + '\nif __name__ == "__main__":\n    raise SystemExit("ran main")\n')
    assert userfile.load(path).NAME == 'scale-sum'


def test_the_examples_are_valid():
    for name in ('risk_score.py', 'tokenizer.py'):
        d = userfile.describe(os.path.join(EXAMPLES, name))
        assert d['shape'] in userfile.SHAPES


def test_the_examples_compute():
    risk = userfile.load(os.path.join(EXAMPLES, 'risk_score.py'))
    rows = [(1, 'jewelry', 600000), (2, 'books', -2000), (3, 'grocery', 5000)]
    expected = (2.0 + 1.0) * 1.5 * 2.5 + (5.0 + 0.1) * 0.6 + 0.005 * 0.4
    assert abs(risk.compute(rows) - expected) < 1e-12
    tok = userfile.load(os.path.join(EXAMPLES, 'tokenizer.py'))
    assert tok.compute('The cat sat; the CAT ran, an ox.') == 4     # the, cat, sat, ran


import contextlib


@contextlib.contextmanager
def worker(compute='python'):
    """A worker process for one test, killed and its pipes closed afterwards."""
    proc = spawn(compute)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()
        for s in (proc.stdin, proc.stdout, proc.stderr):
            s.close()


def spawn(compute='python'):
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    return subprocess.Popen([sys.executable, '-m', 'gluebench_py.worker', '--compute', compute],
                            cwd=PROJECT_DIR, env=env, bufsize=0,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def exchange(proc, frame):
    proc.stdin.write(frame)
    payload = framing.read_frame(proc.stdout.fileno())
    assert payload is not None
    return payload


def load_frame(path, flags):
    return framing.encode_request(framing.OP_LOAD, bytes([flags]) + path.encode('utf-8'))


@pytest.mark.parametrize('compute, flags', [('python', 0), ('numpy', 1)])
def test_the_worker_runs_the_users_function_after_load(tmp_path, compute, flags):
    path = write(tmp_path, GOOD)
    with worker(compute) as proc:
        assert framing.decode_reply(exchange(proc, load_frame(path, flags)), False) == 0
        a, b = [0.5, -1.0, 2.0], [4.0, 3.0, 0.25]
        value = framing.decode_reply(exchange(proc, framing.encode_dot(a, b)), True)
        assert abs(value - 2 * (2.0 - 3.0 + 0.5)) < 1e-12


def test_the_reference_reply_says_int_or_float(tmp_path):
    path = write(tmp_path, GOOD.replace('return s\n', 'return int(s * 1000)\n'))
    with worker() as proc:
        assert framing.decode_reply(exchange(proc, load_frame(path, 2)), False) == 0
        payload = exchange(proc, framing.encode_dot([1.0, 2.0], [3.0, 4.0]))
        assert payload[0] == framing.STATUS_OK and payload[1:2] == b'i'
        assert struct.unpack('<q', payload[2:10])[0] == 22000


def test_a_function_that_raises_is_an_error_reply_naming_its_line(tmp_path):
    text = GOOD.replace('    s = 0.0\n', '    s = 0.0\n    raise ValueError("bad row")\n')
    path = write(tmp_path, text)
    line = textwrap.dedent(text).splitlines().index('    raise ValueError("bad row")') + 1
    with worker() as proc:
        assert framing.decode_reply(exchange(proc, load_frame(path, 0)), False) == 0
        payload = exchange(proc, framing.encode_dot([1.0], [2.0]))
        assert payload[0] == framing.STATUS_ERROR
        message = payload[1:].decode('utf-8')
        assert message.startswith('%s:%d: compute raised ValueError: bad row' % (path, line)), message
        # The worker keeps serving.
        assert framing.decode_reply(exchange(proc, framing.encode_request(framing.OP_PING)), False) == 0


def test_numpy_load_without_compute_numpy_is_refused(tmp_path):
    path = write(tmp_path, GOOD.split('def compute_numpy')[0])
    with worker('numpy') as proc:
        payload = exchange(proc, load_frame(path, 1))
        assert payload[0] == framing.STATUS_ERROR
        assert 'no compute_numpy' in payload[1:].decode('utf-8')


def test_once_loads_the_file_then_answers(tmp_path):
    path = write(tmp_path, GOOD)
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    r = subprocess.run([sys.executable, '-m', 'gluebench_py.once', '--workload-file', path],
                       input=framing.encode_dot([1.0, 2.0], [3.0, 4.0]), capture_output=True, cwd=PROJECT_DIR,
                       env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    assert framing.decode_reply(r.stdout[framing.HEADER.size:], True) == 2 * (3.0 + 8.0)


def test_once_answers_a_file_that_does_not_load_with_its_line(tmp_path):
    path = write(tmp_path, 'import no_such_module_q\n' + GOOD)
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    r = subprocess.run([sys.executable, '-m', 'gluebench_py.once', '--workload-file', path],
                       input=framing.encode_dot([1.0], [3.0]), capture_output=True, cwd=PROJECT_DIR,
                       env=env, timeout=60)
    assert r.returncode == 0
    payload = r.stdout[framing.HEADER.size:]
    assert payload[0] == framing.STATUS_ERROR
    assert payload[1:].decode('utf-8').startswith(path + ':1: importing the file raised ModuleNotFoundError')


def test_fnv1a64_matches_the_published_vectors():
    from gluebench_py.worker import fnv1a64
    def signed(h):
        return h - (1 << 64) if h >= 1 << 63 else h
    assert fnv1a64(b'') == signed(0xcbf29ce484222325)
    assert fnv1a64(b'a') == signed(0xaf63dc4c8601ec8c)
    assert fnv1a64(b'foobar') == signed(0x85944171f73967e8)


def test_a_bytes_answer_crosses_whole_and_the_reference_is_its_digest(tmp_path):
    from gluebench_py.worker import fnv1a64
    path = write(tmp_path, GOOD.replace('    return s\n', '    return b"%d" % int(s * 1000)\n'))
    with worker() as proc:
        assert framing.decode_reply(exchange(proc, load_frame(path, 0)), False) == 0
        payload = exchange(proc, framing.encode_dot([1.0, 2.0], [3.0, 4.0]))
        assert payload[0] == framing.STATUS_OK and bytes(payload[1:]) == b'22000'
        assert framing.decode_reply(exchange(proc, load_frame(path, 2)), False) == 0
        payload = exchange(proc, framing.encode_dot([1.0, 2.0], [3.0, 4.0]))
        assert payload[1:2] == b'b' and struct.unpack('<q', payload[2:10])[0] == fnv1a64(b'22000')


SUMMARY_NUMPY = '''
NAME = "shape-summary"
SUMMARY = "what compute_numpy was handed"
N_COUNTS = "items"
SHAPE = "bytes"


def compute(data):
    return 0


def compute_numpy(data):
    if isinstance(data, str):
        return ('str', data)
    if isinstance(data, tuple):
        return tuple((str(x.dtype), x.tolist()) for x in data)
    return (str(data.dtype), data.tolist())
'''


@pytest.mark.parametrize('shape, raw, natural', [
    ('bytes', (b'\x01\x02\xff',), lambda np: np.array([1, 2, 255], dtype=np.uint8)),
    ('doubles', (struct.pack('=2d', 0.5, -1.0),), lambda np: np.array([0.5, -1.0])),
    ('two_doubles', (struct.pack('=1d', 2.0), struct.pack('=1d', 3.0)),
     lambda np: (np.array([2.0]), np.array([3.0]))),
    ('records', (('toys', 'café'), struct.pack('=2q', 150, -7)),
     lambda np: (np.array(['toys'.encode(), 'café'.encode('utf-8')], dtype='S'), np.array([150, -7], dtype=np.int64))),
    ('text', ('a b a',), lambda np: 'a b a'),
])
def test_raw_bytes_become_the_same_numpy_data_the_other_patterns_hand_over(tmp_path, shape, raw, natural):
    """pemja-numpy passes Java arrays as bytes: the adapter must give compute_numpy what jep-numpy gives."""
    np = pytest.importorskip('numpy')
    module = userfile.load(write(tmp_path, SUMMARY_NUMPY))
    assert userfile.entry_from_raw(module, shape)(*raw) == module.compute_numpy(natural(np))


def test_an_unknown_shape_has_no_raw_adapter(tmp_path):
    pytest.importorskip('numpy')
    module = userfile.load(write(tmp_path, SUMMARY_NUMPY))
    with pytest.raises(ValueError, match='unknown shape'):
        userfile.entry_from_raw(module, 'matrix')


def test_compute_numpy_gets_uint8_bytes_and_an_S_array_of_categories_whatever_the_bridge_passed(tmp_path):
    """Jep hands byte[] over as int8 and String[] as a Java array: entry() gives compute_numpy the promised data."""
    np = pytest.importorskip('numpy')
    module = userfile.load(write(tmp_path, SUMMARY_NUMPY))
    as_jep = userfile.entry(module, numpy=True)
    assert as_jep(np.array([1, 2, -1], dtype=np.int8)) == ('uint8', [1, 2, 255])
    module.SHAPE = 'records'
    records = userfile.entry(module, numpy=True)
    assert records(['toys', 'café'], np.array([150, -7], dtype=np.int64)) == \
        (('|S5', [b'toys', 'café'.encode('utf-8')]), ('int64', [150, -7]))
    # Already right (the worker's arrays): passed through as they are.
    cats = np.array([b'a'], dtype='S')
    assert records(cats, np.array([3], dtype=np.int64)) == (('|S1', [b'a']), ('int64', [3]))


def test_the_exported_csv_of_a_committed_run_loads_with_the_csv_module_and_has_the_documented_columns():
    """docs/results.md documents --export's columns; the CSV of the committed quick run has them."""
    import csv
    root = os.path.dirname(PROJECT_DIR)
    path = os.path.join(root, 'results', 'vm-bfab2a', '20261204-192715-quick', 'points.csv')
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(root, 'docs', 'results.md'), encoding='utf-8') as f:
        doc = f.read()
    documented = doc.split('<!-- export-columns -->')[1].split('`')[1].split(', ')
    assert list(rows[0].keys()) == documented
    assert len(rows) == 108
    ok = [r for r in rows if r['status'] == 'ok']
    assert ok and all(float(r['ci_low_ns']) <= float(r['score_ns']) <= float(r['ci_high_ns']) for r in ok)
