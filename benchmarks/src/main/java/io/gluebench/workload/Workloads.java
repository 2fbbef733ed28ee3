package io.gluebench.workload;

import io.gluebench.workload.builtin.BuiltinWorkload;
import io.gluebench.workload.builtin.Csvparse;
import io.gluebench.workload.builtin.Dot;
import io.gluebench.workload.builtin.Echo;
import io.gluebench.workload.builtin.Fannkuch;
import io.gluebench.workload.builtin.Mandelbrot;
import io.gluebench.workload.builtin.Matmul;
import io.gluebench.workload.builtin.Nbody;
import io.gluebench.workload.builtin.Records;
import io.gluebench.workload.builtin.Sort;
import io.gluebench.workload.builtin.Spectralnorm;
import io.gluebench.workload.builtin.Wordfreq;
import java.util.List;
import java.util.Optional;

/**
 * The built-in workloads, one class each under {@code workload/builtin/}, in the order {@code list},
 * docs/workloads.md and every report show them; and the workloads from users' files this JVM knows of.
 */
public final class Workloads {
    private Workloads() {
    }

    /** Every built-in workload: the one list of them. */
    public static final List<BuiltinWorkload<?>> ALL = List.of(
            new Echo(),
            new Dot(),
            new Nbody(),
            new Spectralnorm(),
            new Fannkuch(),
            new Mandelbrot(),
            new Matmul(),
            new Sort(),
            new Wordfreq(),
            new Records(),
            new Csvparse());

    /**
     * A JSON file of {@link UserWorkload}s (the run folder's user-workloads.json): set on the
     * harness when a run has --workload-file, and passed to its forks, so that they find them by name.
     */
    public static final String USER_PROPERTY = "gluebench.userWorkloads";

    private static volatile List<UserWorkload> user;
    private static volatile String userFrom;
    private static volatile List<UserWorkload> registered;

    /**
     * Makes these the workloads from users' files that this JVM finds by name, until a file is
     * published ({@link #USER_PROPERTY}); the harness uses it while it plans, before the run has a folder.
     */
    public static void register(List<UserWorkload> workloads) {
        registered = List.copyOf(workloads);
    }

    /** The workloads from users' files this JVM knows of ({@link #USER_PROPERTY}); none when unset. */
    public static List<UserWorkload> user() {
        String file = System.getProperty(USER_PROPERTY);
        if ((file == null || file.isBlank()) && registered != null) {
            return registered;
        }
        if (file == null || file.isBlank()) {
            return List.of();
        }
        if (user == null || !file.equals(userFrom)) {
            try {
                user = List.of(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(new java.io.File(file), UserWorkload[].class));
                userFrom = file;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the workloads from users' files in " + file + ": "
                        + e.getMessage(), e);
            }
        }
        return user;
    }

    public static Optional<Workload> byName(String name) {
        Optional<Workload> builtIn = ALL.stream().filter(w -> w.name().equals(name)).map(w -> (Workload) w).findFirst();
        return builtIn.isPresent() ? builtIn
                : user().stream().filter(w -> w.name().equals(name)).map(w -> (Workload) w).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Workload::name).toList();
    }
}
