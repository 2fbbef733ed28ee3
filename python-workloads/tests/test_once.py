"""gluebench_py.once: one request frame in, one reply frame out, one process per call."""
import os
import subprocess
import sys

import pytest

from gluebench_py import framing
from gluebench_py.inputs import dot_input

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_once(stdin_bytes):
    """Return (exit code, reply payload or None, stderr text) for one process."""
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    done = subprocess.run([sys.executable, '-m', 'gluebench_py.once'], input=stdin_bytes,
                          capture_output=True, cwd=PROJECT_DIR, env=env, timeout=60)
    out = done.stdout
    payload = None
    if out:
        (length,) = framing.HEADER.unpack_from(out, 0)
        assert len(out) == framing.HEADER.size + length, 'exactly one reply frame'
        payload = out[framing.HEADER.size:]
    return done.returncode, payload, done.stderr.decode('utf-8', 'replace')


def test_one_dot_call_equals_the_pure_dot():
    from gluebench_py.workloads.dot import dot
    a, b = dot_input(100)
    code, payload, err = run_once(framing.encode_dot(a, b))
    assert (code, err) == (0, '')
    assert framing.decode_reply(payload, as_float=True) == dot(a, b)


def test_compound_call():
    from gluebench_py.inputs import csvparse_input
    from gluebench_py.workloads.csvparse import csvparse
    text = csvparse_input(20)
    code, payload, _ = run_once(framing.encode_csvparse(text))
    assert code == 0
    assert framing.decode_csvparse_result(framing.decode_ok_payload(payload)) == tuple(csvparse(text))


def test_an_error_in_the_request_is_an_error_reply():
    code, payload, _ = run_once(framing.encode_request(42))
    assert code == 0
    assert payload[0] == framing.STATUS_ERROR and b'unknown op 42' in payload


def test_quit_exits_zero_without_a_reply():
    assert run_once(framing.encode_quit())[:2] == (0, None)


@pytest.mark.parametrize('stdin_bytes, message', [
    (b'', 'no request: stdin ended before a frame'),
    (b'\x09\x00\x00\x00\x02', 'EOF inside a frame'),
    (framing.encode_ping() + b'x', 'bytes after the request frame'),
])
def test_bad_input_exits_1_with_one_line(stdin_bytes, message):
    code, payload, err = run_once(stdin_bytes)
    assert (code, payload) == (1, None)
    assert message in err and len(err.strip().splitlines()) == 1, err
