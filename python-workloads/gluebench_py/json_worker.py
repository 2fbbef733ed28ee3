"""The JSON worker (worker-json): the pure workloads behind JSON Lines on stdin and stdout.

    python -m gluebench_py.json_worker

One request per line, a JSON object; one reply per line. This is the text protocol people ship
between a JVM and a Python process: every number is formatted as decimal text and parsed again,
bytes travel as base64.

Requests (field "op", then the op's fields):
    ping                                   -> 0
    echo       data: base64 of the bytes   -> the sum of the unsigned bytes
    dot        a, b: arrays of numbers     -> a float
    nbody      n (steps)                   -> a float
    spectralnorm, mandelbrot, fannkuch  n  -> a float, an int, checksum * 2**32 + maxflips
    matmul     n, a, b: n*n numbers each, row-major -> a float
    sort       data: an array of numbers   -> a float
    wordfreq   text                        -> {"distinct": d, "top": [{"word": w, "count": c}, ...]}
    records    rows: [{"id": i, "category": c, "amountCents": a}, ...]
                                           -> {"sums": [{"category": c, "cents": s}, ...]}
    csvparse   text                        -> {"intSum": i, "floatSum": f, "textChars": t}
Replies: {"ok": result} or {"error": "one line"}. A request that is not valid JSON, has an
unknown op or lacks a field is answered with an error and the worker keeps serving. EOF on
stdin exits 0. Floats are written with repr, which reads back to the same double.
"""
import base64
import json
import sys

from gluebench_py.workloads.csvparse import csvparse
from gluebench_py.workloads.dot import dot
from gluebench_py.workloads.echo import echo
from gluebench_py.workloads.fannkuch import fannkuch
from gluebench_py.workloads.mandelbrot import mandelbrot
from gluebench_py.workloads.matmul import matmul
from gluebench_py.workloads.nbody import nbody
from gluebench_py.workloads.records import records
from gluebench_py.workloads.sort import sort
from gluebench_py.workloads.spectralnorm import spectralnorm
from gluebench_py.workloads.wordfreq import wordfreq

MAX_ERROR_MESSAGE = 1000


def floats(values, name):
    if not isinstance(values, list):
        raise ValueError('%s must be an array of numbers' % name)
    return values


def do_matmul(req):
    n = req['n']
    a, b = floats(req['a'], 'a'), floats(req['b'], 'b')
    if len(a) != n * n or len(b) != n * n:
        raise ValueError('matmul needs n*n = %d numbers in a and b, got %d and %d'
                         % (n * n, len(a), len(b)))
    return matmul(a, b, n)


def do_dot(req):
    a, b = floats(req['a'], 'a'), floats(req['b'], 'b')
    if len(a) != len(b):
        raise ValueError('dot needs equal lengths, got %d and %d' % (len(a), len(b)))
    return dot(a, b)


def do_wordfreq(req):
    distinct, top = wordfreq(req['text'])
    return {'distinct': distinct, 'top': [{'word': w, 'count': c} for w, c in top]}


def do_records(req):
    rows = [(r['id'], r['category'], r['amountCents']) for r in req['rows']]
    return {'sums': [{'category': c, 'cents': s} for c, s in records(rows)]}


def do_csvparse(req):
    int_sum, float_sum, text_chars = csvparse(req['text'])
    return {'intSum': int_sum, 'floatSum': float_sum, 'textChars': text_chars}


OPS = {
    'ping': lambda req: 0,
    'echo': lambda req: echo(base64.b64decode(req['data'], validate=True)),
    'dot': do_dot,
    'nbody': lambda req: nbody(req['n']),
    'spectralnorm': lambda req: spectralnorm(req['n']),
    'mandelbrot': lambda req: mandelbrot(req['n']),
    'fannkuch': lambda req: fannkuch(req['n']),
    'matmul': do_matmul,
    'sort': lambda req: sort(floats(req['data'], 'data')),
    'wordfreq': do_wordfreq,
    'records': do_records,
    'csvparse': do_csvparse,
}


def error(message):
    return {'error': ' '.join(str(message).split())[:MAX_ERROR_MESSAGE]}


def handle(line):
    """Return the reply object for one request line (bytes)."""
    try:
        req = json.loads(line)
    except ValueError as e:
        return error('malformed request: %s' % e)
    if not isinstance(req, dict):
        return error('malformed request: not a JSON object')
    op = OPS.get(req.get('op'))
    if op is None:
        return error('unknown op %r' % (req.get('op'),))
    try:
        return {'ok': op(req)}
    except KeyError as e:
        return error('%s request without the field %s' % (req['op'], e))
    except Exception as e:
        return error('%s: %s' % (type(e).__name__, e))


def serve(stdin, stdout):
    """Answer lines from the binary stream stdin on stdout until EOF."""
    for line in stdin:
        stdout.write(json.dumps(handle(line)).encode('utf-8') + b'\n')
        stdout.flush()


def main():
    out = sys.stdout.buffer
    # stdout carries replies only: anything printed by mistake goes to stderr instead.
    sys.stdout = sys.stderr
    try:
        serve(sys.stdin.buffer, out)
    except (BrokenPipeError, ConnectionResetError):
        return 0        # the client went away
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == '__main__':
    sys.exit(main())
