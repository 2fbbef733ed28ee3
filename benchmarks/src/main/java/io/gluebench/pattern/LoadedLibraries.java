package io.gluebench.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which shared libraries this process has mapped, read from /proc/self/maps. Jep and PEMJA each
 * start the process's one CPython and assume they own it; a pattern asks here before it starts
 * CPython, so that the second of them fails with a sentence instead of a fatal error in CPython.
 */
public final class LoadedLibraries {
    private LoadedLibraries() {
    }

    /** True when a mapped file's name starts with {@code prefix} (false where /proc is absent). */
    public static boolean mapped(String prefix) {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(l -> l.substring(l.lastIndexOf('/') + 1)).anyMatch(name -> name.startsWith(prefix));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
