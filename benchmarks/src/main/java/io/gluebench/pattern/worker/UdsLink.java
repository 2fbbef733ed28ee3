package io.gluebench.pattern.worker;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Unix domain socket (JDK 16+) in a private directory created 0700. The JVM listens, the worker
 * connects; the socket file is removed as soon as the connection is made, the directory on close.
 * Nothing listens on TCP. Frames as over pipes, written from direct buffers (no copy into a
 * temporary one by NIO).
 */
final class UdsLink implements Link {
    static final long ACCEPT_TIMEOUT_NANOS = 30_000_000_000L;

    private final Path dir;
    private final Path socket;
    private ServerSocketChannel server;
    private SocketChannel channel;
    private ByteBuffer req = ByteBuffer.allocateDirect(4 + 256).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer reqView = req.slice(4, req.capacity() - 4).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer header = ByteBuffer.allocateDirect(4).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer reply = ByteBuffer.allocateDirect(64).order(ByteOrder.LITTLE_ENDIAN);

    UdsLink() throws IOException {
        dir = PrivateDir.create(null, "gluebench-uds-");
        socket = dir.resolve("worker.sock");
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    Path directory() {
        return dir;
    }

    @Override
    public List<String> workerArguments() {
        return List.of("--transport", "uds", "--socket", socket.toString());
    }

    @Override
    public void connect(Process worker) throws IOException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + ACCEPT_TIMEOUT_NANOS;
        while ((channel = server.accept()) == null) {
            if (!worker.isAlive()) {
                throw new EOFException("the worker exited before it connected to " + socket);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the worker did not connect to " + socket + " within 30 s");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the worker to connect", e);
            }
        }
        channel.configureBlocking(true);
        server.close();
        server = null;
        Files.deleteIfExists(socket);
    }

    @Override
    public ByteBuffer request(int capacity) {
        if (reqView.capacity() < capacity) {
            req = ByteBuffer.allocateDirect(4 + capacity).order(ByteOrder.LITTLE_ENDIAN);
            reqView = req.slice(4, capacity).order(ByteOrder.LITTLE_ENDIAN);
        }
        return reqView.clear();
    }

    @Override
    public ByteBuffer exchange(int length) throws IOException {
        req.putInt(0, length);
        req.limit(4 + length).position(0);
        while (req.hasRemaining()) {
            channel.write(req);
        }
        req.clear();
        header.clear();
        readFully(header);
        int len = header.getInt(0);
        WorkerProcess.checkReplyLength(len);
        if (reply.capacity() < len) {
            reply = ByteBuffer.allocateDirect(len).order(ByteOrder.LITTLE_ENDIAN);
        }
        reply.clear().limit(len);
        readFully(reply);
        return reply.flip();
    }

    private void readFully(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new EOFException("end of stream from the worker");
            }
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {channel, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // Closing is best effort; the files below are what must not outlive us.
            }
        }
        PrivateDir.delete(dir);
    }
}
