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

    /** Creates it under {@code base}, or the temporary directory when base is null. */
    static Path create(Path base, String prefix) throws IOException {
        var perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        return base == null ? Files.createTempDirectory(prefix, perms) : Files.createTempDirectory(base, prefix, perms);
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
