"""The worker's wire format: length-prefixed binary frames, all little-endian.

Request: u32 len, then len payload bytes: u8 op, then the op's body:
    PING  (0)    empty                        -> i64 0
    ECHO  (1)    the raw bytes                -> i64 sum of the unsigned bytes
    DOT   (2)    u32 n, n f64 (a), n f64 (b)  -> f64
    NBODY (3)    u32 steps                    -> f64
    SPECTRALNORM (4)  u32 n                   -> f64
    MANDELBROT (5)    u32 n                   -> i64 the count of points in the set
    MATMUL (6)   u32 n, n*n f64 (A), n*n f64 (B), both row-major -> f64
    SORT  (7)    u32 n, n f64                 -> f64
    FANNKUCH (8) u32 n                        -> i64 checksum << 32 | maxflips
    WORDFREQ (9)  the UTF-8 text              -> wordfreq result
    RECORDS (10)  the records request         -> records result
    CSVPARSE (11) the UTF-8 CSV text          -> csvparse result
  One element per round trip (worker-chatty); the worker keeps a running sum between calls:
    DOT_ADD (12)  f64 a, f64 b                -> i64 pairs added so far; the sum grows by a * b
    DOT_TAKE (13) u32 n                       -> f64 the sum, which is reset; an error when the
                                                 worker added other than n pairs since the last take
    ECHO_ADD (14) one byte                    -> i64 bytes added so far; the sum grows by the byte
    ECHO_TAKE (15) u32 n                      -> i64 the sum of the bytes, reset; checked as DOT_TAKE
  A workload from the user's file (gluebench_py.userfile):
    LOAD (16)    u8 flags, then the file's path in UTF-8
                                              -> i64 0; from then on ECHO, DOT, SORT, WORDFREQ,
                                                 RECORDS and CSVPARSE carry the shape's data to the
                                                 file's compute (compute_numpy with flag 1) and
                                                 answer its number: i64 for an int, f64 for a float,
                                                 the bytes themselves (a payload) for bytes; with
                                                 flag 2 (the reference) as a payload instead: 'i',
                                                 'f' or 'b', then the 8 bytes (for bytes, their
                                                 64-bit FNV-1a digest)
    QUIT  (255)  empty                        -> no reply; the worker exits 0
Reply: u32 len, then payload: u8 status; on STATUS_OK the 8-byte value (i64 or f64, as listed
above) or, for ops 9 to 11, the variable-length result; on STATUS_ERROR a one-line UTF-8
message.

The records request:
    i64 n, n x i64 id, n x i64 amount, n x u8 category length in bytes (1..255),
    then the n categories' UTF-8 bytes, concatenated in record order
The compound results (the same bytes as the C kernels write; no padding):
    wordfreq  i64 distinct, i32 k, then k x {i32 len, len bytes UTF-8 word, i64 count}
    records   i32 k, then k x {i32 len, len bytes UTF-8 category, i64 sum}
    csvparse  i64 intSum, f64 floatSum, i64 textChars

Transports (gluebench_py.worker --transport): the payloads above travel unchanged on each.
    pipe  the frames (u32 len + payload) on the worker's stdin and stdout
    uds   the same frames, both directions, on a Unix domain socket the worker connects to
          (--socket PATH); stdin stays a pipe from the client, its EOF ends the worker
    shm   no frames: the request payload and the reply payload sit in the two data areas of a
          shared memory-mapped file (--shm PATH), their lengths and sequence numbers in its
          header; the layout and the wait strategy are in gluebench_py.shm
"""
import array
import os
import struct
import sys

OP_PING = 0
OP_ECHO = 1
OP_DOT = 2
OP_NBODY = 3
OP_SPECTRALNORM = 4
OP_MANDELBROT = 5
OP_MATMUL = 6
OP_SORT = 7
OP_FANNKUCH = 8
OP_WORDFREQ = 9
OP_RECORDS = 10
OP_CSVPARSE = 11
OP_DOT_ADD = 12
OP_DOT_TAKE = 13
OP_ECHO_ADD = 14
OP_ECHO_TAKE = 15
OP_LOAD = 16
OP_QUIT = 255

STATUS_OK = 0
STATUS_ERROR = 1

HEADER = struct.Struct('<I')        # frame length
U32 = struct.Struct('<I')           # an op's n (NBODY: steps)
OP = struct.Struct('<IB')           # frame length + op: a request header
OK_I64 = struct.Struct('<IBq')      # a whole ok reply carrying an int
OK_F64 = struct.Struct('<IBd')      # a whole ok reply carrying a double
STATUS = struct.Struct('<IB')       # frame length + status: an error reply header
I32 = struct.Struct('<i')           # a compound result's k, an entry's len
I64 = struct.Struct('<q')           # records: n; wordfreq: distinct, a count; records: a sum
CSVPARSE_RESULT = struct.Struct('<qdq')     # intSum, floatSum, textChars
PAIR_F64 = struct.Struct('<dd')     # DOT_ADD: one element of a and of b

