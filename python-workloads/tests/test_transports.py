"""The uds and shm transports of the worker, driven the way the JVM drives them: a private
0700 directory, a listening socket or a shared file with the layout, a real worker subprocess
whose stdin is a pipe from us."""
import math
import mmap
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

import pytest

from gluebench_py import framing, shm, worker
from gluebench_py.inputs import dot_input, records_input

PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPUTES = ['python', 'numpy']
TIMEOUT = 10
SMALL_CAPACITY = 4096
TEST_CAPACITY = 1 << 20


def spawn(compute, *transport_args, stdin=subprocess.PIPE):
    env = dict(os.environ, PYTHONPATH=PROJECT_DIR)
    return subprocess.Popen(
        [sys.executable, '-m', 'gluebench_py.worker', '--compute', compute] + list(transport_args),
        cwd=PROJECT_DIR, env=env, bufsize=0,
        stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc, timeout=TIMEOUT):
    """Wait for the worker; return (exit code, stdout bytes, stderr text)."""
    if proc.stdin and proc.stdin.closed:
        proc.stdin = None       # communicate() would flush it
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err.decode('utf-8', 'replace')


@pytest.fixture
def private_dir():
    base = '/dev/shm' if os.path.isdir('/dev/shm') else None
    path = tempfile.mkdtemp(prefix='gluebench-test-', dir=base)
    os.chmod(path, 0o700)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def kill(proc):
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream and not stream.closed:
            stream.close()


# ---- the clients ------------------------------------------------------------------------------

class UdsClient:
    """The JVM's side of uds: listen, spawn, accept, then frames on the socket."""

    def __init__(self, directory, compute, stdin=subprocess.PIPE):
        self.path = os.path.join(directory, 'worker.sock')
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(1)
        self.server.settimeout(TIMEOUT)
        self.proc = spawn(compute, '--transport', 'uds', '--socket', self.path, stdin=stdin)
        self.sock, _ = self.server.accept()
        self.sock.setblocking(True)     # framing reads the raw fd

    def payload(self, frame):
        """Send a request frame, return the reply payload."""
        self.send(frame)
        reply = framing.read_frame(self.sock.fileno())
        assert reply is not None, 'the worker closed the socket'
        return reply

    def send(self, frame):
        self.sock.sendall(frame)

    def close(self):
        self.sock.close()
        self.server.close()
        kill(self.proc)


class ShmClient:
    """The JVM's side of shm: create the file, map it, spawn, then seq/len handshakes."""

    def __init__(self, directory, compute, capacity=TEST_CAPACITY, spin_us=50, before=None,
                 stdin=subprocess.PIPE):
        self.path = os.path.join(directory, 'worker.shm')
        shm.create(self.path, capacity)
        self.capacity = capacity
        fd = os.open(self.path, os.O_RDWR)
        try:
            self.mm = mmap.mmap(fd, shm.file_size(capacity))
        finally:
            os.close(fd)
        self.seq = 0
        if before:
            before(self)
        self.proc = spawn(compute, '--transport', 'shm', '--shm', self.path,
                          '--spin-us', str(spin_us), stdin=stdin)

    def u32(self, offset, value=None):
        if value is None:
            return struct.unpack_from('<I', self.mm, offset)[0]
        struct.pack_into('<I', self.mm, offset, value)

    def post(self, frame):
        """Write a request frame's payload (without its length prefix) and publish it."""
        payload = frame[framing.HEADER.size:]
        self.mm[shm.HEADER_SIZE:shm.HEADER_SIZE + len(payload)] = payload
        self.u32(shm.REQUEST_LEN_AT, len(payload))
        self.seq = (self.seq + 1) & 0xffffffff
        self.u32(shm.REQUEST_SEQ_AT, self.seq)

    def payload(self, frame):
        self.post(frame)
        deadline = time.monotonic() + TIMEOUT
        while self.u32(shm.REPLY_SEQ_AT) != self.seq:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError('no reply: worker %s, stderr %r' % (
                    self.proc.poll(), self.proc.stderr.read() if self.proc.poll() is not None
                    else ''))
            time.sleep(0.0001)
        length = self.u32(shm.REPLY_LEN_AT)
        start = shm.HEADER_SIZE + self.capacity
        return bytes(self.mm[start:start + length])

    def send(self, frame):
        self.post(frame)

    def close(self):
        kill(self.proc)
        self.mm.close()


@pytest.fixture(params=['uds', 'shm'])
def transport(request):
    return request.param


@pytest.fixture
def connect(transport, private_dir):
    """connect(compute, **options) -> a client of the requested transport."""
    clients = []

    def make(compute, **options):
        client = (UdsClient(private_dir, compute, **options) if transport == 'uds'
                  else ShmClient(private_dir, compute, **options))
        clients.append(client)
        return client
    yield make
    for client in clients:
        client.close()


