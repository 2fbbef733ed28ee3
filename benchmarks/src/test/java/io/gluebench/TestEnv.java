package io.gluebench;

import io.gluebench.pattern.PatternEnv;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's home as seen from tests (surefire sets -Dgluebench.home to the top level). */
public final class TestEnv {
    private TestEnv() {
    }

    public static PatternEnv env() {
        PatternEnv env = PatternEnv.fromSystem();
        if (!Files.isDirectory(env.pythonWorkloads())) {
            throw new IllegalStateException("run the tests from the project (gluebench.home=" + env.home() + ")");
        }
        return env;
    }

    /** The test command sets this: every pattern must be available, none may be skipped. */
    public static boolean requireAll() {
        return "1".equals(System.getenv("GLUEBENCH_REQUIRE_ALL"));
    }

    public static Path home() {
        return env().home();
    }
}
