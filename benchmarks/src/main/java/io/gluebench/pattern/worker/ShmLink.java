package io.gluebench.pattern.worker;

import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One memory-mapped file that the JVM and the worker both map (python-workloads/gluebench_py/shm.py
 * is the other side). The file lives in a private 0700 directory under /dev/shm, created 0600, and
 * is deleted with its directory on close.
 *
 * <pre>
 *   0    u32 magic "GBSH"     4  u32 version 2     8  u64 capacity of each data area
 *   64   u32 request_seq (JVM)    68  u32 request_len   (one cache line)
 *   128  u32 reply_seq (worker)   132 u32 reply_len     (one cache line)
 *   4096 request area, then the reply area, capacity bytes each
 * </pre>
 *
 * A round trip: the JVM encodes the request straight into the mapping (the one unavoidable copy),
 * stores its length, then publishes request_seq + 1 with a release store; the worker answers into
 * the reply area and publishes reply_seq = request_seq. Payloads are never copied again: numpy
 * views the request in place, and the JVM decodes the reply where it lies.
 *
 * <p>Waiting: spin for {@code spinMicros} (the default 50 µs is far above a round trip when the
 * peer has its own core, so a hot loop never sleeps), then {@code Thread.yield()} for up to 1 ms
 * (on one core, the peer needs our time slice), then park with a backoff from 20 µs to 1 ms (an idle
 * peer between benchmark iterations). With both processes on one core, spinning only delays the
 * peer, so that placement should pass 0. No futex: Java has no portable one, and the three phases
 * bound both the latency and the CPU burnt.
 */
final class ShmLink implements Link {
    static final int MAGIC = 0x48534247;
    static final int VERSION = 2;
    static final long DATA = 4096;
    static final long REQUEST_SEQ = 64;
    static final long REPLY_SEQ = 128;
    static final long REQUEST_LEN = 68;
    static final long REPLY_LEN = 132;
    /** Each data area; tmpfs allocates pages only when touched, so unused capacity costs nothing. */
    static final int DEFAULT_CAPACITY = 256 << 20;

    private static final VarHandle INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final long YIELD_NANOS = 1_000_000;

    private final Path dir;
    private final Path file;
    private final Arena arena;
    private final MemorySegment seg;
    private final int capacity;
    private final long spinNanos;
    private final ByteBuffer requestArea;
    private final ByteBuffer replyArea;
    private Process worker;
    private int seq;

    ShmLink(int capacity, int spinMicros) throws IOException {
        this.capacity = capacity;
        this.spinNanos = spinMicros * 1000L;
        Path shm = Path.of("/dev/shm");
        dir = PrivateDir.create(Files.isDirectory(shm) && Files.isWritable(shm) ? shm : null, "gluebench-shm-");
        file = dir.resolve("worker.shm");
        Arena a = Arena.ofShared();
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel fc = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                seg = fc.map(FileChannel.MapMode.READ_WRITE, 0, DATA + 2L * capacity, a);
            }
        } catch (IOException | RuntimeException e) {
            a.close();
            PrivateDir.delete(dir);
            throw e;
        }
        arena = a;
        seg.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0, MAGIC);
        seg.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 4, VERSION);
        seg.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8, capacity);
        requestArea = seg.asSlice(DATA, capacity).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        replyArea = seg.asSlice(DATA + capacity, capacity).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    Path directory() {
        return dir;
    }

    @Override
    public List<String> workerArguments() {
        return List.of("--transport", "shm", "--shm", file.toString(), "--spin-us", Long.toString(spinNanos / 1000));
    }

    @Override
    public void connect(Process worker) {
        this.worker = worker;
    }

    @Override
    public ByteBuffer request(int need) throws IOException {
        if (need > capacity) {
            throw new IOException("a request of " + need + " bytes exceeds the shared area of " + capacity + " bytes");
        }
        return requestArea.clear();
    }

    @Override
    public ByteBuffer exchange(int length) throws IOException {
        INT.set(seg, REQUEST_LEN, length);
        int s = ++seq;
        INT.setRelease(seg, REQUEST_SEQ, s);
        long start = System.nanoTime();
        long backoff = 20_000;
        while ((int) INT.getAcquire(seg, REPLY_SEQ) != s) {
            long waited = System.nanoTime() - start;
            if (waited < spinNanos) {
                Thread.onSpinWait();
            } else if (waited < spinNanos + YIELD_NANOS) {
                Thread.yield();
            } else {
                if (!worker.isAlive()) {
                    throw new EOFException("the worker exited while a request was in flight");
                }
                LockSupport.parkNanos(backoff);
                backoff = Math.min(2 * backoff, 1_000_000);
            }
        }
        int len = (int) INT.get(seg, REPLY_LEN);
        if (len < 1 || len > capacity) {
            throw new IOException("the worker published a reply of absurd length " + len);
        }
        return replyArea.clear().limit(len);
    }

    @Override
    public void close() {
        try {
            arena.close();
        } catch (IllegalStateException ignored) {
            // Still in use by a closing thread: the mapping goes with the process.
        }
        PrivateDir.delete(dir);
    }
}
