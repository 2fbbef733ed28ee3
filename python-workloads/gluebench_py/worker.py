"""The out-of-process worker: serves workload calls until QUIT or until the client goes away.

    python -m gluebench_py.worker --compute python|numpy [--transport pipe|uds|shm]
        [--socket PATH] [--shm PATH] [--spin-us N]

Speaks the frames of gluebench_py.framing. --compute python runs the pure workloads,
--compute numpy the numpy kernels on zero-copy views of the request (FANNKUCH and WORDFREQ
have no numpy variant: they are answered with an error reply). Errors in a request are
answered with an error reply and the worker keeps serving.

Transports (the same request and reply payloads on each):
  pipe (default)  frames on stdin/stdout. EOF between frames exits 0, EOF inside a frame exits 1
                  with a one-line message on stderr.
  uds             connects to the Unix domain socket --socket PATH (the client listens there)
                  and serves the same frames on it, both directions. The client closing the
                  socket exits 0 (inside a frame: 1, as for pipes). stdin stays a pipe from the
                  client and is watched: EOF on it (the client died) exits 0 (a stdin that is not a
                  pipe, e.g. /dev/null, is not watched).
  shm             serves a shared memory-mapped file --shm PATH, see gluebench_py.shm; waits
                  by spinning --spin-us microseconds (default 50), then yielding, then sleeping;
                  stdin EOF (or a new parent process) exits 0; a file that is not a valid
                  shared area exits 1.
A transport that cannot be set up (no socket to connect to, a bad shm file) exits 1 with a
one-line message on stderr; bad arguments exit 2.
"""
import argparse
import array
import errno
import fcntl
import os
import socket
import stat
import sys
import threading
import time

from gluebench_py import framing

PIPE_SIZE = 1 << 20
F_SETPIPE_SZ = getattr(fcntl, 'F_SETPIPE_SZ', 1031)
INITIAL_BUFFER = 1 << 16
OK_INT = framing.OK_I64.pack


def enlarge_pipe(fd, size=PIPE_SIZE):
    """Best effort: make the pipe on fd hold size bytes. Not a pipe, or refused: no change."""
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            fcntl.fcntl(fd, F_SETPIPE_SZ, size)
    except OSError:
        pass


class Unsupported(Exception):
    """The compute has no variant of this workload; the message is the whole error reply."""


def doubles(raw):
    """Return array.array('d') holding the little-endian f64 bytes raw (one copy)."""
    values = array.array('d')
    values.frombytes(raw)
    if sys.byteorder == 'big':
        values.byteswap()
    return values


def longs(raw):
    """Return array.array('q') holding the little-endian i64 bytes raw (one copy)."""
    values = array.array('q')
    values.frombytes(raw)
    if sys.byteorder == 'big':
        values.byteswap()
    return values


class RecordsRequest:
    """The parts of a RECORDS request body (a memoryview), located and checked.

    n is the record count; ids and amounts are the offsets of the two i64 arrays, lengths the
    n category lengths (bytes), names the offset of the concatenated category bytes.
    """

    def __init__(self, body):
        if len(body) < framing.I64.size:
            raise ValueError('bad length: RECORDS body of %d bytes has no n' % len(body))
        (n,) = framing.I64.unpack_from(body, 0)
        if n < 0:
            raise ValueError('bad length: RECORDS n is negative (%d)' % n)
        self.n = n
        self.ids = framing.I64.size
        self.amounts = self.ids + 8 * n
        self.names = self.amounts + 9 * n
        if len(body) < self.names:
            raise ValueError('bad length: RECORDS body is %d bytes, too short for n = %d'
                             % (len(body), n))
        self.lengths = bytes(body[self.amounts + 8 * n:self.names])
        if b'\0' in self.lengths:
            raise ValueError('bad length: RECORDS record %d has a category of length 0'
                             % self.lengths.index(b'\0'))
        expect_length('RECORDS', body, self.names + sum(self.lengths))
        self.body = body


