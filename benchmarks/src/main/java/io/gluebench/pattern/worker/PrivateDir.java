package io.gluebench.pattern.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory only this user can enter (0700), for a socket or a shared-memory file. */
final class PrivateDir {
    private PrivateDir() {
    }

    private static final java.util.regex.Pattern OURS = java.util.regex.Pattern.compile("gluebench-(?:shm|uds)-(\\d+)-.*");

    /**
     * Creates it under {@code base}, or the temporary directory when base is null, named
     * prefix + this JVM's pid + "-" + a random part, so that {@link #sweepOrphans} can tell whose it is.
     */
    static Path create(Path base, String prefix) throws IOException {
        var perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        String named = prefix + ProcessHandle.current().pid() + "-";
        return base == null ? Files.createTempDirectory(named, perms) : Files.createTempDirectory(base, named, perms);
    }

    /**
     * Deletes the socket and shared-memory directories of JVMs that are gone (a fork killed with
     * -9 or crashed, so that its close never ran); returns how many. The worker removes its own
     * file when its client dies; this is the backstop for the directory and for a worker that died too.
     */
    static int sweepOrphans() {
        int swept = 0;
        for (Path base : new Path[] {Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir"))}) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(base)) {
                for (Path dir : entries.toList()) {
                    var m = OURS.matcher(dir.getFileName().toString());
                    if (m.matches() && Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        long pid = Long.parseLong(m.group(1));
                        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                            delete(dir);
                            swept++;
                        }
                    }
                }
            } catch (IOException | NumberFormatException ignored) {
                // Best effort: an unreadable base is left alone.
            }
        }
        return swept;
    }

    /** Deletes it and what it holds; best effort, never throws. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Left for the OS's temporary-file clean-up.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
