package io.gluebench.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a pattern keeps the files a child process writes (a worker's or a Py4J peer's stderr). In a
 * run, the harness gives every fork the run's own scratch folder ({@value #PROPERTY}) and empties it
 * after each fork, so a fork that is killed (Ctrl-C, a timeout) leaves nothing in the machine's
 * temporary directory. Outside a run (tests, {@code curve}) the files go to the temporary directory
 * and each owner deletes its own on close.
 */
public final class Scratch {
    public static final String PROPERTY = "gluebench.scratch";
    /** The scratch folder's name inside a run folder. */
    public static final String FOLDER = ".scratch";

    private Scratch() {
    }

    /** A new empty file for a child's output, in the run's scratch folder when there is one. */
    public static Path newFile(String prefix, String suffix) throws IOException {
        String dir = System.getProperty(PROPERTY);
        if (dir != null && !dir.isBlank()) {
            Path d = Path.of(dir);
            Files.createDirectories(d);
            return Files.createTempFile(d, prefix, suffix);
        }
        Path f = Files.createTempFile(prefix, suffix);
        f.toFile().deleteOnExit();      // outside a run only: the owner deletes it on close
        return f;
    }

    /** Deletes a child's file on its owner's close; a failure is left to the run's clean after the fork. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The run empties its scratch folder after the fork.
        }
    }

    /** The JVM argument that points a fork at its run's scratch folder. */
    public static String jvmArgument(Path runDir) {
        return "-D" + PROPERTY + "=" + runDir.resolve(FOLDER);
    }

    /** Deletes what the forks left in the run's scratch folder (the files of killed children), and the folder. */
    public static void clean(Path runDir) {
        Path d = runDir.resolve(FOLDER);
        if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(d);
        } catch (IOException ignored) {
            // A file still open by a child being killed: the next fork's clean removes it.
        }
    }
}