class PythonCompute:
    """The pure workloads, fed from the request buffer."""

    def __init__(self):
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
        self.echo = echo
        self._dot = dot
        self.nbody = nbody
        self.spectralnorm = spectralnorm
        self.mandelbrot = mandelbrot
        self._matmul = matmul
        self._sort = sort
        self.fannkuch = fannkuch
        self._wordfreq = wordfreq
        self._records = records
        self._csvparse = csvparse

    def dot(self, a_bytes, b_bytes):
        return self._dot(doubles(a_bytes), doubles(b_bytes))

    def matmul(self, a_bytes, b_bytes, n):
        return self._matmul(doubles(a_bytes), doubles(b_bytes), n)

    def sort(self, data_bytes):
        return self._sort(doubles(data_bytes))

    def wordfreq(self, text_bytes):
        return self._wordfreq(str(text_bytes, 'utf-8'))

    def records(self, request):
        """Build the rows (id, category str, amount) of a RecordsRequest, then sum them."""
        return self._records(self.rows(request))

    @staticmethod
    def rows(request):
        """The rows (id, category str, amount) of a RecordsRequest."""
        body, n = request.body, request.n
        ids = longs(body[request.ids:request.amounts])
        amounts = longs(body[request.amounts:request.amounts + 8 * n])
        names = bytes(body[request.names:])
        text = str(names, 'utf-8')
        ascii = len(text) == len(names)     # then byte offsets are str offsets
        rows = []
        end = 0
        for record_id, amount, length in zip(ids, amounts, request.lengths):
            start, end = end, end + length
            name = text[start:end] if ascii else str(names[start:end], 'utf-8')
            rows.append((record_id, name, amount))
        return rows

    def csvparse(self, text_bytes):
        return self._csvparse(str(text_bytes, 'utf-8'))


class NumpyCompute:
    """The numpy kernels, on views of the request buffer (no copies)."""

    def __init__(self):
        import numpy as np
        from gluebench_py import numpy_kernels
        self._np = np
        self._f64 = np.dtype('<f8')
        self.echo = numpy_kernels.echo_np
        self._dot = numpy_kernels.dot_np
        self.nbody = numpy_kernels.nbody_np
        self.spectralnorm = numpy_kernels.spectralnorm_np
        self.mandelbrot = numpy_kernels.mandelbrot_np
        self._matmul = numpy_kernels.matmul_np
        self._sort = numpy_kernels.sort_np
        self._records = numpy_kernels.records_np
        self._csvparse = numpy_kernels.csvparse_np

    def view(self, raw):
        return self._np.frombuffer(raw, dtype=self._f64)

    def dot(self, a_bytes, b_bytes):
        return self._dot(self.view(a_bytes), self.view(b_bytes))

    def matmul(self, a_bytes, b_bytes, n):
        return self._matmul(self.view(a_bytes), self.view(b_bytes), n)

    def sort(self, data_bytes):
        return self._sort(self.view(data_bytes))

    def fannkuch(self, n):
        raise Unsupported('no numpy variant for fannkuch')

    def wordfreq(self, text_bytes):
        raise Unsupported("no numpy variant for wordfreq: counting words is dict work: numpy "
                          "has no hashing of strings, and np.unique would sort the whole "
                          "text's words")

    def records(self, request):
        """Sum a RecordsRequest: the amounts viewed in place, the categories as an array of
        bytes (dtype S), copied from the request without a Python object per record."""
        return self._records(*self.records_columns(request))

    def records_columns(self, request):
        """(categories as an 'S' array, amounts as an int64 view) of a RecordsRequest."""
        np, body, n = self._np, request.body, request.n
        amounts = np.frombuffer(body, dtype='<i8', count=n, offset=request.amounts)
        lengths = np.frombuffer(request.lengths, dtype=np.uint8)
        width = int(lengths.max()) if n else 1
        # Row-major boolean assignment writes the concatenated names into the rows in order.
        padded = np.zeros((n, width), dtype=np.uint8)
        padded[np.arange(width) < lengths[:, None]] = np.frombuffer(body, dtype=np.uint8,
                                                                   offset=request.names)
        return padded.view('S%d' % width).ravel(), amounts

    def csvparse(self, text_bytes):
        return self._csvparse(str(text_bytes, 'utf-8'))


