package io.gluebench.cli;

import static io.gluebench.cli.CliRun.assertOneLine;
import static io.gluebench.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User mistakes get one line naming the fix and exit code 2, before any work starts. */
class CliErrorsTest {
    @TempDir
    Path results;




    @Test
    void unknownWorkloadListsValidNames() {
        assertOneLine(run("run", "--workload", "fft", "--results", results.toString()),
                "unknown workload 'fft'", "valid workloads: echo, dot, nbody, spectralnorm, fannkuch, mandelbrot, matmul, sort");
    }

    @Test
    void resumeNeedsAnUnfinishedRunFolderAndNothingElse() throws Exception {
        assertOneLine(run("run", "--resume", results.resolve("nope").toString()), "no such run file");
        assertOneLine(run("run", "--resume", results.toString(), "--pattern", "java"),
                "--resume takes the run's own plan");
        java.nio.file.Path done = results.resolve("m/20260101-000000-quick");
        new io.gluebench.result.RunStore().write(done, new io.gluebench.result.Run(io.gluebench.result.Run.FORMAT_VERSION,
                "20260101-000000-quick", "quick", "complete", "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z",
                new io.gluebench.result.Machine("m", "host", "cpu", 2, 1L << 30, "os", "6.1", "vendor", "25",
                        java.util.Map.of(), "abc", false, "2026-01-01T00:00:00Z", 0.1),
                java.util.Map.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of()));
        assertOneLine(run("run", "--resume", done.toString()), "is complete: nothing to resume");
        assertOneLine(run("run", "--machine-name", "../up", "--results", results.toString()),
                "--machine-name '../up' is not a folder name");
    }

    @Test
    void jvmFlagsAreCheckedBeforeTheRunStarts() {
        assertOneLine(run("run", "--jvm-arg=Xmx4g", "--results", results.toString()), "a JVM flag starts with '-'");
        assertOneLine(run("run", "--jvm-arg", "-cp", "--results", results.toString()), "the harness sets -cp itself");
        assertOneLine(run("run", "--jvm-arg=-XX:+NoSuchFlag", "--results", results.toString()),
                "the JVM does not start with it");
        assertOneLine(run("run", "--resume", results.toString(), "--jvm-arg=-Xmx1g"), "keeps the run's own JVM flags");
    }

    @Test
    void profilersAreCheckedBeforeTheRunStarts() {
        assertOneLine(run("run", "--prof", "gcc", "--results", results.toString()), "JMH has no profiler 'gcc'",
                "(did you mean 'gc'?)", "JMH's: ");
        assertOneLine(run("run", "--prof", "async", "--results", results.toString()),
                "needs async-profiler's library (libasyncProfiler.so)", "--prof async:libPath=");
        assertOneLine(run("run", "--prof", "gc:nosuch=1", "--results", results.toString()), "JMH refuses it");
        assertOneLine(run("run", "--resume", results.toString(), "--prof", "gc"), "and profilers");
    }

    @Test
    void curveRefusesBadInputInOneLine() {
        assertOneLine(run("curve", "--pattern", "cython", "--workload", "dot", "--size", "100"),
                "unknown pattern 'cython'", "graalpy");
        assertOneLine(run("curve", "--pattern", "java", "--workload", "fft", "--size", "100"),
                "unknown workload 'fft'");
        assertOneLine(run("curve", "--pattern", "java", "--workload", "dot", "--size", "100", "--seconds", "1"),
                "--seconds 1 is out of range");
    }

    @Test
    void aMistypedNameGetsDidYouMean() {
        assertOneLine(run("rnu"), "did you mean 'run'?");
        assertOneLine(run("run", "--workload", "dto", "--results", results.toString()), "unknown workload 'dto'",
                "(did you mean 'dot'?)", "valid workloads:");
        assertOneLine(run("verify", "--pattern", "jep-pyhton"), "(did you mean 'jep-python'?)");
        assertOneLine(run("verify", "--pattern", "cython"), "unknown pattern 'cython' (did you mean 'jython'?); valid patterns:");
        assertOneLine(run("verify", "--pattern", "fortran"), "unknown pattern 'fortran'; valid patterns:");
    }

    @Test
    void topLevelHelpListsTheLaunchersVerbsAndExitCodesWithoutAWarning() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
        CliRun o;
        CliRun compare;
        try {
            o = run("--help");
            compare = run("compare", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("setup") && o.out().contains("test") && o.out().contains("Exit codes"), o.out());
        assertTrue(compare.out().contains("95% CI"), compare.out());
        String warnings = traced.toString(java.nio.charset.StandardCharsets.UTF_8) + o.err() + compare.err();
        assertFalse(warnings.contains("WARN"), "picocli warned: " + warnings);
    }

    @Test
    void unknownPatternListsValidNames() {
        assertOneLine(run("verify", "--pattern", "cython"), "unknown pattern 'cython'", "jep-numpy", "worker-python");
    }

    @Test
    void unknownProfileListsValidNames() {
        assertOneLine(run("run", "--profile", "huge", "--results", results.toString()),
                "unknown profile 'huge'", "smoke, quick, standard");
    }

    @Test
    void badSizesSayWhatASizeIs() {
        assertOneLine(run("run", "--size", "-3", "--results", results.toString()), "invalid size '-3'", "e.g. 1000");
        assertOneLine(run("verify", "--size", "lots"), "invalid size 'lots'");
        assertOneLine(run("verify", "--size", "1.5"), "invalid size '1.5'");
    }

    @Test
    void aSizeOutsideAWorkloadsRangeSaysWhy() {
        assertOneLine(run("verify", "--workload", "fannkuch", "--size", "20"), "invalid size 20 for fannkuch", "1 <= N <= 12");
    }

    @Test
    void unknownVerbAndOptionAreUsageErrors() {
        assertOneLine(run("bench"), "bench");
        assertOneLine(run("run", "--fast"), "--fast");
    }

    @Test
    void chartOfAMissingRunNamesTheFile() {
        assertOneLine(run("chart", results.resolve("nothing-here").toString()), "nothing-here", "run.json");
    }

    @Test
    void adviseNamesTheWorkloadsTheRunHas() {
        String ref = System.getProperty("gluebench.home") + "/results/amd-epyc-2c-24g-003596/20261125-184841-quick";
        assertOneLine(run("advise", "--run", ref, "--workload", "fft", "--size", "10"),
                "workload 'fft' is not in", "echo, dot, nbody");
        assertOneLine(run("advise", "--run", ref, "--workload", "dot", "--size", "10", "--calls-per-second", "-5"),
                "--calls-per-second must be a positive number");
        assertOneLine(run("advise", "--workload", "dot", "--size", "10"), "--run");
    }

    @Test
    void sizesAcceptScientificNotation() {
        assertEquals(1_000_000, new SizeConverter().convert("1e6"));
        assertEquals(10_000, new SizeConverter().convert("10_000"));
    }

    @Test
    void nothingIsWrittenForAMistake() throws Exception {
        run("run", "--workload", "fft", "--results", results.toString());
        try (var s = java.nio.file.Files.list(results)) {
            assertEquals(0, s.count());
        }
    }
}
