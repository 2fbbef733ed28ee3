"""The out-of-process worker: serves workload calls over stdin/stdout until QUIT or EOF.

    python -m gluebench_py.worker --compute python|numpy

Speaks the frames of gluebench_py.framing. --compute python runs the pure workloads,
--compute numpy the numpy kernels on zero-copy views of the request. Errors in a request are
answered with an error reply and the worker keeps serving; EOF between frames exits 0, EOF
inside a frame exits 1 with a one-line message on stderr.
"""
import argparse
import array
import fcntl
import os
import stat
import sys

from gluebench_py import framing

PIPE_SIZE = 1 << 20
F_SETPIPE_SZ = getattr(fcntl, 'F_SETPIPE_SZ', 1031)
INITIAL_BUFFER = 1 << 16


def enlarge_pipe(fd, size=PIPE_SIZE):
    """Best effort: make the pipe on fd hold size bytes. Not a pipe, or refused: no change."""
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            fcntl.fcntl(fd, F_SETPIPE_SZ, size)
    except OSError:
        pass


class PythonCompute:
    """The pure workloads, fed from the request buffer."""

    def __init__(self):
        from gluebench_py.workloads.dot import dot
        from gluebench_py.workloads.echo import echo
        from gluebench_py.workloads.nbody import nbody
        self.echo = echo
        self._dot = dot
        self.nbody = nbody

    def dot(self, a_bytes, b_bytes):
        a = array.array('d')
        a.frombytes(a_bytes)
        b = array.array('d')
        b.frombytes(b_bytes)
        if sys.byteorder == 'big':
            a.byteswap()
            b.byteswap()
        return self._dot(a, b)


class NumpyCompute:
    """The numpy kernels, on views of the request buffer (no copies)."""

    def __init__(self):
        import numpy as np
        from gluebench_py import numpy_kernels
        self._np = np
        self.echo = numpy_kernels.echo_np
        self._dot = numpy_kernels.dot_np
        self.nbody = numpy_kernels.nbody_np

    def dot(self, a_bytes, b_bytes):
        f64 = self._np.dtype('<f8')
        return self._dot(self._np.frombuffer(a_bytes, dtype=f64),
                         self._np.frombuffer(b_bytes, dtype=f64))


COMPUTES = {'python': PythonCompute, 'numpy': NumpyCompute}


class Quit(Exception):
    """A QUIT request arrived."""


class Worker:
    """One request at a time: read a frame into a reusable buffer, compute, write one reply."""

    def __init__(self, compute, fd_in=0, fd_out=1):
        self.compute = compute
        self.fd_in = fd_in
        self.fd_out = fd_out
        self.buf = bytearray(INITIAL_BUFFER)
        self.view = memoryview(self.buf)
        self.have = 0       # bytes of self.buf that hold unread input
        self.handlers = {
            framing.OP_PING: self.ping,
            framing.OP_ECHO: self.echo,
            framing.OP_DOT: self.dot,
            framing.OP_NBODY: self.nbody,
            framing.OP_QUIT: self.quit,
        }

    def serve(self):
        """Serve until QUIT or EOF between frames; raise ProtocolError on EOF inside a frame."""
        header = framing.HEADER.size
        while True:
            if not self.fill(header):
                if self.have:
                    raise framing.ProtocolError('EOF inside a frame header')
                return
            (length,) = framing.HEADER.unpack_from(self.buf, 0)
            end = header + length
            if length > framing.MAX_FRAME:
                self.skip(end)
                self.write(framing.encode_error('bad length: a frame of %d bytes exceeds the '
                                                'limit of %d' % (length, framing.MAX_FRAME)))
                continue
            self.reserve(end)
            if not self.fill(end):
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

    def reserve(self, size):
        """Grow the buffer (by at least doubling) so that it holds size bytes."""
        if size > len(self.buf):
            grown = bytearray(max(size, 2 * len(self.buf)))
            grown[:self.have] = self.view[:self.have]
            self.buf = grown
            self.view = memoryview(grown)

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
        if len(payload) == 0:
            return framing.encode_error('empty frame: no op')
        handler = self.handlers.get(payload[0])
        if handler is None:
            return framing.encode_error('unknown op %d' % payload[0])
        try:
            return handler(payload[1:])
        except Quit:
            raise
        except Exception as e:
            return framing.encode_error('%s: %s' % (type(e).__name__, e))

    def ping(self, body):
        expect_length('PING', body, 0)
        return framing.encode_ok_int(0)

    def echo(self, body):
        return framing.encode_ok_int(self.compute.echo(body))

    def dot(self, body):
        if len(body) < framing.U32.size:
            raise ValueError('DOT body of %d bytes has no n' % len(body))
        (n,) = framing.U32.unpack_from(body, 0)
        expect_length('DOT', body, framing.U32.size + 16 * n)
        split = framing.U32.size + 8 * n
        return framing.encode_ok_float(
            self.compute.dot(body[framing.U32.size:split], body[split:]))

    def nbody(self, body):
        expect_length('NBODY', body, framing.U32.size)
        (steps,) = framing.U32.unpack_from(body, 0)
        return framing.encode_ok_float(self.compute.nbody(steps))

    def quit(self, body):
        raise Quit()


def expect_length(op_name, body, expected):
    if len(body) != expected:
        raise ValueError('bad length: %s body is %d bytes, expected %d'
                         % (op_name, len(body), expected))


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m gluebench_py.worker', description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--compute', choices=sorted(COMPUTES), required=True,
                        help='run the pure-Python workloads or the numpy kernels')
    args = parser.parse_args(argv)
    compute = COMPUTES[args.compute]()
    # fd 1 carries frames only: anything printed by mistake goes to stderr instead.
    sys.stdout = sys.stderr
    enlarge_pipe(0)
    enlarge_pipe(1)
    try:
        Worker(compute).serve()
    except framing.ProtocolError as e:
        sys.stderr.write('gluebench worker: %s\n' % e)
        return 1
    except BrokenPipeError:
        return 0        # the client went away
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == '__main__':
    sys.exit(main())
