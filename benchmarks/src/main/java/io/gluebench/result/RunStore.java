package io.gluebench.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes run.json. Writes are atomic: a temporary file renamed over the old one.
 *
 * <p>Reads treat the file as untrusted input (run folders are copied between machines): the file
 * size, nesting depth, number and string lengths are bounded before parsing, duplicate fields and
 * trailing data are refused, no type information from the file is honoured (Jackson's default
 * typing stays off: records and plain maps only), and the parsed run passes {@link RunValidator}.
 * Every problem is one {@link ResultFormatException} naming the file and the field.
 */
public final class RunStore {
    public static final String RUN_FILE = "run.json";
    /** The largest run.json (or JMH JSON) read: far above any real run (a full run is a few MB). */
    public static final long MAX_FILE_BYTES = 256L << 20;
    public static final int MAX_NESTING = 64;
    public static final int MAX_NUMBER_CHARS = 100;
    public static final int MAX_STRING_CHARS = 1_000_000;
    public static final int MAX_NAME_CHARS = 1_000;

    private final ObjectMapper mapper = readerMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A mapper for untrusted JSON: bounded parsing, strict syntax, no polymorphic typing. */
    public static ObjectMapper readerMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxDocumentLength(MAX_FILE_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

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
        checkReadable(file, "run file (expected a run folder holding run.json)");
        Run run;
        try {
            run = mapper.readValue(file.toFile(), Run.class);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(jsonProblem(file, e, "not a valid run file"));
        } catch (IOException e) {
            throw new ResultFormatException(Names.oneLine(file + ": cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            throw new ResultFormatException(Names.oneLine(file + ": not a valid run file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + cut(e.getMessage()))));
        }
        RunValidator.validate(run, file.toString());
        return splitStoredSeries(run, file.toString());
    }

    /**
     * Format 1, and format 2 before its points kept the two apart, stored a point's series name
     * "pattern@placement" in its pattern field (and in its verification's). They are read as the
     * pattern, with the placement in its own field, as current runs store them. This is the one
     * place a series name is split; a suffix that disagrees with the stored placement is refused.
     */
    static Run splitStoredSeries(Run run, String file) throws ResultFormatException {
        List<Point> points = new ArrayList<>(run.points().size());
        boolean changed = false;
        for (int i = 0; i < run.points().size(); i++) {
            Point p = run.points().get(i);
            int at = p.pattern().indexOf('@');
            if (at < 0) {
                points.add(p);
                continue;
            }
            String pattern = p.pattern().substring(0, at);
            String placement = p.pattern().substring(at + 1);
            if (p.placement() != null && !p.placement().equals(placement)) {
                throw new ResultFormatException(Names.oneLine(file + ": points[" + i + "].pattern: '" + p.pattern()
                        + "' names placement " + placement + " but the point's placement is " + p.placement()));
            }
            Verification v = p.verification();
            if (v != null && v.pattern() != null && v.pattern().equals(p.pattern())) {
                v = new Verification(v.workload(), pattern, v.size(), v.value(), v.reference(), v.ok(), v.engine(),
                        v.error(), v.structured());
            }
            points.add(p.withPatternAt(pattern, placement, v));
            changed = true;
        }
        return changed ? run.withPoints(points) : run;
    }

    /** Refuses what is not a regular file or is larger than {@link #MAX_FILE_BYTES}, before any parsing. */
    public static void checkReadable(Path file, String what) throws ResultFormatException {
        if (Files.isSymbolicLink(file)) {
            throw new ResultFormatException(Names.oneLine(file + " is a symbolic link; gluebench does not follow links in a "
                    + "run folder (copy the file in its place)"));
        }
        if (!Files.isRegularFile(file)) {
            throw new ResultFormatException(Names.oneLine(file + ": no such " + what));
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ResultFormatException(Names.oneLine(file + ": cannot read: " + e.getMessage()));
        }
        if (size > MAX_FILE_BYTES) {
            throw new ResultFormatException(Names.oneLine(file + ": " + size + " bytes is too large (at most "
                    + (MAX_FILE_BYTES >> 20) + " MiB are read)"));
        }
    }

    /** One line for a Jackson failure: the file, the field path (e.g. points[3].size) or position, and what. */
    public static String jsonProblem(Path file, JsonProcessingException e, String what) {
        StringBuilder field = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(Names.quote(r.getFieldName(), 60));
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                }
            }
        }
        String raw = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        String original = JsonWords.of(raw);
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v
                && v.getCause() instanceof NullPointerException) {
            original = "a list in " + v.getType().getRawClass().getSimpleName() + " holds a null entry (lists hold values only)";
        } else if (raw.startsWith("Cannot map `null` into type")) {
            original = "missing or null (a value is required)";
        }
        if (!field.isEmpty()) {
            return Names.oneLine(file + ": " + field + ": " + cut(original));
        }
        String at = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return Names.oneLine(file + ": " + what + at + ": " + cut(original));
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