COMPUTES = {'python': PythonCompute, 'numpy': NumpyCompute}


FNV_OFFSET, FNV_PRIME, MASK64 = 0xcbf29ce484222325, 0x100000001b3, (1 << 64) - 1


def fnv1a64(data):
    """The 64-bit FNV-1a digest of bytes, as a signed i64: how a bytes answer is compared."""
    h = FNV_OFFSET
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & MASK64
    return h - (1 << 64) if h >= 1 << 63 else h


def encode_number(value):
    """The reply for a user function's answer: i64 for an int (or bool), f64 for a float, the bytes
    themselves (a payload) for bytes."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return framing.encode_ok_payload(bytes(value))
    if isinstance(value, bool) or isinstance(value, int):
        return framing.encode_ok_int(int(value))
    if isinstance(value, float):
        return framing.encode_ok_float(value)
    try:                                    # numpy scalars
        import numbers
        if isinstance(value, numbers.Integral):
            return framing.encode_ok_int(int(value))
        if isinstance(value, numbers.Real):
            return framing.encode_ok_float(float(value))
    except ImportError:
        pass
    raise Unsupported('the function returned %s, not a number or bytes; return an int, a float or bytes'
                      % type(value).__name__)


def encode_typed(value):
    """The reference's reply: the number's type ('i' or 'f'), then its 8 bytes, as a payload."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return framing.encode_ok_payload(b'b' + framing.I64.pack(fnv1a64(bytes(value))))
    reply = encode_number(value)
    is_float = isinstance(value, float) or (not isinstance(value, int) and not _integral(value))
    return framing.encode_ok_payload((b'f' if is_float else b'i') + bytes(reply[-8:]))


def _integral(value):
    import numbers
    return isinstance(value, numbers.Integral)


class UserCompute:
    """The user's compute behind the shape ops: each op's body becomes the shape's data, built
    the way the built-in workload of that shape builds it for the same compute (python: arrays,
    str and row tuples; numpy: views of the request)."""

    def __init__(self, base, fn, path, numpy, typed=False):
        self.base, self.fn, self.path, self.numpy = base, fn, path, numpy
        self.encode = encode_typed if typed else encode_number

    def call(self, *args):
        try:
            return self.encode(self.fn(*args))
        except Unsupported:
            raise
        except Exception:
            from gluebench_py import userfile
            raise Unsupported(userfile.call_error(self.path, sys.exc_info(), self.numpy))

    def echo(self, body):
        if self.numpy:
            return self.call(self.base._np.frombuffer(body, dtype=self.base._np.uint8))
        return self.call(body)

    def dot(self, body):
        a, b = dot_parts(body)
        if self.numpy:
            return self.call(self.base.view(a), self.base.view(b))
        return self.call(doubles(a), doubles(b))

    def sort(self, body):
        raw = sort_part(body)
        return self.call(self.base.view(raw) if self.numpy else doubles(raw))

    def text(self, body):
        return self.call(str(body, 'utf-8'))

    def records(self, body):
        request = RecordsRequest(body)
        if self.numpy:
            return self.call(*self.base.records_columns(request))
        return self.call(PythonCompute.rows(request))


class Quit(Exception):
    """A QUIT request arrived."""


