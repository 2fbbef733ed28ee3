package io.gluebench.pattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a child process's captured stderr, for the one-line-plus-context errors patterns give. */
public final class StderrTail {
    private StderrTail() {
    }

    /** The last 15 lines of {@code file}, or a note that it could not be read. */
    public static String of(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
