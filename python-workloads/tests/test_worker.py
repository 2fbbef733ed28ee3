import math
import os
import struct
import subprocess
import sys

import pytest

from gluebench_py import framing
from gluebench_py.inputs import dot_input, echo_input, matmul_input, sort_input

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPUTES = ['python', 'numpy']


def spawn(compute):
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    return subprocess.Popen(
        [sys.executable, '-m', 'gluebench_py.worker', '--compute', compute],
        cwd=PROJECT_DIR, env=env, bufsize=0,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


class Client:
    def __init__(self, proc):
        self.proc = proc

    def send(self, frame):
        self.proc.stdin.write(frame)

    def reply(self):
        payload = framing.read_frame(self.proc.stdout.fileno())
        assert payload is not None, 'worker closed its stdout'
        return payload

    def call(self, frame, as_float=False):
        self.send(frame)
        return framing.decode_reply(self.reply(), as_float)

    def error(self, frame):
        self.send(frame)
        payload = self.reply()
        assert payload[0] == framing.STATUS_ERROR, payload
        return payload[1:].decode('utf-8')

    def finish(self, timeout=10):
        """Close stdin and return (exit code, stderr text)."""
        self.proc.stdin.close()
        code = self.proc.wait(timeout)
        return code, self.proc.stderr.read().decode('utf-8', 'replace')


@pytest.fixture(params=COMPUTES)
def client(request):
    proc = spawn(request.param)
    yield Client(proc)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        stream.close()


def test_ping(client):
    assert client.call(framing.encode_ping()) == 0
    assert client.finish() == (0, '')


def test_echo(client, vectors):
    for case in vectors['echo']:
        data = echo_input(case['n'], case['seed'])
        assert client.call(framing.encode_echo(data)) == case['expected'], case


def test_dot(client, vectors):
    for case in vectors['dot']:
        a, b = dot_input(case['n'], case['seed'])
        result = client.call(framing.encode_dot(a, b), as_float=True)
        assert math.isclose(result, float(case['expected']), rel_tol=1e-12), case


@pytest.mark.parametrize('client', ['python'], indirect=True)
def test_dot_is_exact_with_python_compute(client, vectors):
    for case in vectors['dot']:
        a, b = dot_input(case['n'], case['seed'])
        assert client.call(framing.encode_dot(a, b), as_float=True) == float(case['expected'])
    assert client.finish() == (0, '')


def test_nbody(client, vectors):
    for case in vectors['nbody']:
        result = client.call(framing.encode_nbody(case['steps']), as_float=True)
        assert math.isclose(result, float(case['expected']), rel_tol=1e-9), case


def test_large_frames_grow_the_buffer(client):
    data = echo_input(300000)
    for _ in range(2):
        assert client.call(framing.encode_echo(data)) == sum(data)
    assert client.call(framing.encode_ping()) == 0


def test_pipelined_requests_are_answered_in_order(client):
    client.send(framing.encode_ping() + framing.encode_echo(b'\x01\x02') + framing.encode_nbody(0))
    assert framing.decode_reply(client.reply(), False) == 0
    assert framing.decode_reply(client.reply(), False) == 3
    assert '%.9f' % framing.decode_reply(client.reply(), True) == '-0.169075164'


def test_errors_are_replied_and_the_worker_keeps_serving(client):
    assert 'unknown op 200' in client.error(framing.encode_request(200))
    assert 'empty frame' in client.error(framing.HEADER.pack(0))
    assert 'bad length' in client.error(framing.encode_request(framing.OP_PING, b'x'))
    assert 'bad length' in client.error(framing.encode_request(framing.OP_NBODY, b'\x01'))
    bad_dot = framing.encode_request(framing.OP_DOT, struct.pack('<Id', 1, 1.0))
    assert 'bad length' in client.error(bad_dot)
    assert client.call(framing.encode_ping()) == 0
    assert client.finish() == (0, '')


def test_truncated_frame_then_eof_exits_without_traceback(client):
    client.send(framing.encode_echo(b'abcdef')[:-2])
    code, stderr = client.finish()
    assert code == 1
    assert 'Traceback' not in stderr
    assert 'EOF inside a frame' in stderr


def test_eof_between_frames_exits_quietly(client):
    assert client.call(framing.encode_ping()) == 0
    assert client.finish() == (0, '')


def test_quit_exits_zero_without_reply(client):
    client.send(framing.encode_quit())
    assert client.proc.wait(10) == 0
    assert client.proc.stdout.read() == b''


# ---- spectralnorm, mandelbrot, matmul, sort, fannkuch ---------------------------------------

def test_spectralnorm(client, vectors):
    for case in vectors['spectralnorm']:
        result = client.call(framing.encode_spectralnorm(case['n']), as_float=True)
        assert math.isclose(result, float(case['expected']), rel_tol=1e-9), case


def test_mandelbrot(client, vectors):
    for case in vectors['mandelbrot']:
        assert client.call(framing.encode_mandelbrot(case['n'])) == case['expected'], case


def test_matmul(client, vectors):
    for case in vectors['matmul']:
        a, b = matmul_input(case['n'], case['seed'])
        result = client.call(framing.encode_matmul(a, b, case['n']), as_float=True)
        assert math.isclose(result, float(case['expected']), rel_tol=1e-9), case


def test_sort(client, vectors):
    for case in vectors['sort']:
        data = sort_input(case['n'], case['seed'])
        result = client.call(framing.encode_sort(data), as_float=True)
        assert math.isclose(result, float(case['expected']), rel_tol=1e-9, abs_tol=1e-300), case


@pytest.mark.parametrize('client', ['python'], indirect=True)
def test_new_ops_are_exact_with_python_compute(client, vectors):
    for case in vectors['spectralnorm']:
        result = client.call(framing.encode_spectralnorm(case['n']), as_float=True)
        assert result == float(case['expected']), case
    for case in vectors['matmul']:
        a, b = matmul_input(case['n'], case['seed'])
        result = client.call(framing.encode_matmul(a, b, case['n']), as_float=True)
        assert result == float(case['expected']), case
    for case in vectors['sort']:
        data = sort_input(case['n'], case['seed'])
        assert client.call(framing.encode_sort(data), as_float=True) == float(case['expected'])
    for case in vectors['fannkuch']:
        assert client.call(framing.encode_fannkuch(case['n'])) == case['expected'], case
    assert client.finish() == (0, '')


@pytest.mark.parametrize('client', ['python'], indirect=True)
def test_fannkuch_packs_a_negative_checksum_as_a_signed_i64(client):
    assert client.call(framing.encode_fannkuch(2)) == -1 * 2**32 + 1


@pytest.mark.parametrize('client', ['numpy'], indirect=True)
def test_fannkuch_has_no_numpy_variant(client):
    assert client.error(framing.encode_fannkuch(7)) == 'no numpy variant for fannkuch'
    assert 'bad length' in client.error(framing.encode_request(framing.OP_FANNKUCH, b'\x01'))
    assert client.call(framing.encode_ping()) == 0
    assert client.finish() == (0, '')


def test_new_ops_reject_bad_lengths(client):
    for op in (framing.OP_SPECTRALNORM, framing.OP_MANDELBROT, framing.OP_FANNKUCH):
        assert 'bad length' in client.error(framing.encode_request(op, b'\x01'))
        assert 'bad length' in client.error(framing.encode_request(op, struct.pack('<II', 1, 1)))
    for op in (framing.OP_MATMUL, framing.OP_SORT):
        assert 'bad length' in client.error(framing.encode_request(op, b''))
    bad_matmul = framing.encode_request(framing.OP_MATMUL, struct.pack('<I2d', 1, 1.0, 2.0)[:-1])
    assert 'bad length' in client.error(bad_matmul)
    short_matmul = framing.encode_request(framing.OP_MATMUL, struct.pack('<I2d', 2, 1.0, 2.0))
    assert 'bad length' in client.error(short_matmul)
    bad_sort = framing.encode_request(framing.OP_SORT, struct.pack('<Id', 2, 1.0))
    assert 'bad length' in client.error(bad_sort)
    assert client.call(framing.encode_request(framing.OP_SORT, struct.pack('<I', 0)),
                       as_float=True) == 0.0
    assert client.call(framing.encode_ping()) == 0
    assert client.finish() == (0, '')


def test_encode_matmul_checks_lengths():
    with pytest.raises(ValueError):
        framing.encode_matmul([1.0], [1.0, 2.0], 1)
    frame = framing.encode_matmul([1.0], [2.0], 1)
    assert frame == struct.pack('<IBIdd', 1 + 4 + 16, framing.OP_MATMUL, 1, 1.0, 2.0)