OK_REPLY_LENGTH = 9                 # status + 8-byte value
MAX_FRAME = 1 << 30                 # payload bytes the worker accepts (DOT: 64 Mi doubles)
MAX_ERROR_MESSAGE = 1000            # characters


class ProtocolError(Exception):
    """The peer broke the framing (for example, EOF in the middle of a frame)."""


# ---- requests (client side) ---------------------------------------------------------------

def encode_request(op, body=b''):
    """Return one request frame for op with the given body bytes."""
    return OP.pack(1 + len(body), op) + bytes(body)


def encode_ping():
    return encode_request(OP_PING)


def encode_echo(data):
    return encode_request(OP_ECHO, data)


def little_endian_doubles(*sequences):
    """Return the float sequences, one after the other, as little-endian f64 bytes."""
    doubles = array.array('d')
    for seq in sequences:
        doubles.extend(seq)
    if sys.byteorder == 'big':
        doubles.byteswap()
    return doubles.tobytes()


def encode_dot(a, b):
    """Return a DOT frame for two equal-length float sequences."""
    if len(a) != len(b):
        raise ValueError('dot needs equal lengths, got %d and %d' % (len(a), len(b)))
    return encode_request(OP_DOT, U32.pack(len(a)) + little_endian_doubles(a, b))


def encode_nbody(steps):
    return encode_request(OP_NBODY, U32.pack(steps))


def encode_spectralnorm(n):
    return encode_request(OP_SPECTRALNORM, U32.pack(n))


def encode_mandelbrot(n):
    return encode_request(OP_MANDELBROT, U32.pack(n))


def encode_matmul(a, b, n):
    """Return a MATMUL frame for the n x n matrices a and b, each row-major with n*n floats."""
    if len(a) != n * n or len(b) != n * n:
        raise ValueError('matmul needs n*n = %d values in a and b, got %d and %d'
                         % (n * n, len(a), len(b)))
    return encode_request(OP_MATMUL, U32.pack(n) + little_endian_doubles(a, b))


def encode_sort(data):
    return encode_request(OP_SORT, U32.pack(len(data)) + little_endian_doubles(data))


def encode_fannkuch(n):
    return encode_request(OP_FANNKUCH, U32.pack(n))


def utf8(text):
    """Return text as UTF-8 bytes: a str is encoded, bytes-like objects are copied as they are."""
    return text.encode('utf-8') if isinstance(text, str) else bytes(text)


def encode_wordfreq(text):
    """Return a WORDFREQ frame for text (a str, encoded as UTF-8, or the UTF-8 bytes)."""
    return encode_request(OP_WORDFREQ, utf8(text))


def little_endian_longs(values):
    """Return the int sequence as little-endian i64 bytes."""
    longs = array.array('q', values)
    if sys.byteorder == 'big':
        longs.byteswap()
    return longs.tobytes()


def records_request(rows):
    """Return the records request bytes for rows of (id, category, amount); a category is a
    str (encoded as UTF-8) or its UTF-8 bytes."""
    names = [utf8(row[1]) for row in rows]
    for name in names:
        if not 1 <= len(name) <= 255:
            raise ValueError('records needs categories of 1 to 255 UTF-8 bytes, got %r' % name)
    return b''.join([I64.pack(len(rows)),
                     little_endian_longs([row[0] for row in rows]),
                     little_endian_longs([row[2] for row in rows]),
                     bytes(len(name) for name in names)] + names)


def encode_records(rows):
    """Return a RECORDS frame for rows of (id, category str, amount)."""
    return encode_request(OP_RECORDS, records_request(rows))


def encode_csvparse(text):
    """Return a CSVPARSE frame for text (a str, encoded as UTF-8, or the UTF-8 bytes)."""
    return encode_request(OP_CSVPARSE, utf8(text))


def encode_dot_add(a, b):
    """Return a DOT_ADD frame: one element pair of a dot product."""
    return encode_request(OP_DOT_ADD, PAIR_F64.pack(a, b))


def encode_dot_take(n):
    return encode_request(OP_DOT_TAKE, U32.pack(n))


def encode_echo_add(byte):
    """Return an ECHO_ADD frame for one byte (an int 0..255)."""
    return encode_request(OP_ECHO_ADD, bytes((byte,)))


def encode_echo_take(n):
    return encode_request(OP_ECHO_TAKE, U32.pack(n))


def encode_quit():
    return encode_request(OP_QUIT)


# ---- replies ------------------------------------------------------------------------------

def encode_ok_int(value):
    return OK_I64.pack(OK_REPLY_LENGTH, STATUS_OK, value)


def encode_ok_float(value):
    return OK_F64.pack(OK_REPLY_LENGTH, STATUS_OK, value)


def encode_ok_payload(result):
    """Return an ok reply carrying the bytes result (a compound result)."""
    return STATUS.pack(1 + len(result), STATUS_OK) + bytes(result)


def encode_entries(pairs):
    """Return i32 k, then k x {i32 len, the UTF-8 text, i64 value} for (text, value) pairs."""
    parts = [I32.pack(len(pairs))]
    for text, value in pairs:
        raw = text.encode('utf-8')
        parts.append(I32.pack(len(raw)))
        parts.append(raw)
        parts.append(I64.pack(value))
    return b''.join(parts)


