package io.gluebench.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes run.json. Writes are atomic: a temporary file renamed over the old one. */
public final class RunStore {
    public static final String RUN_FILE = "run.json";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ObjectMapper mapper() {
        return mapper;
    }

    public void write(Path runDir, Run run) throws IOException {
        writeJson(runDir.resolve(RUN_FILE), run);
    }

    public void writeJson(Path file, Object value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            mapper.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a run folder's run.json; a bad file gives a {@link ResultFormatException} naming it. */
    public Run read(Path runDir) throws ResultFormatException {
        Path file = Files.isDirectory(runDir) ? runDir.resolve(RUN_FILE) : runDir;
        if (!Files.isRegularFile(file)) {
            throw new ResultFormatException(file + ": no such run file (expected a run folder holding run.json)");
        }
        Run run;
        try {
            run = mapper.readValue(file.toFile(), Run.class);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(file + ": not a valid run file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ResultFormatException(file + ": cannot read: " + e.getMessage());
        }
        if (run == null) {
            throw new ResultFormatException(file + ": empty run file");
        }
        if (run.formatVersion() != Run.FORMAT_VERSION) {
            throw new ResultFormatException(file + ": formatVersion " + run.formatVersion()
                    + " is not supported (this gluebench reads " + Run.FORMAT_VERSION + ")");
        }
        return run;
    }
}
