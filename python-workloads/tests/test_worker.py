import contextlib
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


# ---- wordfreq, records, csvparse --------------------------------------------------------------

from gluebench_py.inputs import csvparse_input, records_input, wordfreq_input  # noqa: E402
from gluebench_py.workloads.csvparse import csvparse  # noqa: E402
from gluebench_py.workloads.records import records  # noqa: E402


def compound(client, frame, decode):
    client.send(frame)
    return decode(framing.decode_ok_payload(client.reply()))


@pytest.mark.parametrize('client', ['python'], indirect=True)
def test_wordfreq_with_python_compute(client, vectors):
    for case in vectors['wordfreq']:
        text = wordfreq_input(case['n'], case['seed'])
        expected = (case['expected']['distinct'],
                    [(e['word'], e['count']) for e in case['expected']['top']])
        result = compound(client, framing.encode_wordfreq(text), framing.decode_wordfreq_result)
        assert result == expected, case['n']
    result = compound(client, framing.encode_wordfreq('ka ka lo\nmi ka lo'),
                      framing.decode_wordfreq_result)
    assert result == (3, [('ka', 3), ('lo', 2), ('mi', 1)])
    assert 'UnicodeDecodeError' in client.error(framing.encode_wordfreq(b'ka \xff'))
    assert client.finish() == (0, '')


@pytest.mark.parametrize('client', ['numpy'], indirect=True)
def test_wordfreq_has_no_numpy_variant(client):
    message = client.error(framing.encode_wordfreq('ka ka lo'))
    assert message.startswith('no numpy variant for wordfreq: ')
    assert 'hashing' in message
    assert client.call(framing.encode_ping()) == 0
    assert client.finish() == (0, '')


def test_records(client, vectors):
    for case in vectors['records']:
        rows = records_input(case['n'], case['seed'])
        expected = [(e['category'], e['cents']) for e in case['expected']['sums']]
        assert compound(client, framing.encode_records(rows),
                        framing.decode_records_result) == expected, case['n']
    rows = [(1, 'b', 5), (2, 'a', -2), (3, 'b', 10)]
    assert compound(client, framing.encode_records(rows),
                    framing.decode_records_result) == [('a', -2), ('b', 15)]
    accented = [(1, 'caf\u00e9', 5), (2, 'cafe', -2), (3, 'caf\u00e9', 10), (4, 'x' * 255, 1)]
    assert compound(client, framing.encode_records(accented), framing.decode_records_result) \
        == [('cafe', -2), ('caf\u00e9', 15), ('x' * 255, 1)]
    assert client.finish() == (0, '')


def test_records_rejects_malformed_bodies(client):
    good = framing.records_request([(1, 'ab', 5), (2, 'c', 7)])
    for body in (b'', b'\x01\x00', good[:-1], good + b'x', good[:8 + 16],
                 struct.pack('<q', -1),
                 struct.pack('<q', 2 ** 40) + good[8:],
                 good[:8 + 32] + b'\x01\x01' + good[8 + 34:]):
        message = client.error(framing.encode_request(framing.OP_RECORDS, body))
        assert message.startswith('ValueError: bad length: RECORDS'), (body, message)
    zero = client.error(framing.encode_request(framing.OP_RECORDS,
                                               good[:8 + 32] + b'\x03\x00' + good[8 + 34:]))
    assert 'record 1 has a category of length 0' in zero
    assert compound(client, framing.encode_request(framing.OP_RECORDS, good),
                    framing.decode_records_result) == [('ab', 5), ('c', 7)]
    assert client.finish() == (0, '')


def test_csvparse(client, vectors):
    for case in vectors['csvparse']:
        text = csvparse_input(case['n'], case['seed'])
        e = case['expected']
        int_sum, float_sum, text_chars = compound(client, framing.encode_csvparse(text),
                                                  framing.decode_csvparse_result)
        assert (int_sum, text_chars) == (e['intSum'], e['textChars']), case['n']
        tolerance = 1e-12 * sum(abs(float(line.split(',')[1]))
                                for line in text.splitlines()[1:])
        assert abs(float_sum - float(e['floatSum'])) <= tolerance, case['n']
    example = framing.encode_csvparse('qty,price,label\n3,1.5,ab\n-1,-0.250,xyz\n')
    assert compound(client, example, framing.decode_csvparse_result) == (2, 1.25, 5)
    assert 'ValueError' in client.error(framing.encode_csvparse('qty,price,label\n1,2.0\n'))
    assert client.call(framing.encode_ping()) == 0
    assert client.finish() == (0, '')


