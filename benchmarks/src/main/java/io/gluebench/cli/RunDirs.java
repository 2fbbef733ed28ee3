package io.gluebench.cli;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.run.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** A run folder as the command line names it: a path, or {@code latest}, the newest run under results/. */
final class RunDirs {
    static final String LATEST = "latest";

    private RunDirs() {
    }

    /** {@code given} itself, or for {@code latest} the newest run folder of the project's results/. */
    static Path resolve(Path given) throws UsageException {
        return resolve(given, PatternEnv.fromSystem().resultsDir());
    }

    /** {@code given} itself, or for {@code latest} the newest run folder under {@code root}. */
    static Path resolve(Path given, Path root) throws UsageException {
        if (given == null || !LATEST.equals(given.toString())) {
            return given;
        }
        return latest(root).orElseThrow(() -> new UsageException("latest: there is no run folder under " + root
                + " yet; make one with ./gluebench run"));
    }

    /**
     * The newest run folder two levels under {@code root} (results/MACHINE/RUN holding run.json): run ids
     * start with their start time (yyyyMMdd-HHmmss), so the greatest name is the newest, whichever
     * machine measured it. Links are not followed.
     */
    static Optional<Path> latest(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (Stream<Path> machines = Files.list(root)) {
            return machines.filter(m -> Files.isDirectory(m, LinkOption.NOFOLLOW_LINKS))
                    .flatMap(RunDirs::runsOf)
                    .filter(r -> r.getFileName().toString().matches("\\d{8}-\\d{6}-.+"))
                    .filter(r -> Files.isRegularFile(r.resolve("run.json"), LinkOption.NOFOLLOW_LINKS))
                    .max(Comparator.comparing((Path r) -> r.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Stream<Path> runsOf(Path machine) {
        try (Stream<Path> runs = Files.list(machine)) {
            return runs.filter(r -> Files.isDirectory(r, LinkOption.NOFOLLOW_LINKS)).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