def encode_wordfreq_result(distinct, top):
    """Return the wordfreq result bytes for distinct and the (word, count) pairs of top."""
    return I64.pack(distinct) + encode_entries(top)


def encode_records_result(pairs):
    """Return the records result bytes for the (category, sum) pairs."""
    return encode_entries(pairs)


def encode_csvparse_result(int_sum, float_sum, text_chars):
    return CSVPARSE_RESULT.pack(int_sum, float_sum, text_chars)


def encode_error(message):
    """Return an error reply; the message is flattened to one line and shortened."""
    text = ' '.join(str(message).split())[:MAX_ERROR_MESSAGE]
    body = text.encode('utf-8', 'replace')
    return STATUS.pack(1 + len(body), STATUS_ERROR) + body


def decode_reply(payload, as_float):
    """Decode a reply payload (without its length): the value, or raise RuntimeError."""
    if len(payload) < 1:
        raise ProtocolError('empty reply')
    if payload[0] == STATUS_ERROR:
        raise RuntimeError(bytes(payload[1:]).decode('utf-8', 'replace'))
    if payload[0] != STATUS_OK or len(payload) != OK_REPLY_LENGTH:
        raise ProtocolError('malformed reply of %d bytes' % len(payload))
    return struct.unpack_from('<d' if as_float else '<q', payload, 1)[0]


def decode_ok_payload(payload):
    """Return the result bytes of an ok reply payload (without its length) of an op with a
    compound result, or raise RuntimeError for an error reply."""
    if len(payload) < 1:
        raise ProtocolError('empty reply')
    if payload[0] == STATUS_ERROR:
        raise RuntimeError(bytes(payload[1:]).decode('utf-8', 'replace'))
    if payload[0] != STATUS_OK:
        raise ProtocolError('reply with unknown status %d' % payload[0])
    return bytes(payload[1:])


def decode_entries(result, offset):
    """Return ([(text, value), ...], offset after them) read from result at offset."""
    (k,) = I32.unpack_from(result, offset)
    offset += I32.size
    if k < 0:
        raise ProtocolError('negative entry count %d' % k)
    pairs = []
    for _ in range(k):
        (length,) = I32.unpack_from(result, offset)
        offset += I32.size
        if length < 0 or offset + length > len(result):
            raise ProtocolError('entry of %d bytes at offset %d overruns the result'
                                % (length, offset))
        text = result[offset:offset + length].decode('utf-8')
        offset += length
        (value,) = I64.unpack_from(result, offset)
        offset += I64.size
        pairs.append((text, value))
    return pairs, offset


def expect_end(result, offset, what):
    if offset != len(result):
        raise ProtocolError('%s result of %d bytes has %d extra bytes'
                            % (what, len(result), len(result) - offset))


def decode_wordfreq_result(result):
    """Return (distinct, [(word, count), ...]) from wordfreq result bytes."""
    try:
        (distinct,) = I64.unpack_from(result, 0)
        top, offset = decode_entries(result, I64.size)
    except struct.error as e:
        raise ProtocolError('truncated wordfreq result: %s' % e)
    expect_end(result, offset, 'wordfreq')
    return distinct, top


def decode_records_result(result):
    """Return [(category, sum), ...] from records result bytes."""
    try:
        pairs, offset = decode_entries(result, 0)
    except struct.error as e:
        raise ProtocolError('truncated records result: %s' % e)
    expect_end(result, offset, 'records')
    return pairs


def decode_csvparse_result(result):
    """Return (int_sum, float_sum, text_chars) from csvparse result bytes."""
    if len(result) != CSVPARSE_RESULT.size:
        raise ProtocolError('csvparse result of %d bytes, expected %d'
                            % (len(result), CSVPARSE_RESULT.size))
    return CSVPARSE_RESULT.unpack(result)


# ---- reading ------------------------------------------------------------------------------

def read_into(fd, view, need):
    """Read from fd into the writable memoryview view until it holds at least need bytes.

    May read up to len(view) bytes. Return the count read; it is below need only at EOF.
    """
    got = 0
    while got < need:
        n = os.readv(fd, [view[got:]])
        if n == 0:
            break
        got += n
    return got


def read_exact(fd, n):
    """Return exactly n bytes read from fd; raise EOFError if the stream ends first."""
    buf = bytearray(n)
    got = read_into(fd, memoryview(buf), n)
    if got < n:
        raise EOFError('EOF after %d of %d bytes' % (got, n))
    return bytes(buf)


def read_frame(fd):
    """Return the payload of the next frame on fd, or None at EOF before a frame starts."""
    head = bytearray(HEADER.size)
    got = read_into(fd, memoryview(head), HEADER.size)
    if got == 0:
        return None
    if got < HEADER.size:
        raise ProtocolError('EOF inside a frame header')
    (length,) = HEADER.unpack(head)
    try:
        return read_exact(fd, length)
    except EOFError as e:
        raise ProtocolError('EOF inside a frame: %s' % e)