@pytest.mark.parametrize('client', ['python'], indirect=True)
def test_compound_ops_are_exact_with_python_compute(client, vectors):
    for case in vectors['csvparse']:
        e = case['expected']
        text = csvparse_input(case['n'], case['seed'])
        assert compound(client, framing.encode_csvparse(text), framing.decode_csvparse_result) \
            == (e['intSum'], float(e['floatSum']), e['textChars']), case['n']
    assert client.finish() == (0, '')


def test_compound_replies_are_ok_status_then_the_result_bytes(client):
    client.send(framing.encode_csvparse('qty,price,label\n3,1.5,ab\n'))
    payload = client.reply()
    assert payload == bytes([framing.STATUS_OK]) + framing.encode_csvparse_result(3, 1.5, 2)
    client.send(framing.encode_records([(1, 'b', 5)]))
    assert client.reply() == b'\x00' + struct.pack('<ii1sq', 1, 1, b'b', 5)


def test_large_compound_requests(client):
    rows = records_input(100000)
    text = csvparse_input(20000)
    assert compound(client, framing.encode_records(rows),
                    framing.decode_records_result) == records(rows)
    int_sum, _, text_chars = compound(client, framing.encode_csvparse(text),
                                      framing.decode_csvparse_result)
    expected = csvparse(text)
    assert (int_sum, text_chars) == (expected[0], expected[2])


# ---- framing of the compound ops --------------------------------------------------------------

def test_records_request_layout():
    body = framing.records_request([(7, 'ab', -5), (8, '\u00e9', 9)])
    assert body == (struct.pack('<q', 2) + struct.pack('<qq', 7, 8) + struct.pack('<qq', -5, 9)
                    + bytes([2, 2]) + b'ab' + '\u00e9'.encode('utf-8'))
    assert framing.records_request([]) == struct.pack('<q', 0)
    assert framing.encode_records([]) == struct.pack('<IBq', 9, framing.OP_RECORDS, 0)
    for bad in ('', 'x' * 256):
        with pytest.raises(ValueError):
            framing.records_request([(1, bad, 1)])


def test_text_requests_carry_the_utf8_bytes():
    text = 'ka g\u00e5\n'
    raw = text.encode('utf-8')
    for encode, op in ((framing.encode_wordfreq, framing.OP_WORDFREQ),
                       (framing.encode_csvparse, framing.OP_CSVPARSE)):
        assert encode(text) == struct.pack('<IB', 1 + len(raw), op) + raw
        assert encode(raw) == encode(bytearray(raw)) == encode(text)
    assert (framing.OP_WORDFREQ, framing.OP_RECORDS, framing.OP_CSVPARSE) == (9, 10, 11)


def test_wordfreq_result_round_trip_and_layout():
    top = [('ka', 3), ('g\u00e5', 2)]
    result = framing.encode_wordfreq_result(5, top)
    assert result == (struct.pack('<qi', 5, 2) + struct.pack('<i2sq', 2, b'ka', 3)
                      + struct.pack('<i3sq', 3, 'g\u00e5'.encode('utf-8'), 2))
    assert framing.decode_wordfreq_result(result) == (5, top)
    assert framing.decode_wordfreq_result(framing.encode_wordfreq_result(0, [])) == (0, [])


def test_records_result_round_trip_and_layout():
    pairs = [('a', -2), ('b', 15), ('caf\u00e9', 2 ** 62)]
    result = framing.encode_records_result(pairs)
    assert result[:4] == struct.pack('<i', 3)
    assert framing.decode_records_result(result) == pairs
    assert framing.encode_records_result([]) == struct.pack('<i', 0)
    assert framing.decode_records_result(struct.pack('<i', 0)) == []


def test_csvparse_result_round_trip_and_layout():
    result = framing.encode_csvparse_result(-7, 1.25, 5)
    assert result == struct.pack('<qdq', -7, 1.25, 5) and len(result) == 24
    assert framing.decode_csvparse_result(result) == (-7, 1.25, 5)


def test_ok_payload_round_trip():
    result = framing.encode_records_result([('a', 1)])
    frame = framing.encode_ok_payload(result)
    assert frame == struct.pack('<IB', 1 + len(result), framing.STATUS_OK) + result
    assert framing.decode_ok_payload(frame[4:]) == result
    with pytest.raises(RuntimeError, match='boom'):
        framing.decode_ok_payload(framing.encode_error('boom')[4:])
    with pytest.raises(framing.ProtocolError):
        framing.decode_ok_payload(b'')


@pytest.mark.parametrize('decode, result', [
    (framing.decode_wordfreq_result, framing.encode_wordfreq_result(1, [('ka', 1)])[:-1]),
    (framing.decode_wordfreq_result, framing.encode_wordfreq_result(1, [('ka', 1)]) + b'x'),
    (framing.decode_wordfreq_result, b'\x00' * 7),
    (framing.decode_records_result, framing.encode_records_result([('a', 1)])[:-9]),
    (framing.decode_records_result, struct.pack('<ii', 1, 100) + b'abc'),
    (framing.decode_records_result, struct.pack('<i', -1)),
    (framing.decode_csvparse_result, b'\x00' * 23),
])
def test_decoders_reject_malformed_results(decode, result):
    with pytest.raises(framing.ProtocolError):
        decode(result)