def call(client, frame, as_float=False):
    return framing.decode_reply(client.payload(frame), as_float)


def error(client, frame):
    payload = client.payload(frame)
    assert payload[0] == framing.STATUS_ERROR, payload
    return payload[1:].decode('utf-8')


# ---- round trips -------------------------------------------------------------------------------

@pytest.mark.parametrize('compute', COMPUTES)
def test_ping_dot_records_then_quit(connect, compute, vectors):
    client = connect(compute)
    assert call(client, framing.encode_ping()) == 0
    for case in vectors['dot']:
        a, b = dot_input(case['n'], case['seed'])
        result = call(client, framing.encode_dot(a, b), as_float=True)
        assert math.isclose(result, float(case['expected']), rel_tol=1e-12), case
    for case in vectors['records'][:2]:
        rows = records_input(case['n'], case['seed'])
        expected = [(e['category'], e['cents']) for e in case['expected']['sums']]
        result = framing.decode_records_result(
            framing.decode_ok_payload(client.payload(framing.encode_records(rows))))
        assert result == expected, case['n']
    assert 'unknown op 200' in error(client, framing.encode_request(200))
    assert call(client, framing.encode_ping()) == 0
    client.send(framing.encode_quit())
    # exit 0 with nothing on stderr: the mapping closed cleanly, no view of it outlived a call
    assert finish(client.proc) == (0, b'', '')


def test_worker_exits_when_stdin_closes(connect, private_dir):
    client = connect('python')
    assert call(client, framing.encode_ping()) == 0
    time.sleep(0.05)        # shm: the worker is in its sleep phase by now
    client.proc.stdin.close()
    assert finish(client.proc) == (0, b'', '')
    # The client never closed (as when it is killed): the worker removed the socket or the
    # shared file, and the private directory with it, so nothing outlives the client.
    assert not os.path.exists(private_dir), os.listdir(private_dir)


def test_remove_private_leaves_other_directories_alone(tmp_path):
    other = tmp_path / 'results'
    other.mkdir()
    target = other / 'worker.shm'
    target.write_bytes(b'x')
    worker.remove_private(str(target))
    assert not target.exists()
    assert other.exists(), 'only a gluebench-* directory is removed'


def test_a_stdin_that_is_not_a_pipe_is_not_watched(connect):
    client = connect('python', stdin=subprocess.DEVNULL)
    assert call(client, framing.encode_ping()) == 0
    time.sleep(0.05)        # shm: sleep phase, stdin checked; uds: the watcher would be done
    assert call(client, framing.encode_ping()) == 0
    client.send(framing.encode_quit())
    assert finish(client.proc) == (0, b'', '')


def test_uds_worker_exits_when_the_socket_closes(private_dir):
    client = UdsClient(private_dir, 'python')
    try:
        assert call(client, framing.encode_ping()) == 0
        client.sock.close()
        assert finish(client.proc) == (0, b'', '')
    finally:
        client.close()


def test_uds_without_a_listener_exits_1(private_dir):
    proc = spawn('python', '--transport', 'uds', '--socket',
                 os.path.join(private_dir, 'nobody.sock'))
    try:
        code, _, stderr = finish(proc, timeout=20)
    finally:
        kill(proc)
    assert code == 1
    assert stderr.startswith('gluebench worker: cannot connect to ') and 'Traceback' not in stderr


# ---- shm specifics -----------------------------------------------------------------------------

def test_shm_reply_larger_than_the_area_is_an_error_reply(private_dir):
    client = ShmClient(private_dir, 'python', capacity=SMALL_CAPACITY)
    try:
        # 10 distinct words of 400 letters: a 4010-byte request, a 4133-byte reply
        words = ' '.join(chr(ord('a') + i) * 400 for i in range(10))
        frame = framing.encode_wordfreq(words)
        assert len(frame) - 4 <= SMALL_CAPACITY
        assert error(client, frame) == 'reply of 4133 bytes exceeds the shared area'
        client.seq += 1
        client.u32(shm.REQUEST_LEN_AT, SMALL_CAPACITY + 1)
        client.u32(shm.REQUEST_SEQ_AT, client.seq)
        deadline = time.monotonic() + TIMEOUT
        while client.u32(shm.REPLY_SEQ_AT) != client.seq and time.monotonic() < deadline:
            time.sleep(0.0001)
        start = shm.HEADER_SIZE + SMALL_CAPACITY
        message = bytes(client.mm[start + 1:start + client.u32(shm.REPLY_LEN_AT)]).decode()
        assert message == 'bad length: a request of 4097 bytes exceeds the shared area of 4096'
        assert call(client, framing.encode_echo(b'\x01\x02')) == 3
        client.send(framing.encode_quit())
        assert finish(client.proc) == (0, b'', '')
    finally:
        client.close()


