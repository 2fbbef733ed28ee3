package io.gluebench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * A point of one run against the same point of the baseline run: faster or slower (the test and the
 * interval both say so, beyond the ±2% band), the same, or not comparable (with its reason). Written
 * and printed as its label ("not comparable"), as compare has always shown it.
 */
public enum Verdict {
    FASTER("faster"),
    SLOWER("slower"),
    SAME("same"),
    NOT_COMPARABLE("not comparable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Verdict of(String label) {
        return Arrays.stream(values()).filter(v -> v.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a verdict: " + label));
    }

    /** Every label, in order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Verdict::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
