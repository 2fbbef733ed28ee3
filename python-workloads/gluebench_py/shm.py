"""The worker's shared-memory transport: one memory-mapped file, two data areas, two counters.

    python -m gluebench_py.worker --compute C --transport shm --shm PATH [--spin-us N]

The JVM creates PATH (mode 0600, in a 0700 directory under /dev/shm when it exists) of
HEADER_SIZE + 2 * capacity bytes, capacity a positive multiple of 4096, and both sides map the
whole file MAP_SHARED. Layout, little-endian, offsets in bytes:

    0     u32 magic 0x48534247 ("GBSH")
    4     u32 version = 2
    8     u64 capacity (bytes of each data area)
    64    u32 request_seq   written only by the JVM (its own cache line, with request_len)
    68    u32 request_len   bytes of the request payload
    128   u32 reply_seq     written only by the worker (its own cache line, with reply_len)
    132   u32 reply_len     bytes of the reply payload

Each length shares its sequence's 64-byte cache line (version 1 gave each its own line), so a
round trip moves two header lines between the cores, not four: at N=0 on split cores that cut
the worker's round trip measurably (see docs/startup-and-callers.md, transports).
    4096             request area [capacity]: op byte + body, no length prefix
    4096 + capacity  reply area [capacity]: status byte + result or message, no length prefix

One round trip: the JVM writes the request payload and request_len, then request_seq =
previous + 1 (a release store, last). The worker waits until request_seq differs from the last
sequence it served (at start: reply_seq, so a request written before the worker came up is
served), hands the request payload to Worker.handle as a memoryview slice of the mapping (numpy
views it in place), writes the reply payload and reply_len, then reply_seq = request_seq. A reply
that does not fit is replaced by the error reply "reply of N bytes exceeds the shared area".
QUIT (op 255) ends the worker without a reply.

Ordering: x86-64 is TSO, and the counters are read and written through a memoryview cast to
'I' (one aligned native 32-bit load or store each), after the payload; the JVM uses VarHandle
release/acquire on its side.

Wait strategy (the JVM's is the same): spin on request_seq for up to spin_us microseconds
(--spin-us, default 50; 0 with same-core placement, where spinning only burns the time slice the
peer needs), then sched_yield() in a loop for up to 1 ms, then sleep with exponential backoff
from 20 us to 1 ms (the idle worker between benchmark iterations). stdin is a pipe from the JVM:
in the sleep phase, and in the other phases at least every 100 ms, it is polled; EOF there (the
JVM died or closed it) ends the worker with exit status 0, so it never outlives the JVM. The same
check also ends it when its parent process changes (the JVM died and the worker was reparented),
which covers a stdin that is not a pipe (/dev/null, a terminal: those are not watched).
"""
import mmap
import os
import select
import stat
import struct
import sys
import time

from gluebench_py import framing

MAGIC = 0x48534247              # "GBSH" read as a little-endian u32
VERSION = 2
HEADER_SIZE = 4096
PAGE = 4096
DEFAULT_CAPACITY = 64 * 1024 * 1024 + 4096

# Byte offsets of the header fields.
MAGIC_AT = 0
VERSION_AT = 4
CAPACITY_AT = 8
REQUEST_SEQ_AT = 64
REPLY_SEQ_AT = 128
REQUEST_LEN_AT = 68
REPLY_LEN_AT = 132

# Indexes of the u32 fields in the header viewed as an array of u32.
REQUEST_SEQ = REQUEST_SEQ_AT // 4
REPLY_SEQ = REPLY_SEQ_AT // 4
REQUEST_LEN = REQUEST_LEN_AT // 4
REPLY_LEN = REPLY_LEN_AT // 4

PREFIX = struct.Struct('<IIQ')      # magic, version, capacity