class Worker:
    """One request at a time: read a frame into a reusable buffer, compute, write one reply."""

    def __init__(self, compute, fd_in=0, fd_out=1, max_frame=None):
        self.compute = compute
        # The largest payload accepted; a header announcing more is refused before anything is
        # allocated for it (the harness states the cap with --max-frame).
        self.max_frame = framing.MAX_FRAME if max_frame is None else max_frame
        self.fd_in = fd_in
        self.fd_out = fd_out
        self.buf = bytearray(INITIAL_BUFFER)
        self.view = memoryview(self.buf)
        self.iov = [self.view]
        self.have = 0       # bytes of self.buf that hold unread input
        self.dot_sum, self.dot_pairs = 0.0, 0       # DOT_ADD's running sum, until DOT_TAKE
        self.echo_sum, self.echo_bytes = 0, 0       # ECHO_ADD's, until ECHO_TAKE
        self.handlers = {
            framing.OP_PING: self.ping,
            framing.OP_ECHO: self.echo,
            framing.OP_DOT: self.dot,
            framing.OP_NBODY: self.nbody,
            framing.OP_SPECTRALNORM: self.spectralnorm,
            framing.OP_MANDELBROT: self.mandelbrot,
            framing.OP_MATMUL: self.matmul,
            framing.OP_SORT: self.sort,
            framing.OP_FANNKUCH: self.fannkuch,
            framing.OP_WORDFREQ: self.wordfreq,
            framing.OP_RECORDS: self.records,
            framing.OP_CSVPARSE: self.csvparse,
            framing.OP_DOT_ADD: self.dot_add,
            framing.OP_DOT_TAKE: self.dot_take,
            framing.OP_ECHO_ADD: self.echo_add,
            framing.OP_ECHO_TAKE: self.echo_take,
            framing.OP_LOAD: self.load,
            framing.OP_QUIT: self.quit,
        }
        # The dispatch table the hot path indexes by op byte (a list beats a dict lookup).
        self.table = [None] * 256
        for op, handler in self.handlers.items():
            self.table[op] = handler
        self.echo_sum_of = compute.echo

    def serve(self):
        """Serve until QUIT or EOF between frames; raise ProtocolError on EOF inside a frame."""
        header = framing.HEADER.size
        readv = os.readv
        while True:
            if not self.have:
                # The hot path: the buffer is empty between requests, so read into all of it
                # (no slice, no loop); a small request arrives whole in this one read.
                self.have = readv(self.fd_in, self.iov)
            if not self.fill(header):
                if self.have:
                    raise framing.ProtocolError('EOF inside a frame header')
                return
            (length,) = framing.HEADER.unpack_from(self.buf, 0)
            end = header + length
            if length > self.max_frame:
                self.skip(end)
                self.write(framing.encode_error('bad length: a frame of %d bytes exceeds the '
                                                'limit of %d' % (length, self.max_frame)))
                continue
            if not self.fill_growing(end):
                raise framing.ProtocolError(
                    'EOF inside a frame: got %d of %d payload bytes' % (self.have - header, length))
            try:
                reply = self.handle(self.view[header:end])
            except Quit:
                return
            self.write(reply)
            self.consume(end)

    def fill(self, need):
        """Make the buffer hold at least need bytes of input; False at EOF before that."""
        if self.have < need:
            self.have += framing.read_into(self.fd_in, self.view[self.have:], need - self.have)
        return self.have >= need

    def fill_growing(self, need):
        """Like fill, but grow the buffer only as bytes arrive (at most doubling what it holds), so
        that a header announcing more than is sent never makes the worker reserve it."""
        while self.have < need:
            if self.have == len(self.buf):
                self.reserve(min(need, 2 * len(self.buf)))
            n = os.readv(self.fd_in, [self.view[self.have:min(need, len(self.buf))]])
            if n == 0:
                return False
            self.have += n
        return True

    def reserve(self, size):
        """Grow the buffer (by at least doubling) so that it holds size bytes."""
        if size > len(self.buf):
            grown = bytearray(max(size, 2 * len(self.buf)))
            grown[:self.have] = self.view[:self.have]
            self.buf = grown
            self.view = memoryview(grown)
            self.iov = [self.view]

    def skip(self, end):
        """Read and drop input up to end, for a frame too large to buffer."""
        left = end - self.have
        self.have = 0
        while left > 0:
            n = os.readv(self.fd_in, [self.view[:min(left, len(self.buf))]])
            if n == 0:
                raise framing.ProtocolError('EOF inside an oversized frame')
            left -= n

    def consume(self, end):
        """Drop the frame that ends at end; keep any bytes already read beyond it."""
        rest = self.have - end
        if rest:
            self.view[:rest] = bytes(self.view[end:self.have])
        self.have = rest

    def write(self, reply):
        while reply:
            reply = reply[os.write(self.fd_out, reply):]

    def handle(self, payload):
        """Return the reply frame for one request payload (a memoryview)."""
        if not payload:
            return framing.encode_error('empty frame: no op')
        handler = self.table[payload[0]]
        if handler is None:
            return framing.encode_error('unknown op %d' % payload[0])
        try:
            return handler(payload[1:])
        except Quit:
            raise
        except Unsupported as e:
            return framing.encode_error(str(e))
        except Exception as e:
            return framing.encode_error('%s: %s' % (type(e).__name__, e))

    def ping(self, body):
        expect_length('PING', body, 0)
        return framing.encode_ok_int(0)

    def echo(self, body):
        return OK_INT(framing.OK_REPLY_LENGTH, framing.STATUS_OK, self.echo_sum_of(body))

    def dot(self, body):
        return framing.encode_ok_float(self.compute.dot(*dot_parts(body)))

    def nbody(self, body):
        expect_length('NBODY', body, framing.U32.size)
        (steps,) = framing.U32.unpack_from(body, 0)
        return framing.encode_ok_float(self.compute.nbody(steps))

    def spectralnorm(self, body):
        expect_length('SPECTRALNORM', body, framing.U32.size)
        return framing.encode_ok_float(self.compute.spectralnorm(read_n('SPECTRALNORM', body)))

    def mandelbrot(self, body):
        expect_length('MANDELBROT', body, framing.U32.size)
        return framing.encode_ok_int(self.compute.mandelbrot(read_n('MANDELBROT', body)))

    def matmul(self, body):
        n = read_n('MATMUL', body)
        expect_length('MATMUL', body, framing.U32.size + 16 * n * n)
        split = framing.U32.size + 8 * n * n
        return framing.encode_ok_float(
            self.compute.matmul(body[framing.U32.size:split], body[split:], n))

    def sort(self, body):
        return framing.encode_ok_float(self.compute.sort(sort_part(body)))

    def fannkuch(self, body):
        expect_length('FANNKUCH', body, framing.U32.size)
        return framing.encode_ok_int(self.compute.fannkuch(read_n('FANNKUCH', body)))

    def wordfreq(self, body):
        distinct, top = self.compute.wordfreq(body)
        return framing.encode_ok_payload(framing.encode_wordfreq_result(distinct, top))

    def records(self, body):
        sums = self.compute.records(RecordsRequest(body))
        return framing.encode_ok_payload(framing.encode_records_result(sums))

    def csvparse(self, body):
        return framing.encode_ok_payload(
            framing.encode_csvparse_result(*self.compute.csvparse(body)))

    def dot_add(self, body):
        """One element pair: the running sum grows as dot's loop does (left to right, from 0.0),
        so DOT_TAKE answers exactly what DOT answers for the same pairs."""
        expect_length('DOT_ADD', body, framing.PAIR_F64.size)
        a, b = framing.PAIR_F64.unpack_from(body, 0)
        self.dot_sum += a * b
        self.dot_pairs += 1
        return framing.encode_ok_int(self.dot_pairs)

    def dot_take(self, body):
        expect_length('DOT_TAKE', body, framing.U32.size)
        n = read_n('DOT_TAKE', body)
        total, pairs = self.dot_sum, self.dot_pairs
        self.dot_sum, self.dot_pairs = 0.0, 0
        expect_count('DOT_TAKE', n, pairs, 'pairs')
        return framing.encode_ok_float(total)

    def echo_add(self, body):
        expect_length('ECHO_ADD', body, 1)
        self.echo_sum += body[0]
        self.echo_bytes += 1
        return framing.encode_ok_int(self.echo_bytes)

    def echo_take(self, body):
        expect_length('ECHO_TAKE', body, framing.U32.size)
        n = read_n('ECHO_TAKE', body)
        total, count = self.echo_sum, self.echo_bytes
        self.echo_sum, self.echo_bytes = 0, 0
        expect_count('ECHO_TAKE', n, count, 'bytes')
        return framing.encode_ok_int(total)

    def quit(self, body):
        raise Quit()

    def load(self, body):
        """Load the user's file: the shape ops then call its compute (see gluebench_py.userfile)."""
        from gluebench_py import userfile
        if len(body) < 2 or body[0] > 3:
            raise ValueError('bad length: LOAD needs its flags (0 to 3) and a path')
        numpy, typed = bool(body[0] & 1), bool(body[0] & 2)
        path = str(bytes(body[1:]), 'utf-8')
        try:
            module = userfile.load(path)
        except userfile.UserFileError as e:
            raise Unsupported(str(e))
        if numpy and not hasattr(module, 'compute_numpy'):
            raise Unsupported('%s: no compute_numpy; define it to run the numpy patterns' % path)
        user = UserCompute(self.compute, userfile.entry(module, numpy), path, numpy, typed)
        for op, handler in ((framing.OP_ECHO, user.echo), (framing.OP_DOT, user.dot),
                            (framing.OP_SORT, user.sort), (framing.OP_WORDFREQ, user.text),
                            (framing.OP_RECORDS, user.records), (framing.OP_CSVPARSE, user.text)):
            self.table[op] = handler
        return framing.encode_ok_int(0)


