package io.gluebench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.worker.CPythonReference;
import io.gluebench.result.Family;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Shape;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.UserWorkload;
import io.gluebench.workload.Workloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Workloads from users' Python files (--workload-file): each file is checked by CPython
 * (gluebench_py.userfile describe), then CPython's own answers are computed for the planned sizes,
 * in one plain CPython process per file, before anything is timed. Every problem is one line that
 * names the file, the line and the fix ({@link UsageException}); nothing is run then.
 */
public final class UserWorkloads {
    /** Where a run keeps them, in its folder; its forks read them from there. */
    public static final String FILE = "user-workloads.json";

    /** The folder of a run that keeps a copy of each user's file as it was measured. */
    public static final String COPIES = "workload-files";

    /** The relative error a float answer may have when the file declares no TOLERANCE. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private UserWorkloads() {
    }

    /** Checks each file's declarations (in CPython) and returns its workload, still without answers. */
    public static List<UserWorkload> describe(PatternEnv env, List<Path> files) throws UsageException {
        List<UserWorkload> out = new ArrayList<>();
        for (Path f : files) {
            Path file = f.toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new UsageException(f + ": no such file; give the path of a Python file (--workload-file path/to/f.py)");
            }
            if (!Files.isExecutable(env.venvPython())) {
                throw new UsageException("the project's Python is missing (" + env.venvPython() + "); run ./gluebench setup");
            }
            JsonNode d = describe(env, file);
            UserWorkload w = new UserWorkload(d.path("name").asText(), d.path("summary").asText(),
                    d.path("nCounts").asText(), d.path("complexity").isNull() ? null : d.path("complexity").asText(),
                    Shape.byId(d.path("shape").asText()).orElseThrow(), null,
                    d.path("tolerance").isNumber()
                            ? new Tolerance(d.path("tolerance").asDouble(), "the file's TOLERANCE, relative to CPython's answer")
                            : null,
                    sizes(d.path("sizes")),
                    new UserWorkload.Source(file.toString(), sha256(file), d.path("numpy").asBoolean()), Map.of(), null);
            if (out.stream().anyMatch(o -> o.name().equals(w.name()))) {
                throw new UsageException(file + ": NAME '" + w.name() + "' is used by another --workload-file; give each file its own NAME");
            }
            out.add(w);
        }
        return out;
    }

    private static JsonNode describe(PatternEnv env, Path file) throws UsageException {
        try {
            Process p = new ProcessBuilder(env.venvPython().toString(), "-m", "gluebench_py.userfile", "describe",
                    file.toString()).directory(env.pythonWorkloads().toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UsageException(file + ": importing the file took over 60 s; make its import cheap (compute on call, not at import)");
            }
            if (p.exitValue() != 0) {
                String line = new String(err, StandardCharsets.UTF_8).strip();
                String[] lines = line.split("\n");
                throw new UsageException(lines.length == 0 || lines[lines.length - 1].isBlank()
                        ? file + ": CPython could not check the file (exit " + p.exitValue() + ")" : lines[lines.length - 1]);
            }
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot check the file with the project's Python: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while checking " + file);
        }
    }

    private static List<Integer> sizes(JsonNode n) {
        List<Integer> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asInt()));
        return out;
    }

    static String sha256(Path file) throws UsageException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new UsageException(file + ": cannot read the file: " + e.getMessage());
        }
    }

    /**
     * CPython's answers for {@code sizes}: the result kind from the first answer's type (int or
     * float), the tolerance from the file (exact for ints). A function that raises, or answers
     * with another type at another size, is the file's one line.
     */
    public static UserWorkload withReferences(PatternEnv env, UserWorkload w, Collection<Integer> sizes)
            throws UsageException {
        Map<Integer, Long> refs = new LinkedHashMap<>(w.references());
        ResultKind kind = w.resultKind();
        try (CPythonReference ref = CPythonReference.open(env, w)) {
            for (int n : new TreeSet<>(sizes)) {
                if (refs.containsKey(n)) {
                    continue;
                }
                CPythonReference.Answer a = ref.answer(w.input(n));
                if (kind != null && a.kind() != kind) {
                    throw new UsageException(w.pythonModule() + ": compute returned " + word(a.kind()) + " at N=" + n
                            + " but " + word(kind) + " at a smaller N; return the same type at every size");
                }
                kind = a.kind();
                refs.put(n, a.bits());
            }
        } catch (PatternException e) {
            throw new UsageException(e.getMessage().lines().findFirst().orElse(w.pythonModule() + ": CPython failed"));
        } catch (UsageException e) {
            throw e;
        } catch (Exception e) {
            throw new UsageException(w.pythonModule() + ": CPython could not compute the reference: " + e.getMessage());
        }
        Tolerance tol = kind == ResultKind.BYTES ? Tolerance.exact("bytes must equal CPython's, byte for byte (their digest)")
                : kind != ResultKind.FLOAT64 ? Tolerance.exact("an integer answer must equal CPython's")
                : w.tolerance() != null ? w.tolerance()
                : new Tolerance(DEFAULT_TOLERANCE, "the default for a float answer (the file sets no TOLERANCE), "
                        + "relative to CPython's answer");
        return w.withReferences(refs, kind, tol);
    }

    private static String word(ResultKind k) {
        return k == ResultKind.FLOAT64 ? "a float" : k == ResultKind.BYTES ? "bytes" : "an int";
    }

    /**
     * The users' files a command runs: those it names; else, when it names no workload either, the
     * profile's own (resolved from the project's top level); else none.
     */
    public static List<Path> filesFor(Profile profile, List<Path> named, List<String> workloads, Path home) {
        if (!named.isEmpty()) {
            return named;
        }
        if (!workloads.isEmpty()) {
            return List.of();
        }
        return profile.workloadFiles().stream().map(home::resolve).toList();
    }

    /**
     * Everything a run or a verify does with --workload-file before it plans: checks each file,
     * computes CPython's answers at the sizes the profile (or --size) sweeps, checks the file on
     * Python 2.7 when jython is to run it, and registers the workloads in this JVM. Returns them, and
     * the workload names the plan is to take (these alone without --workload).
     */
    public static List<UserWorkload> prepare(PatternEnv env, Profile profile, List<Path> files, List<Integer> sizes,
            List<String> patterns) throws UsageException {
        List<UserWorkload> described = describe(env, files);
        List<UserWorkload> ready = new ArrayList<>();
        for (UserWorkload w : described) {
            List<Integer> ns = sizes.isEmpty() ? Plan.sizesFor(profile, w) : sizes;
            for (int n : ns) {
                if (n < 0 || n > w.maxSize()) {
                    throw new UsageException("invalid size " + n + " for " + w.name() + ": its shape " + w.shape().id()
                            + " needs 0 <= N <= " + w.maxSize());
                }
            }
            UserWorkload r = withReferences(env, w, ns);
            if (runsPython2(patterns.isEmpty() ? PATTERNS : patterns)) {
                r = r.withPython2(python2Problem(Path.of(r.source().path())));
            }
            ready.add(r);
        }
        Workloads.register(ready);
        return ready;
    }

    /**
     * The patterns that time a user's file when no --pattern is given, in the catalogue's order: those
     * it declares {@link io.gluebench.pattern.UserFiles#byDefault}.
     */
    public static final List<String> PATTERNS = Patterns.ALL.stream().filter(p -> p.userFiles().byDefault())
            .map(PatternSpec::name).toList();

    /** Whether any of {@code patterns} runs the file as Python 2.7 (Jython), so its syntax is to be checked first. */
    static boolean runsPython2(List<String> patterns) {
        return patterns.stream().flatMap(n -> Patterns.byName(n).stream()).anyMatch(p -> p.family() == Family.JYTHON);
    }

    /**
     * Why Jython (Python 2.7) cannot run the file: its compiler's error, or null when the file parses
     * as Python 2.7. Only the syntax is checked here; an import Jython lacks fails its points with the reason.
     */
    public static String python2Problem(Path file) {
        try {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("python.import.site", "false");
            props.setProperty("python.cachedir.skip", "true");
            org.python.util.PythonInterpreter.initialize(System.getProperties(), props, new String[0]);
            org.python.core.Py.compile_flags(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                    org.python.core.CompileMode.exec, new org.python.core.CompilerFlags());
            return null;
        } catch (org.python.core.PyException e) {
            String msg = e.value == null ? e.toString() : e.value.toString();
            return "the file does not run on Python 2.7 (Jython): " + msg.lines().findFirst().orElse(msg);
        } catch (IOException e) {
            return "the file cannot be read: " + e.getMessage();
        }
    }

    /**
     * Before a run folder is resumed: points this JVM at its workloads from users' files, and refuses
     * when a file changed since the run began (its points would mix two functions).
     */
    public static void resume(Path runDir) throws UsageException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        System.setProperty(Workloads.USER_PROPERTY, file.toString());
        List<UserWorkload> ws;
        try {
            ws = Workloads.user();
        } catch (IllegalStateException e) {
            throw new UsageException(runDir + "/" + FILE + " is not readable (" + e.getMessage().lines().findFirst().orElse("")
                    + "); start a new run with ./gluebench run --workload-file");
        }
        for (UserWorkload w : ws) {
            Path source = Path.of(w.source().path());
            if (!Files.isRegularFile(source) || !sha256(source).equals(w.source().sha256())) {
                throw new UsageException(source + " changed (or is gone) since the run began, so its points would mix "
                        + "two functions: start a new run with ./gluebench run --workload-file " + source);
            }
        }
    }

    /** Writes them to {@code dir}/user-workloads.json and points this JVM and its forks at that file. */
    public static Path publish(Path dir, List<UserWorkload> workloads) throws IOException {
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), workloads);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        // A copy of each function as it was measured, beside its results.
        Path copies = dir.resolve(COPIES);
        Files.createDirectories(copies);
        for (UserWorkload w : workloads) {
            Files.copy(Path.of(w.source().path()), copies.resolve(w.name() + ".py"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.setProperty(Workloads.USER_PROPERTY, file.toString());
        return file;
    }
}