DEFAULT_SPIN_US = 50
YIELD_NS = 1000000                  # sched_yield phase: 1 ms
SLEEP_MIN_S = 20e-6                 # backoff: 20 us ...
SLEEP_MAX_S = 1e-3                  # ... doubling up to 1 ms
SMALL_REPLY = 256                   # replies up to this size are sliced as bytes
CHECK_EVERY_NS = 100000000          # poll stdin at least every 100 ms, whatever the phase


class LayoutError(Exception):
    """The file is not a shared area this worker can serve; the message is one line."""


class ClientGone(Exception):
    """stdin reached EOF, or the parent process changed: the JVM is gone."""


def is_pipe(fd):
    """Is fd a pipe or a socket (a stream whose EOF means the other end closed)?"""
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def file_size(capacity):
    return HEADER_SIZE + 2 * capacity


def create(path, capacity=DEFAULT_CAPACITY):
    """Create (or truncate) path as an empty shared area of the given capacity, mode 0600, the
    way the JVM does. For tests and tools; returns nothing."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.ftruncate(fd, file_size(capacity))
        os.pwrite(fd, PREFIX.pack(MAGIC, VERSION, capacity), 0)
    finally:
        os.close(fd)


class SharedArea:
    """The mapped file, validated; header counters and the two data areas as memoryviews."""

    def __init__(self, path):
        if sys.byteorder != 'little':
            raise LayoutError('the shm transport needs a little-endian host')
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError as e:
            raise LayoutError('cannot open %s: %s' % (path, e.strerror))
        try:
            size = os.fstat(fd).st_size
            if size < HEADER_SIZE:
                raise LayoutError('%s: file of %d bytes is smaller than the %d-byte header'
                                  % (path, size, HEADER_SIZE))
            try:
                self.mm = mmap.mmap(fd, size, mmap.MAP_SHARED,
                                    mmap.PROT_READ | mmap.PROT_WRITE)
            except OSError as e:
                raise LayoutError('cannot map %s: %s' % (path, e.strerror or e))
        finally:
            os.close(fd)        # the mapping keeps the file
        magic, version, capacity = PREFIX.unpack_from(self.mm, 0)
        problem = None
        if magic != MAGIC:
            problem = 'bad magic 0x%08x, expected 0x%08x ("GBSH")' % (magic, MAGIC)
        elif version != VERSION:
            problem = 'version %d, this worker speaks version %d' % (version, VERSION)
        elif capacity == 0 or capacity % PAGE:
            problem = 'capacity %d is not a positive multiple of %d' % (capacity, PAGE)
        elif size != file_size(capacity):
            problem = ('file of %d bytes, expected %d (4096 + 2 x capacity %d)'
                       % (size, file_size(capacity), capacity))
        if problem:
            self.mm.close()
            raise LayoutError('%s: %s' % (path, problem))
        self.capacity = capacity
        whole = memoryview(self.mm)
        self.header = whole[:HEADER_SIZE].cast('I')
        self.request = whole[HEADER_SIZE:HEADER_SIZE + capacity]
        self.reply = whole[HEADER_SIZE + capacity:]
        whole.release()

    def close(self):
        """Release the views and unmap. Return False (and leave the mapping to the exit) if a
        view of it is still alive somewhere."""
        try:
            for view in (self.header, self.request, self.reply):
                view.release()
            self.mm.close()
        except BufferError:
            return False
        return True


class ShmServer:
    """Serves requests from a SharedArea to a handle function (Worker.handle) until QUIT or
    stdin EOF."""

    def __init__(self, area, spin_us=DEFAULT_SPIN_US, stdin_fd=0):
        self.area = area
        self.spin_ns = max(0, int(spin_us)) * 1000
        self.stdin_fd = stdin_fd
        self.poller = None
        if is_pipe(stdin_fd):
            self.poller = select.poll()
            self.poller.register(stdin_fd, select.POLLIN)
        self.parent = os.getppid()

    def serve(self, handle, quit_exception):
        """Serve until handle raises quit_exception or the client is gone (stdin EOF, another
        parent); then return."""
        area = self.area
        header = area.header
        request = area.request
        reply = area.reply
        capacity = area.capacity
        wait = self.wait
        prefix = framing.HEADER.size
        served = header[REPLY_SEQ]
        try:
            while True:
                # The hot path, kept to a few bytecodes: a request already published is served
                # without entering wait().
                seq = header[REQUEST_SEQ]
                if seq == served:
                    seq = wait(served)
                length = header[REQUEST_LEN]
                if length > capacity:
                    frame = framing.encode_error(
                        'bad length: a request of %d bytes exceeds the shared area of %d'
                        % (length, capacity))
                else:
                    # A slice of the mapping: the computes view it in place. Their views die
                    # with the call (nothing keeps one), so the mapping can be closed at exit.
                    try:
                        frame = handle(request[:length])
                    except quit_exception:
                        return
                size = len(frame) - prefix
                if size > capacity:
                    self.put_reply(frame)
                elif size <= SMALL_REPLY:
                    reply[:size] = frame[prefix:]       # a few bytes: copying beats a view
                    header[REPLY_LEN] = size
                else:
                    reply[:size] = memoryview(frame)[prefix:]
                    header[REPLY_LEN] = size
                header[REPLY_SEQ] = seq     # last: publishes reply_len and the reply
                served = seq
        except ClientGone:
            return

    def put_reply(self, frame):
        """Copy the payload of a reply frame (after its 4-byte length) into the reply area."""
        size = len(frame) - framing.HEADER.size
        if size > self.area.capacity:
            frame = framing.encode_error('reply of %d bytes exceeds the shared area' % size)
            size = len(frame) - framing.HEADER.size
        self.area.reply[:size] = memoryview(frame)[framing.HEADER.size:]
        self.area.header[REPLY_LEN] = size

    def wait(self, served):
        """Return request_seq once it differs from served: spin, then yield, then sleep.
        Raise ClientGone when stdin reaches EOF (or the parent changes) meanwhile."""
        header = self.area.header
        seq = header[REQUEST_SEQ]
        if seq != served:
            return seq
        clock = time.monotonic_ns
        now = clock()
        next_check = now + CHECK_EVERY_NS
        # 1. spin: four looks at the counter per clock read, so the clock (a vDSO call) does
        # not set the reaction time
        end = now + self.spin_ns
        while now < end:
            seq = header[REQUEST_SEQ]
            if seq != served:
                return seq
            seq = header[REQUEST_SEQ]
            if seq != served:
                return seq
            seq = header[REQUEST_SEQ]
            if seq != served:
                return seq
            seq = header[REQUEST_SEQ]
            if seq != served:
                return seq
            now = clock()
            if now >= next_check:
                self.check_stdin()
                next_check = now + CHECK_EVERY_NS
        # 2. yield the CPU to whoever wants it, for up to 1 ms
        end = now + YIELD_NS
        while now < end:
            os.sched_yield()
            seq = header[REQUEST_SEQ]
            if seq != served:
                return seq
            now = clock()
            if now >= next_check:
                self.check_stdin()
                next_check = now + CHECK_EVERY_NS
        # 3. sleep, 20 us doubling to 1 ms; stdin is polled before every sleep
        pause = SLEEP_MIN_S
        while True:
            self.check_stdin()
            time.sleep(pause)
            seq = header[REQUEST_SEQ]
            if seq != served:
                return seq
            pause = min(2 * pause, SLEEP_MAX_S)

    def check_stdin(self):
        """Raise ClientGone if stdin (a pipe) is at EOF or broken, or if the parent process
        changed; drop anything written to stdin."""
        if os.getppid() != self.parent:
            raise ClientGone()
        if self.poller is None or not self.poller.poll(0):
            return
        try:
            data = os.read(self.stdin_fd, 65536)
        except BlockingIOError:
            return
        except OSError:
            raise ClientGone()
        if not data:
            raise ClientGone()
