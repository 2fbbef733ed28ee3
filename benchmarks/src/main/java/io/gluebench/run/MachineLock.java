package io.gluebench.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One benchmark at a time on a machine. Two runs measuring at once skew each other's times, and
 * every fork needs JMH's own machine-wide lock, so a second run would only collect failures. A run
 * holds an OS file lock on {@value #FILE} in the temporary directory for its whole life (the OS
 * releases it when the process ends, however it ends) and writes its pid and folder into the file,
 * so a refused run can say who holds it. JMH's lock ({@value #JMH_FILE}) is checked up front too: a
 * plain JMH benchmark running elsewhere on the machine refuses the run before anything is measured.
 */
final class MachineLock implements AutoCloseable {
    static final String FILE = "gluebench-run.lock";
    static final String JMH_FILE = "jmh.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Takes the machine's gluebench lock in {@code dir}, or refuses in one line naming the run that
     * holds it and the way out.
     */
    static MachineLock take(Path dir) throws UsageException, IOException {
        Path f = dir.resolve(FILE);
        FileChannel ch = open(f);
        FileLock l = tryLock(ch);
        if (l == null) {
            ch.close();
            throw new UsageException("another gluebench run is measuring on this machine (" + holder(dir)
                    + "): two runs skew each other's times; wait for it, or pass --allow-concurrent to run anyway "
                    + "(the run is marked as such)");
        }
        return new MachineLock(ch, l);
    }

    private static FileChannel open(Path f) throws IOException {
        return FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The lock, or null when another process (or this JVM) holds it. */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException inThisJvm) {
            return null;
        }
    }

    /** Who holds the lock in {@code dir}: "process P, FOLDER", or a note that it is not known. */
    static String holder(Path dir) {
        try {
            String s = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "a process that has not said which" : s;
        } catch (IOException e) {
            return "a process that has not said which";
        }
    }

    /** Says, in the lock file, which run holds it. */
    void describe(Path runDir) throws IOException {
        byte[] text = ("process " + ProcessHandle.current().pid() + ", " + runDir).getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    /**
     * Null when JMH's machine-wide lock in {@code dir} is free; otherwise why this run cannot measure
     * now, with the remedy. The lock is released again at once: each fork takes it in turn.
     */
    static String jmhLockHeld(Path dir) {
        Path f = dir.resolve(JMH_FILE);
        try (FileChannel ch = open(f)) {
            FileLock l = tryLock(ch);
            if (l == null) {
                return "another JMH benchmark is running on this machine (it holds JMH's lock " + f
                        + "): its times and this run's would skew each other, and every fork would fail on the lock; "
                        + "wait for it to finish, then run again";
            }
            l.release();
            return null;
        } catch (IOException e) {
            return null;    // unreadable: JMH itself will say so in the first fork
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // The lock goes with the process anyway.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