def read_n(op_name, body):
    """Return the u32 n that starts an op's body."""
    if len(body) < framing.U32.size:
        raise ValueError('bad length: %s body of %d bytes has no n' % (op_name, len(body)))
    return framing.U32.unpack_from(body, 0)[0]


def dot_parts(body):
    """The two f64 arrays' bytes of a DOT body (u32 n, n f64, n f64), checked."""
    n = read_n('DOT', body)
    expect_length('DOT', body, framing.U32.size + 16 * n)
    split = framing.U32.size + 8 * n
    return body[framing.U32.size:split], body[split:]


def sort_part(body):
    """The f64 array's bytes of a SORT body (u32 n, n f64), checked."""
    n = read_n('SORT', body)
    expect_length('SORT', body, framing.U32.size + 8 * n)
    return body[framing.U32.size:]


def expect_length(op_name, body, expected):
    if len(body) != expected:
        raise ValueError('bad length: %s body is %d bytes, expected %d'
                         % (op_name, len(body), expected))


def expect_count(op_name, expected, added, what):
    """A take for n elements after other than n adds: some were lost or doubled."""
    if expected != added:
        raise ValueError('bad state: %s for %d %s, but %d were added since the last take'
                         % (op_name, expected, what, added))


class SetupError(Exception):
    """The transport could not be set up; the message is one line."""