# ---- one element per round trip (worker-chatty) --------------------------------------------

@pytest.mark.parametrize('client', ['python'], indirect=True)
def test_dot_one_pair_per_round_trip_equals_dot(client):
    a, b = dot_input(257)
    for i, (x, y) in enumerate(zip(a, b)):
        assert client.call(framing.encode_dot_add(x, y)) == i + 1, 'each reply counts the pairs'
    got = client.call(framing.encode_dot_take(len(a)), as_float=True)
    whole = client.call(framing.encode_dot(a, b), as_float=True)
    assert got == whole, 'the running sum adds left to right, as the pure DOT does'
    assert client.call(framing.encode_dot_take(0), as_float=True) == 0.0, 'a take resets the sum'


def test_echo_one_byte_per_round_trip_equals_echo(client):
    data = echo_input(300)
    for i, byte in enumerate(bytearray(data)):
        assert client.call(framing.encode_echo_add(byte)) == i + 1
    assert client.call(framing.encode_echo_take(len(data))) == client.call(framing.encode_echo(data))
    assert client.call(framing.encode_echo_take(0)) == 0


def test_a_take_for_the_wrong_count_is_an_error_and_resets(client):
    client.call(framing.encode_dot_add(1.0, 2.0))
    client.call(framing.encode_dot_add(3.0, 4.0))
    message = client.error(framing.encode_dot_take(3))
    assert 'bad state: DOT_TAKE for 3 pairs, but 2 were added' in message
    assert client.call(framing.encode_dot_take(0), as_float=True) == 0.0, 'the failed take reset it'
    client.call(framing.encode_echo_add(7))
    assert 'ECHO_TAKE for 0 bytes, but 1 were added' in client.error(framing.encode_echo_take(0))


@pytest.mark.parametrize('frame, message', [
    (framing.encode_request(framing.OP_DOT_ADD, b'\0' * 15), 'DOT_ADD body is 15 bytes, expected 16'),
    (framing.encode_request(framing.OP_ECHO_ADD, b'ab'), 'ECHO_ADD body is 2 bytes, expected 1'),
    (framing.encode_request(framing.OP_ECHO_ADD), 'ECHO_ADD body is 0 bytes, expected 1'),
    (framing.encode_request(framing.OP_DOT_TAKE, b'\0'), 'DOT_TAKE body is 1 bytes, expected 4'),
])
def test_element_ops_reject_bad_lengths(client, frame, message):
    assert message in client.error(frame)
    assert client.call(framing.encode_ping()) == 0


def peak_rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return None


@contextlib.contextmanager
def worker_process(*extra):
    """A python worker with extra arguments, and its client; killed and closed on the way out."""
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    proc = subprocess.Popen([sys.executable, '-m', 'gluebench_py.worker', '--compute', 'python'] + list(extra),
                            cwd=PROJECT_DIR, env=env, bufsize=0,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        yield proc, Client(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            stream.close()


def test_a_header_announcing_a_gibibyte_allocates_only_what_arrives():
    """A frame header of 2^30 bytes followed by a few bytes: the worker reads as the bytes arrive
    and never reserves the announced size (before, it allocated 1 GiB at once)."""
    with worker_process() as (proc, client):
        assert client.call(framing.encode_ping()) == 0
        before = peak_rss_kib(proc.pid)
        client.send(framing.HEADER.pack(framing.MAX_FRAME) + bytes([framing.OP_ECHO]) + b'x' * 4096)
        import time
        time.sleep(0.5)
        after = peak_rss_kib(proc.pid)
        assert after - before < 16 * 1024, 'peak RSS grew by %d KiB' % (after - before)
        code, stderr = client.finish()
        assert code == 1 and 'EOF inside a frame' in stderr and 'Traceback' not in stderr


def test_a_frame_over_the_stated_cap_is_refused_before_it_is_read():
    with worker_process('--max-frame', '1000') as (proc, client):
        message = client.error(framing.encode_echo(b'y' * 2000))
        assert 'exceeds the limit of 1000' in message
        assert client.call(framing.encode_echo(b'\x01\x02')) == 3, 'the worker goes on serving'
        assert client.finish() == (0, '')


def test_the_cap_must_be_a_frame_size():
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    out = subprocess.run([sys.executable, '-m', 'gluebench_py.worker', '--compute', 'python', '--max-frame', '0'],
                         cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=30)
    assert out.returncode == 2 and '--max-frame must be between 1 and' in out.stderr
