"""The Py4J peer: its dispatch, and the real server spoken to in Py4J's own wire protocol, as the
JVM's ClientServer speaks it (auth, then call commands on the entry point)."""
import base64
import os
import socket
import subprocess
import sys

import pytest

from gluebench_py import framing, py4j_server, worker
from gluebench_py.inputs import dot_input, echo_input

pytest.importorskip('py4j')

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = 'test-token-0123456789abcdef'


def b64(frame):
    """The Base64 request text for a whole frame (without its u32 length)."""
    return base64.b64encode(frame[framing.HEADER.size:]).decode('ascii')


@pytest.mark.parametrize('compute', ['python', 'numpy'])
def test_the_kernel_answers_the_worker_requests(compute):
    kernel = py4j_server.Kernel(worker.COMPUTES[compute]())
    data = echo_input(1000)
    assert framing.decode_reply(kernel.call(b64(framing.encode_echo(data))), False) == sum(data)
    a, b = dot_input(100)
    got = framing.decode_reply(kernel.call(b64(framing.encode_dot(a, b))), True)
    assert got == pytest.approx(sum(x * y for x, y in zip(a, b)), rel=1e-12)
    assert framing.decode_reply(kernel.call(b64(framing.encode_ping())), False) == 0


def test_the_kernel_answers_a_bad_request_with_an_error_reply():
    kernel = py4j_server.Kernel(worker.PythonCompute())
    reply = kernel.call(base64.b64encode(bytes([framing.OP_DOT, 9, 0, 0, 0])).decode('ascii'))
    assert reply[0] == framing.STATUS_ERROR
    assert 'bad length' in reply[1:].decode('utf-8')


def test_call_bytes_answers_like_call():
    kernel = py4j_server.Kernel(worker.PythonCompute())
    frame = framing.encode_echo(echo_input(300))
    assert kernel.callBytes(frame[framing.HEADER.size:]) == kernel.call(b64(frame))


def test_the_kernel_returns_bytes_which_py4j_sends_as_a_byte_array():
    kernel = py4j_server.Kernel(worker.PythonCompute())
    assert type(kernel.call(b64(framing.encode_ping()))) is bytes


class Server:
    """The server as the JVM starts it: token in the environment, the port read from stdout."""

    def __init__(self, token=TOKEN):
        env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
        env.pop(py4j_server.TOKEN_VARIABLE, None)
        if token is not None:
            env[py4j_server.TOKEN_VARIABLE] = token
        self.proc = subprocess.Popen(
            [sys.executable, '-m', 'gluebench_py.py4j_server', '--compute', 'python'],
            cwd=PROJECT_DIR, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)

    def port(self):
        line = self.proc.stdout.readline().decode('ascii')
        name, port = line.split()
        assert name == py4j_server.PORT_LINE
        return int(port)

    def finish(self, timeout=10):
        self.proc.stdin.close()
        code = self.proc.wait(timeout)
        err = self.proc.stderr.read().decode('utf-8', 'replace')
        self.rest_of_stdout = self.proc.stdout.read()
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code, err

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.kill()


def connect(port, token):
    sock = socket.create_connection(('127.0.0.1', port), timeout=10)
    stream = sock.makefile('rb')
    sock.sendall(('A\n%s\ne\n' % token).encode('ascii'))
    return sock, stream, stream.readline().decode('ascii')


def call(sock, stream, frame, as_bytes=False):
    """One Py4J call command on the entry point ('t'), the request as a string ('s') or as a
    Java byte[] ('j'); the decoded reply payload."""
    command = 'c\nt\ncallBytes\nj%s\ne\n' if as_bytes else 'c\nt\ncall\ns%s\ne\n'
    sock.sendall((command % b64(frame)).encode('ascii'))
    answer = stream.readline().decode('ascii').rstrip('\n')
    assert answer.startswith('!yj'), answer        # success, a byte array
    return base64.b64decode(answer[3:])


def test_the_server_listens_on_loopback_authenticates_and_computes(server):
    port = server.port()
    sock, stream, auth = connect(port, TOKEN)
    try:
        assert auth == '!yv\n'
        data = echo_input(4096)
        assert framing.decode_reply(call(sock, stream, framing.encode_echo(data)), False) == sum(data)
        assert framing.decode_reply(call(sock, stream, framing.encode_echo(data), as_bytes=True),
                                    False) == sum(data)
        assert sock.getpeername()[0] == '127.0.0.1'
    finally:
        stream.close()
        sock.close()
    code, err = server.finish()
    assert code == 0, err


def test_a_wrong_token_is_refused(server):
    port = server.port()
    sock, stream, auth = connect(port, 'not-the-token')
    try:
        assert auth == '!xn\n'          # py4j's error reply, then the connection is closed
        try:
            assert stream.readline() == b''
        except ConnectionResetError:
            pass                        # closed with SO_LINGER 0: a reset, as py4j does
    finally:
        stream.close()
        sock.close()
    code, err = server.finish()
    assert code == 0, err


def test_without_a_token_the_server_refuses_to_start():
    s = Server(token=None)
    try:
        code, err = s.finish()
    finally:
        s.kill()
    assert code == 2
    assert py4j_server.TOKEN_VARIABLE in err


def test_eof_on_stdin_stops_the_server_and_frees_its_port(server):
    port = server.port()
    code, _ = server.finish()
    assert code == 0
    with pytest.raises(OSError):
        socket.create_connection(('127.0.0.1', port), timeout=2).close()


def test_the_port_line_is_the_only_output(server):
    port = server.port()
    sock, stream, _ = connect(port, TOKEN)
    try:
        call(sock, stream, framing.encode_echo(b'abc'))
    finally:
        stream.close()
        sock.close()
    code, _ = server.finish()
    assert code == 0
    assert server.rest_of_stdout == b''