CONNECT_TIMEOUT_S = 2.0


def connect_uds(path, timeout=CONNECT_TIMEOUT_S):
    """Return a blocking stream socket connected to the Unix domain socket at path. A missing
    or not yet listening socket is retried for up to timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(path)
            return sock
        except OSError as e:
            sock.close()
            retry = e.errno in (errno.ENOENT, errno.ECONNREFUSED)
            if not retry or time.monotonic() >= deadline:
                raise SetupError('cannot connect to %s: %s' % (path, e.strerror or e))
        time.sleep(0.01)


def remove_private(path):
    """Remove path (a socket or shared-memory file the client made for this worker) and its
    directory when that is one of the client's private gluebench-* directories and is then empty.

    The client removes both on close; this covers a client that died (kill -9, a crash) and so
    never did: nothing the run made outlives it. Errors (already gone) are ignored."""
    try:
        os.unlink(path)
    except OSError:
        pass
    parent = os.path.dirname(os.path.abspath(path))
    if os.path.basename(parent).startswith('gluebench-'):
        try:
            os.rmdir(parent)
        except OSError:
            pass


def exit_when_stdin_closes(fd=0, cleanup=None):
    """Start a daemon thread that drains fd and ends the process (status 0) at its EOF: stdin
    is a pipe from the client, so EOF means the client is gone. An fd that is not a pipe or a
    socket (/dev/null, a terminal) is not watched; neither is one that cannot be read.
    cleanup, if given, is called first (remove_private of the socket)."""
    from gluebench_py.shm import is_pipe
    if not is_pipe(fd):
        return

    def watch():
        try:
            while os.read(fd, 65536):
                pass
        except OSError:
            return
        if cleanup is not None:
            cleanup()
        os._exit(0)
    threading.Thread(target=watch, name='stdin-watch', daemon=True).start()


def serve_pipe(compute, max_frame=None):
    enlarge_pipe(0)
    enlarge_pipe(1)
    Worker(compute, max_frame=max_frame).serve()


def serve_uds(compute, path, max_frame=None):
    sock = connect_uds(path)
    try:
        exit_when_stdin_closes(0, cleanup=lambda: remove_private(path))
        fd = sock.fileno()
        Worker(compute, fd, fd, max_frame).serve()
    finally:
        sock.close()
        remove_private(path)


def serve_shm(compute, path, spin_us):
    from gluebench_py import shm
    try:
        area = shm.SharedArea(path)
    except shm.LayoutError as e:
        raise SetupError(str(e))
    try:
        shm.ShmServer(area, spin_us, stdin_fd=0).serve(Worker(compute, -1, -1).handle, Quit)
    finally:
        if not area.close():
            sys.stderr.write('gluebench worker: a view of the shared area outlived the last '
                             'request; left to the exit\n')
        remove_private(path)


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m gluebench_py.worker', description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--compute', choices=sorted(COMPUTES), required=True,
                        help='run the pure-Python workloads or the numpy kernels')
    parser.add_argument('--transport', choices=('pipe', 'uds', 'shm'), default='pipe',
                        help='how requests arrive (default: pipe, i.e. stdin/stdout)')
    parser.add_argument('--socket', metavar='PATH',
                        help='uds: the Unix domain socket to connect to')
    parser.add_argument('--shm', metavar='PATH', help='shm: the shared memory-mapped file')
    parser.add_argument('--spin-us', metavar='N', type=int, default=50,
                        help='shm: microseconds to busy-poll for a request before yielding '
                             '(default 50; 0 with both processes on one core)')
    parser.add_argument('--max-frame', metavar='BYTES', type=int, default=framing.MAX_FRAME,
                        help='the largest request payload accepted (default and most %d); a header '
                             'announcing more is refused before anything is allocated' % framing.MAX_FRAME)
    args = parser.parse_args(argv)
    if not 0 < args.max_frame <= framing.MAX_FRAME:
        parser.error('--max-frame must be between 1 and %d, got %d' % (framing.MAX_FRAME, args.max_frame))
    if args.transport == 'uds' and not args.socket:
        parser.error('--transport uds needs --socket PATH')
    if args.transport == 'shm' and not args.shm:
        parser.error('--transport shm needs --shm PATH')
    if args.spin_us < 0:
        parser.error('--spin-us must be 0 or more, got %d' % args.spin_us)
    compute = COMPUTES[args.compute]()
    # fd 1 carries frames only (pipe): anything printed by mistake goes to stderr instead.
    sys.stdout = sys.stderr
    try:
        if args.transport == 'uds':
            serve_uds(compute, args.socket, args.max_frame)
        elif args.transport == 'shm':
            serve_shm(compute, args.shm, args.spin_us)
        else:
            serve_pipe(compute, args.max_frame)
    except (framing.ProtocolError, SetupError) as e:
        sys.stderr.write('gluebench worker: %s\n' % e)
        return 1
    except (BrokenPipeError, ConnectionResetError):
        return 0        # the client went away
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == '__main__':
    sys.exit(main())
