package io.gluebench.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.Profiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;

/**
 * What the command line adds to a run's forks: JVM flags for every fork ({@code run --jvm-arg}),
 * after the harness's own, so that a flag given twice is the user's; and JMH profilers for the
 * points' forks ({@code run --prof}). The flags are part of each pattern's configuration
 * ({@link ForkFlags#config}), so that compare never pairs points measured with different flags;
 * the run keeps both for --resume.
 *
 * @param jvmArgs   flags for every fork's JVM, in the order given
 * @param profilers JMH profilers for the points' forks, each NAME or NAME:OPTIONS
 * @param jmhForks  whether a profiler must wrap the JVM that JMH measures in (perfnorm runs it
 *                  under perf), so that JMH forks that JVM from the fork
 */
public record ForkOptions(List<String> jvmArgs, List<String> profilers, boolean jmhForks) {
    public static final ForkOptions NONE = new ForkOptions(List.of(), List.of(), false);

    /** The profilers that write files, which each point's get in its own folder (their dir option). */
    static final Set<String> WRITES_FILES = Set.of("async", "jfr");

    public ForkOptions {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        profilers = profilers == null ? List.of() : List.copyOf(profilers);
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
        return of(jvmArgs, List.of());
    }

    /**
     * Checks the flags as {@link #of(List)} does and each profiler: JMH has it and can use it on this
     * machine (perf for perfnorm, async-profiler's library for async); refuses in one line.
     */
    public static ForkOptions of(List<String> jvmArgs, List<String> profilers) throws UsageException {
        boolean forks = false;
        for (String p : profilers == null ? List.<String>of() : profilers) {
            forks |= checkProfiler(p);
        }
        return new ForkOptions(checkedFlags(jvmArgs), profilers, forks);
    }

    private static List<String> checkedFlags(List<String> jvmArgs) throws UsageException {
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
        return flags;
    }

    /**
     * Checks that JMH has the profiler and can use it here; returns whether it wraps the JVM JMH
     * measures in (an external profiler: JMH must fork that JVM itself).
     */
    static boolean checkProfiler(String spec) throws UsageException {
        int colon = spec == null ? -1 : spec.indexOf(':');
        String name = spec == null ? "" : colon < 0 ? spec : spec.substring(0, colon);
        String opts = colon < 0 ? "" : spec.substring(colon + 1);
        if (name.isBlank()) {
            throw new UsageException("--prof needs a profiler's name, e.g. --prof gc; JMH's: " + profilerNames());
        }
        if (name.startsWith("perf") && !onPath("perf")) {
            throw new UsageException("--prof " + name + " needs Linux perf (the perf command), which is not on this "
                    + "machine's PATH: install it (apt-get install linux-perf), or use --prof gc or --prof stack");
        }
        if (name.equals("async") && !opts.contains("libPath=") && !asyncOnLibraryPath()) {
            throw new UsageException("--prof async needs async-profiler's library (libasyncProfiler.so), which is not on "
                    + "LD_LIBRARY_PATH: give its file with --prof async:libPath=/path/to/libasyncProfiler.so");
        }
        Profiler p;
        try {
            p = ProfilerFactory.getProfilerOrException(new ProfilerConfig(name, opts));
        } catch (ProfilerException e) {
            String said = e.getMessage() == null ? e.toString() : e.getMessage().lines().filter(l -> !l.isBlank())
                    .findFirst().orElse("");
            if (said.contains("ClassNotFoundException")) {
                throw new UsageException("--prof " + spec + ": JMH has no profiler '" + name + "'" + Suggest.closest(name,
                        profilerNames()) + "; JMH's: " + String.join(", ", profilerNames()));
            }
            throw new UsageException("--prof " + spec + ": JMH refuses it: " + said
                    + (said.contains("No supported events") ? " (perf finds no hardware counters, as in most VMs)" : ""));
        }
        return p instanceof ExternalProfiler;
    }

    /** The names of JMH's own profilers. */
    static List<String> profilerNames() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProfilerFactory.listProfilers(new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> l.matches("[a-z][a-z0-9]*: .*")).map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }

    private static boolean asyncOnLibraryPath() {
        List<String> dirs = new ArrayList<>();
        for (String var : new String[] {System.getenv("LD_LIBRARY_PATH"), System.getProperty("java.library.path")}) {
            if (var != null) {
                dirs.addAll(List.of(var.split(java.io.File.pathSeparator)));
            }
        }
        return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isRegularFile(Path.of(d, "libasyncProfiler.so")));
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