def test_shm_serves_a_request_posted_before_the_worker_started(private_dir):
    client = ShmClient(private_dir, 'python', spin_us=0,
                       before=lambda c: c.post(framing.encode_echo(b'\x05\x06')))
    try:
        deadline = time.monotonic() + TIMEOUT
        while client.u32(shm.REPLY_SEQ_AT) != 1 and time.monotonic() < deadline:
            time.sleep(0.001)
        start = shm.HEADER_SIZE + client.capacity
        reply = bytes(client.mm[start:start + client.u32(shm.REPLY_LEN_AT)])
        assert framing.decode_reply(reply, False) == 11
        assert call(client, framing.encode_ping()) == 0
    finally:
        client.close()


def test_shm_sequence_wraps_around(private_dir):
    def start_near_the_top(c):
        c.u32(shm.REQUEST_SEQ_AT, 0xfffffffe)
        c.u32(shm.REPLY_SEQ_AT, 0xfffffffe)
        c.seq = 0xfffffffe
    client = ShmClient(private_dir, 'python', before=start_near_the_top)
    try:
        for expected in (0xffffffff, 0, 1):
            assert call(client, framing.encode_ping()) == 0
            assert client.seq == expected
    finally:
        client.close()


def write_bad_area(path, magic=shm.MAGIC, version=shm.VERSION, capacity=SMALL_CAPACITY,
                   size=None):
    with open(path, 'wb') as f:
        f.truncate(shm.file_size(SMALL_CAPACITY) if size is None else size)
        f.write(struct.pack('<IIQ', magic, version, capacity))


@pytest.mark.parametrize('fields, message', [
    (dict(magic=0x12345678), 'bad magic 0x12345678, expected 0x48534247 ("GBSH")'),
    (dict(version=1), 'version 1, this worker speaks version 2'),
    (dict(capacity=100), 'capacity 100 is not a positive multiple of 4096'),
    (dict(size=shm.file_size(SMALL_CAPACITY) + 4096), 'file of 16384 bytes, expected 12288'),
    (dict(size=100), 'file of 100 bytes is smaller than the 4096-byte header'),
])
def test_shm_bad_layout_exits_1_with_one_line(private_dir, fields, message):
    path = os.path.join(private_dir, 'worker.shm')
    write_bad_area(path, **fields)
    proc = spawn('python', '--transport', 'shm', '--shm', path)
    try:
        code, out, stderr = finish(proc)
    finally:
        kill(proc)
    assert code == 1
    assert stderr.startswith('gluebench worker: %s: %s' % (path, message)), stderr
    assert stderr.count('\n') == 1 and 'Traceback' not in stderr


@pytest.mark.parametrize('args', [
    ['--transport', 'shm'], ['--transport', 'uds'], ['--transport', 'tcp'],
    ['--transport', 'shm', '--shm', 'x', '--spin-us', '-1'],
])
def test_bad_arguments_exit_2(args):
    proc = spawn('python', *args)
    try:
        code, _, stderr = finish(proc)
    finally:
        kill(proc)
    assert code == 2 and 'usage:' in stderr


def test_shm_wait_phases_in_process(private_dir):
    """The server loop in this process, stdin replaced by a pipe we hold: a request is served
    in each wait phase (spin, yield, sleep), and EOF on the pipe ends serve()."""
    import threading
    path = os.path.join(private_dir, 'worker.shm')
    shm.create(path, SMALL_CAPACITY)
    area = shm.SharedArea(path)
    r, w = os.pipe()
    served = []

    def handle(payload):
        served.append(bytes(payload))
        return framing.encode_ok_int(len(payload))
    server = shm.ShmServer(area, spin_us=1000, stdin_fd=r)
    thread = threading.Thread(target=server.serve, args=(handle, KeyError))
    thread.start()
    try:
        header = area.header
        for i, idle in enumerate((0, 0.0005, 0.01), 1):
            time.sleep(idle)
            area.request[:3] = b'abc'
            header[shm.REQUEST_LEN] = i
            header[shm.REQUEST_SEQ] = i
            deadline = time.monotonic() + TIMEOUT
            while header[shm.REPLY_SEQ] != i and time.monotonic() < deadline:
                time.sleep(0.0001)
            assert header[shm.REPLY_SEQ] == i
            assert header[shm.REPLY_LEN] == 9
            assert framing.decode_reply(area.reply[:9], False) == i
        os.write(w, b'ignored')     # data on stdin is drained, not EOF
        time.sleep(0.01)
        assert thread.is_alive()
    finally:
        os.close(w)
        thread.join(TIMEOUT)
        os.close(r)
    assert not thread.is_alive()
    assert served == [b'a', b'ab', b'abc']
    assert area.close()
