"""The Py4J peer of the worker: the same request payloads, served through a Py4J ClientServer.

    GLUEBENCH_PY4J_TOKEN=... python -m gluebench_py.py4j_server --compute python|numpy

The JVM starts this process the way PySpark starts its Python side: the Python half of a Py4J
ClientServer, whose entry point (Kernel) implements the Java interface
io.gluebench.pattern.py4j.PyKernel. Java calls Kernel.call once per invocation with a request
payload of gluebench_py.framing (op byte, then body) as Base64 text, and gets the reply payload
(status byte, then the result or a one-line error) back as bytes, which Py4J sends as Base64 and
the JVM decodes into a byte[]. Each request runs through gluebench_py.worker's dispatch, so every
workload is computed and checked exactly as in the worker.

Why the request is text: Py4J hands a Java byte[] argument to Python through a Python loop over
every decoded byte (py4j.protocol.decode_bytearray, ~65 ns a byte), while base64.b64decode does
the same in C (~4 ns a byte). The reply has no such loop: Py4J encodes bytes with the C codec.
Kernel.callBytes takes the request as a Java byte[], the way most code would pass it (the
labelled variant py4j-python-bytes), to show that loop's cost.

Set-up and lifetime:
  - the server listens on 127.0.0.1 only, on a port the OS picks, and prints one line
    "GLUEBENCH_PY4J_PORT <port>" on stdout once it accepts connections;
  - every connection must authenticate with the token in the environment variable
    GLUEBENCH_PY4J_TOKEN (never on the command line, where other users could read it); a
    missing or empty token exits 2;
  - this side never calls into the JVM, so it never connects to a Java server;
  - EOF on stdin (the JVM closed it, or died) shuts the server down and exits 0.
"""
import argparse
import base64
import os
import sys

from gluebench_py import worker

TOKEN_VARIABLE = 'GLUEBENCH_PY4J_TOKEN'
PORT_LINE = 'GLUEBENCH_PY4J_PORT'


class Kernel(object):
    """The entry point the JVM calls: one request payload in, one reply payload out."""

    def __init__(self, compute):
        self.worker = worker.Worker(compute, fd_in=-1, fd_out=-1)

    def call(self, request_base64):
        """Return the reply payload (bytes, without the frame length) for a Base64 request."""
        payload = base64.b64decode(request_base64)
        return self.worker.handle(memoryview(payload))[worker.framing.HEADER.size:]

    def callBytes(self, request):
        """As call, for a request that Py4J has decoded from a Java byte[] (into bytes)."""
        return self.worker.handle(memoryview(request))[worker.framing.HEADER.size:]

    class Java:
        implements = ['io.gluebench.pattern.py4j.PyKernel']


def start(kernel, token):
    """Start a ClientServer serving kernel on an ephemeral loopback port; return it."""
    from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
    return ClientServer(
        java_parameters=JavaParameters(address='127.0.0.1', auth_token=token, auto_convert=False,
                                       eager_load=False),
        python_parameters=PythonParameters(address='127.0.0.1', port=0, auth_token=token,
                                           daemonize=True, daemonize_connections=True),
        python_server_entry_point=kernel)


def listening_port(server):
    """The server's port, once it accepts connections. Py4J binds the socket when the server
    starts but listens only when its thread gets to run: listening here (again, harmlessly)
    closes that window, in which a connection would be refused."""
    callback = server.get_callback_server()
    callback.server_socket.listen(5)
    return callback.get_listening_port()


def stop(server):
    """Close the Python server and its connections. The JVM's side is closed by the JVM."""
    server.shutdown_callback_server()


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m gluebench_py.py4j_server', description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--compute', choices=sorted(worker.COMPUTES), required=True,
                        help='run the pure-Python workloads or the numpy kernels')
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_VARIABLE, '')
    if not token:
        sys.stderr.write('gluebench py4j server: set %s to the auth token\n' % TOKEN_VARIABLE)
        return 2
    server = start(Kernel(worker.COMPUTES[args.compute]()), token)
    try:
        sys.stdout.write('%s %d\n' % (PORT_LINE, listening_port(server)))
        sys.stdout.flush()
        # Nothing else may reach stdout: the JVM reads only the port line.
        sys.stdout = sys.stderr
        while os.read(0, 4096):
            pass
    except KeyboardInterrupt:
        return 130
    finally:
        stop(server)
    return 0


if __name__ == '__main__':
    sys.exit(main())
