package io.gluebench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What became of a point, a start-up or a callers measurement: measured (ok), failed with its
 * reason, skipped with its reason, or planned but not run yet (unfinished: `run --resume` runs it;
 * points only). Stored and printed as its label.
 */
public enum Status {
    OK("ok"),
    FAILED("failed"),
    SKIPPED("skipped"),
    UNFINISHED("unfinished");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Status of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + Names.quote(String.valueOf(label), 60) + "' is not a status ("
                        + Arrays.stream(values()).map(Status::label).collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public String toString() {
        return label;
    }
}
