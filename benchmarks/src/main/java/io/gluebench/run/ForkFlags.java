package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM arguments of a fork, chosen per pattern and passed explicitly (forks inherit nothing
 * from the harness's own JVM): native access for JNI/FFM/Jep/Truffle, the Unsafe opt-in on JDK 24+,
 * and for GraalPy the Graal compiler on the upgrade module path with JVMCI enabled.
 */
public final class ForkFlags {
    private ForkFlags() {
    }

    static final String TMPDIR = "-Djava.io.tmpdir=";

    public static List<String> common(PatternEnv env) {
        List<String> args = new ArrayList<>();
        args.add("-D" + PatternEnv.HOME_PROPERTY + "=" + env.home());
        args.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        args.add("-Xmx2g");
        args.add("-D" + io.gluebench.pattern.BlasThreads.PROPERTY + "=" + io.gluebench.pattern.BlasThreads.configured());
        args.add("-Djava.awt.headless=true");
        // The harness's temporary directory: JMH's machine-wide lock is there, where the harness
        // checks it before a run, and so are the run's scratch files.
        args.add(TMPDIR + System.getProperty("java.io.tmpdir"));
        String user = System.getProperty(io.gluebench.workload.Workloads.USER_PROPERTY);
        if (user != null && !user.isBlank()) {
            args.add("-D" + io.gluebench.workload.Workloads.USER_PROPERTY + "=" + user);     // workloads from users' files
        }
        return args;
    }

    /** The pattern's flags, then the run's own (--jvm-arg), which come last so that the JVM takes them. */
    public static List<String> forPattern(PatternEnv env, PatternSpec spec, List<String> extra) {
        List<String> args = spec == null ? common(env) : forPattern(env, spec);
        args.addAll(extra);
        return args;
    }

    public static List<String> forPattern(PatternEnv env, PatternSpec spec) {
        List<String> args = common(env);
        if (spec.graalJit()) {
            args.add("-XX:+UnlockExperimentalVMOptions");
            args.add("-XX:+EnableJVMCI");
            args.add("--upgrade-module-path=" + env.graalJitDir());
        }
        if (spec.family() == io.gluebench.result.Family.GRAALPY) {
            args.add("-Dpolyglot.engine.userResourceCache=" + env.home().resolve("benchmarks/target/polyglot-cache"));
        }
        String fault = System.getProperty(io.gluebench.suite.Faults.PROPERTY);
        if (fault != null) {
            args.add("-D" + io.gluebench.suite.Faults.PROPERTY + "=" + fault);     // the harness's own fault tests
        }
        if (env.allowInterpreter()) {
            args.add("-Dgluebench.allowInterpreter=true");
        }
        if (spec.transport() != null && env.placement() != io.gluebench.pattern.Placement.FREE) {
            args.add("-D" + io.gluebench.pattern.Placement.PROPERTY + "=" + env.placement().id());
        }
        return args;
    }

    /**
     * The pattern's configuration as a run stores it, machine-independent: its fork's flags (the
     * run's --jvm-arg ones included) with the checkout's path written as $GLUEBENCH (the placement
     * is left out: it is part of the point), and its transport. Compare refuses to match a pattern
     * whose configuration differs.
     */
    public static String config(PatternEnv env, PatternSpec spec, List<String> extra) {
        String home = env.home().toString();
        String placement = "-D" + io.gluebench.pattern.Placement.PROPERTY + "=";
        String user = "-D" + io.gluebench.workload.Workloads.USER_PROPERTY + "=";
        List<String> flags = forPattern(env, spec, extra).stream()
                .filter(f -> !f.startsWith(placement) && !f.startsWith(user) && !f.startsWith(TMPDIR))
                .map(f -> f.replace(home, "$GLUEBENCH"))
                .toList();
        return String.join(" ", flags) + (spec.transport() == null ? "" : "; transport " + spec.transport());
    }

    /**
     * As above, with the JMH profilers the points' forks ran under (run --prof): a profiler that
     * samples or counts can move the times, so a profiled pattern is another configuration.
     */
    public static String config(PatternEnv env, PatternSpec spec, List<String> extra, List<String> profilers) {
        return config(env, spec, extra) + (profilers.isEmpty() ? "" : "; profilers " + String.join(" ", profilers));
    }

    /** The java launcher of the running JDK. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
