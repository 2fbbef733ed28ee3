"""One call per process, the script-style integration (spawn-per-call):

    python -m gluebench_py.once [--workload-file FILE]

reads exactly one request frame of gluebench_py.framing from stdin, answers it with the pure
workloads on stdout (the same reply frame as the worker) and exits 0. The client closes stdin
after its request: bytes after the frame are an error. An error in the request is an error
reply (exit 0, as the worker would answer it); no frame, a truncated frame or trailing bytes
exit 1 with a one-line message on stderr. Everything a run pays for is paid on every call: the
interpreter's start-up, the imports, the workload's compute. With --workload-file, the process
first loads the user's file (the worker's LOAD), so the shape ops call its compute; a file that
does not load is the error reply.
"""
import os
import sys

from gluebench_py import framing
from gluebench_py.worker import PythonCompute, Quit, Worker


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    user = None
    if len(argv) == 2 and argv[0] == '--workload-file':
        user = argv[1]
    elif argv:
        sys.stderr.write('usage: python -m gluebench_py.once [--workload-file FILE]\n')
        return 2
    try:
        payload = framing.read_frame(0)
        if payload is None:
            raise framing.ProtocolError('no request: stdin ended before a frame')
        if os.read(0, 1):
            raise framing.ProtocolError('bytes after the request frame: one call per process')
    except framing.ProtocolError as e:
        sys.stderr.write('gluebench once: %s\n' % e)
        return 1
    # fd 1 carries the reply frame only: anything printed by mistake goes to stderr instead.
    sys.stdout = sys.stderr
    worker = Worker(PythonCompute(), -1, 1)
    if user is not None:
        # A workload from the user's file: import it, as a script would on every call.
        loaded = worker.handle(memoryview(bytes([framing.OP_LOAD, 0]) + user.encode('utf-8')))
        if loaded[framing.HEADER.size] != framing.STATUS_OK:
            worker.write(loaded)
            return 0
    try:
        reply = worker.handle(memoryview(payload))
    except Quit:
        return 0            # QUIT has no reply, here as in the worker
    worker.write(reply)
    return 0


if __name__ == '__main__':
    sys.exit(main())
