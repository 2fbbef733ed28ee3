package io.gluebench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * What the command line adds to every fork of a run: JVM flags ({@code run --jvm-arg}), after the
 * harness's own, so that a flag given twice is the user's. They are part of each pattern's
 * configuration ({@link ForkFlags#config}), so that compare never pairs points measured with
 * different flags, and the run keeps them for --resume.
 *
 * @param jvmArgs flags for every fork's JVM, in the order given
 */
public record ForkOptions(List<String> jvmArgs) {
    public static final ForkOptions NONE = new ForkOptions(List.of());

    public ForkOptions {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** The flags the harness gives every fork itself, which a user's flag must not replace. */
    static final List<String> HARNESS_FLAGS = List.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "-jar", "-m", "--module", "--enable-native-access",
            "--sun-misc-unsafe-memory-access");
    /** Prefixes of the harness's own system properties and options. */
    static final List<String> HARNESS_PREFIXES = List.of("-Dgluebench.", "-Djava.class.path=", "-XX:ErrorFile=",
            "-Dpolyglot.engine.userResourceCache=");

    /**
     * Checks the flags (each starts with '-', is one argument, is not the harness's own) and that the
     * JVM starts with them; returns the options, or refuses in one line.
     */
    public static ForkOptions of(List<String> jvmArgs) throws UsageException {
        List<String> flags = jvmArgs == null ? List.of() : jvmArgs;
        for (String f : flags) {
            String why = refusal(f);
            if (why != null) {
                throw new UsageException(why);
            }
        }
        String refused = jvmRefuses(flags);
        if (refused != null) {
            throw new UsageException(refused);
        }
        return new ForkOptions(flags);
    }

    /** Why a --jvm-arg is refused, or null. */
    static String refusal(String flag) {
        if (flag == null || flag.isBlank() || !flag.startsWith("-")) {
            return "--jvm-arg " + (flag == null ? "" : flag) + ": a JVM flag starts with '-', e.g. --jvm-arg=-Xmx4g";
        }
        if (flag.chars().anyMatch(Character::isWhitespace)) {
            return "--jvm-arg '" + flag + "': one flag per --jvm-arg, without spaces";
        }
        String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
        if (HARNESS_FLAGS.contains(name) || HARNESS_PREFIXES.stream().anyMatch(flag::startsWith)) {
            return "--jvm-arg " + flag + ": the harness sets " + name + " itself for every fork; it cannot be replaced";
        }
        return null;
    }

    /** Why the JVM will not start with the flags (its own first words), or null when it starts. */
    static String jvmRefuses(List<String> flags) {
        if (flags.isEmpty()) {
            return null;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ForkFlags.javaBinary());
        cmd.addAll(flags);
        cmd.add("-version");
        Exec.Outcome o = Exec.run(null, 60, cmd);
        if (o.exit() == 0) {
            return null;
        }
        String said = o.output().lines().filter(l -> !l.isBlank() && !l.startsWith("Picked up "))
                .findFirst().orElse("exit code " + o.exit());
        return "--jvm-arg " + String.join(" ", flags) + ": the JVM does not start with it: " + said;
    }
}
