"""gluebench_py.json_worker: JSON Lines requests and replies, one per line."""
import base64
import json
import os
import subprocess
import sys

import pytest

from gluebench_py import json_worker
from gluebench_py.inputs import csvparse_input, dot_input, echo_input, records_input, wordfreq_input
from gluebench_py.workloads.csvparse import csvparse
from gluebench_py.workloads.dot import dot
from gluebench_py.workloads.echo import echo
from gluebench_py.workloads.records import records
from gluebench_py.workloads.wordfreq import wordfreq

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ask(req):
    """The reply to one request, through the same handler the process runs, text both ways."""
    return json.loads(json.dumps(json_worker.handle(json.dumps(req).encode('utf-8'))))


def test_dot_is_exact_after_the_text_round_trip():
    a, b = dot_input(500)
    assert ask({'op': 'dot', 'a': a, 'b': b}) == {'ok': dot(a, b)}


def test_echo_takes_base64():
    data = echo_input(1000)
    assert ask({'op': 'echo', 'data': base64.b64encode(data).decode('ascii')}) == {'ok': echo(data)}


def test_compound_results_are_objects():
    text = wordfreq_input(2000)
    distinct, top = wordfreq(text)
    assert ask({'op': 'wordfreq', 'text': text})['ok'] == {
        'distinct': distinct, 'top': [{'word': w, 'count': c} for w, c in top]}
    rows = records_input(100)
    got = ask({'op': 'records', 'rows': [{'id': i, 'category': c, 'amountCents': a} for i, c, a in rows]})
    assert got['ok'] == {'sums': [{'category': c, 'cents': s} for c, s in records(rows)]}
    text = csvparse_input(50)
    i, f, t = csvparse(text)
    assert ask({'op': 'csvparse', 'text': text}) == {'ok': {'intSum': i, 'floatSum': f, 'textChars': t}}


@pytest.mark.parametrize('line, message', [
    (b'{"op": "dot", "a": [1.0]', 'malformed request'),
    (b'[1, 2]', 'not a JSON object'),
    (b'{"op": "cobol"}', "unknown op 'cobol'"),
    (b'{"op": "dot", "a": [1.0]}', "dot request without the field 'b'"),
    (b'{"op": "dot", "a": [1.0], "b": []}', 'dot needs equal lengths'),
    (b'{"op": "echo", "data": "!!"}', 'Error'),
    (b'{"op": "matmul", "n": 2, "a": [1.0], "b": [1.0]}', 'matmul needs n*n = 4 numbers'),
])
def test_bad_requests_are_error_replies(line, message):
    reply = json_worker.handle(line)
    assert list(reply) == ['error'] and message in reply['error'], reply


def test_the_process_serves_lines_until_eof():
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    requests = [{'op': 'ping'}, {'op': 'nope'}, {'op': 'mandelbrot', 'n': 16}]
    done = subprocess.run([sys.executable, '-m', 'gluebench_py.json_worker'],
                          input=b''.join(json.dumps(r).encode() + b'\n' for r in requests),
                          capture_output=True, cwd=PROJECT_DIR, env=env, timeout=60)
    assert (done.returncode, done.stderr) == (0, b'')
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert replies[0] == {'ok': 0} and 'error' in replies[1] and replies[2] == {'ok': 104}
