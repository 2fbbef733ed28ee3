package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.UserWorkloads;
import io.gluebench.workload.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./gluebench run --workload-file: a user's Python function, checked, answered by CPython, timed. */
class UserWorkloadTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            NAME = "pair-sum"
            SUMMARY = "sum of a[i] + b[i]"
            N_COUNTS = "doubles per vector"
            SHAPE = "two_doubles"


            def compute(data):
                a, b = data
                s = 0.0
                for i in range(len(a)):
                    s += a[i] + b[i]
                return s
            """;

    @AfterEach
    void forget() {
        System.clearProperty(Workloads.USER_PROPERTY);
        Workloads.register(java.util.List.of());
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private boolean nothingIn(Path results) throws Exception {
        if (!Files.exists(results)) {
            return true;
        }
        try (Stream<Path> s = Files.list(results)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void aBadFileIsOneLineNamingTheFileAndNothingRuns() throws Exception {
        Path results = dir.resolve("results");
        String[][] cases = {
            {"nocompute.py", GOOD.replace("def compute(data)", "def other(data)"), "no compute; define compute(data)"},
            {"shape.py", GOOD.replace("\"two_doubles\"", "\"matrix\""), "SHAPE 'matrix' is not a known shape"},
            {"imports.py", "import no_such_module_xyz\n" + GOOD, "importing the file raised ModuleNotFoundError"},
            {"raises.py", GOOD.replace("    s = 0.0\n", "    s = 0.0\n    raise KeyError('k')\n"), "compute raised KeyError"},
        };
        for (String[] c : cases) {
            Path f = file(c[0], c[1]);
            CliRun o = CliRun.run("run", "--profile", "smoke", "--workload-file", f.toString(), "--results",
                    results.toString(), "--no-startup", "--no-scaling");
            CliRun.assertOneLine(o, f.toString(), c[2]);
            assertTrue(nothingIn(results), c[0] + ": nothing was run or written");
        }
        CliRun missing = CliRun.run("run", "--workload-file", dir.resolve("gone.py").toString());
        CliRun.assertOneLine(missing, "gone.py: no such file");
    }

    @Test
    void theRaisingLineIsNamed() throws Exception {
        Path f = file("line.py", GOOD.replace("    s = 0.0\n", "    s = 0.0\n    raise KeyError('k')\n"));
        long line = GOOD.lines().takeWhile(l -> !l.equals("    s = 0.0")).count() + 2;
        CliRun o = CliRun.run("verify", "--profile", "smoke", "--workload-file", f.toString(), "--pattern", "worker-python");
        CliRun.assertOneLine(o, f + ":" + line + ": compute raised KeyError");
    }

    @Test
    void theExampleRunsThroughThePythonPatternsAndJavaIsSkippedWithTheReason() throws Exception {
        Path results = dir.resolve("results");
        Path example = TestEnv.home().resolve("python-workloads/examples/tokenizer.py");
        CliRun o = CliRun.run("run", "--profile", "smoke", "--workload-file", example.toString(), "--pattern",
                "java,jep-python,worker-python,jython,spawn-per-call,py4j-python", "--size", "10,10000", "--results",
                results.toString(),
                "--no-startup", "--no-scaling");
        assertEquals(0, o.code(), o.err());
        Path runDir;
        try (Stream<Path> s = Files.walk(results, 2)) {
            runDir = s.filter(p -> Files.exists(p.resolve("run.json"))).findFirst().orElseThrow();
        }
        Run run = new RunStore().read(runDir);
        assertEquals("complete", run.status());
        assertEquals(12, run.points().size());
        for (Point p : run.points()) {
            assertEquals("tokenize", p.workload());
            if (p.series().equals("java")) {
                assertEquals(Point.SKIPPED, p.status());
                assertTrue(p.reason().contains("Python code only"), p.reason());
            } else if (TestEnv.requireAll()) {
                assertEquals(Point.OK, p.status(), p.key() + ": " + p.reason());
                assertTrue(p.verification().ok());
            }
        }
        // The folder keeps the function's identity and CPython's answers.
        String json = Files.readString(runDir.resolve(UserWorkloads.FILE));
        assertTrue(json.contains(example.toString()) && json.contains("sha256") && json.contains("\"10000\""), json);
        assertNotNull(run.workload("tokenize").orElseThrow().sourceHash());
    }

    @Test
    void aPatternThatAnswersOtherwiseFailsItsPointOnly() throws Exception {
        // Jython (sys.platform 'java1.8...') answers one more than CPython.
        Path f = file("differs.py", GOOD.replace("    return s\n",
                "    import sys\n    return s + (1.0 if sys.platform.startswith('java') else 0.0)\n"));
        Path results = dir.resolve("results");
        CliRun o = CliRun.run("run", "--profile", "smoke", "--workload-file", f.toString(), "--pattern",
                "worker-python,jython", "--size", "100", "--results", results.toString(), "--no-startup", "--no-scaling");
        Run run;
        try (Stream<Path> s = Files.walk(results, 2)) {
            run = new RunStore().read(s.filter(p -> Files.exists(p.resolve("run.json"))).findFirst().orElseThrow());
        }
        Point jython = run.points().stream().filter(p -> p.series().equals("jython")).findFirst().orElseThrow();
        Point worker = run.points().stream().filter(p -> p.series().equals("worker-python")).findFirst().orElseThrow();
        assertEquals(Point.FAILED.equals(jython.status()) ? Main.FAILED : Main.OK, o.code(),
                "a failed point makes the run exit " + Main.FAILED + ": " + o.err());
        if (TestEnv.requireAll()) {
            assertEquals(Point.FAILED, jython.status(), jython.reason());
            assertTrue(jython.reason().contains("not timed"), jython.reason());
            assertEquals(Point.OK, worker.status(), worker.reason());
        }
    }

    @Test
    void aFunctionThatReturnsBytesIsComparedByteForByte() throws Exception {
        Path f = file("bytes.py", """
                NAME = "len-bytes"
                SUMMARY = "the length as ASCII digits, three times"
                N_COUNTS = "bytes"
                SHAPE = "bytes"


                def compute(data):
                    return ("%d|" % len(data)).encode("ascii") * 3
                """);
        CliRun o = CliRun.run("verify", "--profile", "smoke", "--workload-file", f.toString(), "--pattern",
                "jep-python,worker-python,jython", "--size", "100");
        assertEquals(0, o.code(), o.out() + o.err());
    }

    /** compute_numpy of each array shape gets the same data through every numpy pattern (pemja-numpy makes it from bytes). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "two_doubles|s = 0.0\\n    for i in range(len(data[0])):\\n        s += data[0][i] * data[1][i]\\n    return s"
                + "|return float((data[0] * data[1]).sum())",
        "records|return sum(r[2] for r in data) * 1000 + len(set(r[1] for r in data))"
                + "|return int(data[1].sum()) * 1000 + len(set(data[0].tolist()))",
        "bytes|return sum(data)|return int(data.sum())",
        "doubles|return sum(sorted(data)[:3])|return float(np_sorted3(data))"})
    void pemjaNumpyRunsComputeNumpyOnEachArrayShape(String shape, String python, String numpy) throws Exception {
        Path f = file(shape + "_np.py", "NAME = \"shape-" + shape.replace('_', '-') + "\"\n"
                + "SUMMARY = \"compute and compute_numpy agree\"\nN_COUNTS = \"items\"\nSHAPE = \"" + shape + "\"\n"
                + "TOLERANCE = 1e-9\n\n\ndef compute(data):\n    " + python.replace("\\n", "\n")
                + "\n\n\ndef np_sorted3(data):\n    import numpy\n    return numpy.sort(data)[:3].sum()\n"
                + "\n\ndef compute_numpy(data):\n    " + numpy + "\n");
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
        CliRun o;
        System.setOut(new java.io.PrintStream(table, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            o = CliRun.run("verify", "--profile", "smoke", "--workload-file", f.toString(), "--pattern",
                    "pemja-numpy,jep-numpy,worker-numpy,py4j-numpy", "--size", "100");
        } finally {
            System.setOut(stdout);
        }
        String out = table.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, o.code(), out + o.err());
        assertTrue(out.contains("4 agree, 0 disagree"), out);
    }

    @Test
    void aChangedFileChangesTheSourceHashSoCompareRefusesToMatchIt() throws Exception {
        Path f = file("h.py", GOOD);
        var env = TestEnv.env();
        var a = UserWorkloads.describe(env, java.util.List.of(f)).get(0);
        String before = io.gluebench.run.WorkloadSources.hash(env, a);
        Files.writeString(f, GOOD.replace("a[i] + b[i]", "a[i] - b[i]"));
        var b = UserWorkloads.describe(env, java.util.List.of(f)).get(0);
        assertNotEquals(a.source().sha256(), b.source().sha256());
        assertNotEquals(before, io.gluebench.run.WorkloadSources.hash(env, b));
        assertFalse(a.source().sha256().isEmpty());
    }
}
