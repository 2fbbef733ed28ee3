package io.gluebench.run;

import io.gluebench.result.Names;
import io.gluebench.result.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Named baselines, criterion-style: {@code run --save-baseline NAME} records which run folder the
 * name stands for, in {@code results/<machine>/baselines/NAME.json}, and {@code compare --baseline
 * NAME} finds that run again. A name is written once (created new, never overwritten): a name that
 * is taken is refused in one line, so a baseline never changes under a CI job that trusts it.
 */
public final class Baselines {
    public static final String FOLDER = "baselines";

    /** What a baseline file holds: the run folder's name beside it (under the same machine), and when. */
    public record Baseline(String name, String run, String savedAt) {
    }

    private Baselines() {
    }

    /** Null when {@code name} can name a baseline; otherwise why not, in one line. */
    public static String checkName(String name) {
        if (name == null || Fingerprint.MACHINE_NAME.matcher(name).matches()) {
            return null;
        }
        return "baseline name " + Names.quote(name, 60) + " is not a name: use 1 to 64 letters, digits, '.', '_' or '-', "
                + "starting with a letter or digit (e.g. main or v1.2)";
    }

    /** Refuses, before a run starts, a name that machine {@code machineDir} already has. */
    public static void refuseTaken(Path machineDir, String name) throws UsageException {
        Path f = file(machineDir, name);
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("baseline " + name + " already exists (" + f + "); baselines are never overwritten: "
                    + "choose another name, or delete that file to reuse it");
        }
    }

    /** Records that {@code name} is the run in {@code runDir}; refuses a taken name. */
    public static Path save(Path runDir, String name) throws IOException, UsageException {
        Path machineDir = runDir.toAbsolutePath().getParent();
        Files.createDirectories(machineDir.resolve(FOLDER));
        Path f = file(machineDir, name);
        byte[] json = new RunStore().mapper().writeValueAsBytes(
                new Baseline(name, runDir.getFileName().toString(), Instant.now().toString()));
        try {
            Files.write(f, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException taken) {
            refuseTaken(machineDir, name);
        }
        return f;
    }

    /**
     * The run folder of baseline {@code name} of the machine in {@code machineDir}, or a refusal in
     * one line that lists the names there are.
     */
    public static Path resolve(Path machineDir, String name) throws UsageException {
        String bad = checkName(name);
        if (bad != null) {
            throw new UsageException(bad);
        }
        Path f = file(machineDir, name);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            List<String> names = names(machineDir);
            throw new UsageException("no baseline " + name + " for this machine (" + machineDir.getFileName() + ")"
                    + Suggest.closest(name, names) + "; " + (names.isEmpty()
                            ? "save one with ./gluebench run --save-baseline " + name
                            : "its baselines: " + String.join(", ", names)));
        }
        Baseline b;
        try {
            b = new RunStore().mapper().readValue(Files.readString(f, StandardCharsets.UTF_8), Baseline.class);
        } catch (IOException e) {
            throw new UsageException(f + ": not a baseline file; delete it and save the baseline again");
        }
        if (b.run() == null || !b.run().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new UsageException(f + ": run: not a run folder's name; delete the file and save the baseline again");
        }
        Path run = machineDir.resolve(b.run());
        if (!Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("baseline " + name + " names run " + b.run() + ", which is no longer in "
                    + machineDir + "; restore that folder, or delete " + f + " and save the baseline again");
        }
        return run;
    }

    /** The baseline names machine {@code machineDir} has, sorted. */
    public static List<String> names(Path machineDir) {
        Path dir = machineDir.resolve(FOLDER);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path file(Path machineDir, String name) {
        return machineDir.resolve(FOLDER).resolve(name + ".json");
    }
}
