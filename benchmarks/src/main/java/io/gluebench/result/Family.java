package io.gluebench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How a pattern reaches its compute: the JVM itself, JNI or FFM into C, Python on the JVM (Jython,
 * GraalPy), CPython embedded (Jep, PEMJA), or a CPython process of its own (a worker, Py4J).
 * Stored with each pattern in run.json as its label; a family this build does not know (an
 * imported result's) reads as {@link #OTHER}.
 */
public enum Family {
    JVM("jvm"),
    JNI("jni"),
    FFM("ffm"),
    JYTHON("jython"),
    GRAALPY("graalpy"),
    JEP("jep"),
    PEMJA("pemja"),
    WORKER("worker"),
    PY4J("py4j"),
    OTHER("other");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Family of(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst().orElse(OTHER);
    }

    /** CPython runs the Python in these: where a user's Python code is today. */
    public boolean runsCPython() {
        return this == JEP || this == PEMJA || this == WORKER || this == PY4J;
    }

    /** Python runs on the JVM in these (Jython, GraalPy): the alternatives to CPython that need no crossing. */
    public boolean runsPythonOnJvm() {
        return this == JYTHON || this == GRAALPY;
    }

    /** The compute runs in a process of its own (a worker, Py4J), not in the JVM's. */
    public boolean outOfProcess() {
        return this == WORKER || this == PY4J;
    }

    @Override
    public String toString() {
        return label;
    }
}
