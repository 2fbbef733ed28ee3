package io.gluebench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What computes in a pattern: the Java baseline, the pure-Python source (interpreted), or a C or
 * numpy kernel (native). Stored with each pattern as its label; an imported result's is
 * {@link #UNKNOWN}.
 */
public enum Kind {
    BASELINE("baseline"),
    INTERPRETED("interpreted"),
    NATIVE("native"),
    UNKNOWN("unknown");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Kind of(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst().orElse(UNKNOWN);
    }

    @Override
    public String toString() {
        return label;
    }
}
