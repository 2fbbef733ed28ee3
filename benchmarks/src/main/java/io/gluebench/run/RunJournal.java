package io.gluebench.run;

import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One run folder while it is measured: its lock, its run.json, and the shutdown hook that leaves both
 * valid when the run is interrupted (Ctrl-C, a kill). Every change to the run goes through
 * {@link #update}, which writes run.json atomically ({@link RunStore}) under the one guard the hook
 * also takes: an interrupt never tears a write, and nothing is written after the hook's last word.
 * Points, start-ups, callers and floors are all recorded here, the same way.
 */
final class RunJournal {
    static final String LOCK = ".lock";

    private final RunStore store;
    private final Path dir;
    private final PrintStream err;
    private final Object guard = new Object();
    private volatile boolean interrupted;
    private Run current;
    private Thread hook;

    RunJournal(RunStore store, Path dir, Run first, PrintStream err) {
        this.store = store;
        this.dir = dir;
        this.current = first;
        this.err = err;
    }

    /**
     * Takes the folder's lock (refused while a live process holds it), writes the first run.json and
     * installs the hook: on the way out it kills the forks, stores {@code onInterrupt} of the run as
     * "interrupted" and releases the lock.
     */
    void open(UnaryOperator<Run> onInterrupt) throws IOException {
        lock(dir);
        store.write(dir, current);
        hook = new Thread(() -> {
            synchronized (guard) {
                interrupted = true;
                try {
                    ForkLauncher.killAll();
                    io.gluebench.pattern.Scratch.clean(dir);
                    store.write(dir, onInterrupt.apply(current).finished("interrupted", Instant.now().toString()));
                    Files.deleteIfExists(dir.resolve(LOCK));
                    err.printf("%ninterrupted: %s is valid, its unfinished points are marked; "
                            + "./gluebench run --resume %s finishes it%n", dir, dir);
                } catch (IOException ignored) {
                    // Best effort on the way out.
                }
            }
        }, "gluebench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run as recorded so far. */
    Run current() {
        synchronized (guard) {
            return current;
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    /** Applies a change and writes run.json; false, with nothing written, once the run was interrupted. */
    boolean update(UnaryOperator<Run> change) throws IOException {
        synchronized (guard) {
            if (interrupted) {
                return false;
            }
            current = change.apply(current);
            store.write(dir, current);
            return true;
        }
    }

    /**
     * Stops the run for a reason outside it: stores {@code onStop} of the run as "interrupted" (its
     * unfinished points say --resume finishes them), removes the hook and the lock.
     */
    void stop(UnaryOperator<Run> onStop) throws IOException {
        synchronized (guard) {
            if (interrupted) {
                return;
            }
            interrupted = true;
            current = onStop.apply(current).finished("interrupted", Instant.now().toString());
            store.write(dir, current);
            if (hook != null) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        io.gluebench.pattern.Scratch.clean(dir);
        Files.deleteIfExists(dir.resolve(LOCK));
    }

    /** Marks the run finished with {@code status}, writes it, removes the hook and the lock; false if interrupted. */
    boolean finish(String status) throws IOException {
        synchronized (guard) {
            if (interrupted) {
                return false;
            }
            current = current.finished(status, Instant.now().toString());
            store.write(dir, current);
            if (hook != null) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        io.gluebench.pattern.Scratch.clean(dir);
        Files.deleteIfExists(dir.resolve(LOCK));
        return true;
    }

    /**
     * Creates the lock with this process's id, atomically: a second run into the same folder fails here
     * instead of writing over the first. A lock left by a process that is gone (kill -9) is taken over.
     */
    static void lock(Path dir) throws IOException {
        Path lock = dir.resolve(LOCK);
        String pid = Long.toString(ProcessHandle.current().pid());
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(lock, pid, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return;
            } catch (FileAlreadyExistsException e) {
                Long holder = holder(dir);
                if (holder != null && holder != ProcessHandle.current().pid()) {
                    throw new IOException(dir + " is being run by process " + holder
                            + ": wait for it, or stop it (Ctrl-C) and resume then");
                }
                Files.deleteIfExists(lock);      // left by a process that is gone, or by this one
            }
        }
        throw new IOException("cannot take the lock " + lock + ": another process keeps creating it");
    }

    /** The live process that holds the folder's lock, or null. */
    static Long holder(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(LOCK)).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
