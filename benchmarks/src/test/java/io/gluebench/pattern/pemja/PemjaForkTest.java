package io.gluebench.pattern.pemja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.TestEnv;
import io.gluebench.pattern.Call;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.pattern.Patterns;
import io.gluebench.run.Doctor;
import io.gluebench.run.Fingerprint;
import io.gluebench.run.ForkFlags;
import io.gluebench.workload.builtin.Echo;
import io.gluebench.workload.builtin.Nbody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PEMJA's two hazards, each checked in a JVM of its own (never this one, which may meet Jep): an
 * interpreter is confined to the thread that made it, and PEMJA and Jep refuse to start the
 * process's CPython a second time instead of crashing in it.
 */
class PemjaForkTest {
    private static PatternEnv env;

    @BeforeAll
    static void setUp() {
        env = TestEnv.env();
        Doctor doctor = new Doctor(env, new Fingerprint(env).versions());
        for (String p : List.of("pemja-python", "jep-python")) {
            Doctor.Availability a = doctor.check(Patterns.byName(p).orElseThrow());
            if (TestEnv.requireAll()) {
                assertTrue(a.available(), p + " must be available here: " + a.reason());
            }
            Assumptions.assumeTrue(a.available(), () -> p + " skipped: " + a.reason());
        }
    }

    @Test
    void anInterpreterAnswersOnlyOnItsOwnThread() throws Exception {
        String out = fork("confine");
        assertTrue(out.contains("own thread: 12639"), out);
        assertTrue(out.contains("other thread: a PEMJA interpreter was called from thread intruder but belongs to main"),
                out);
    }

    @Test
    void pemjaRefusesAJvmWhereJepRuns() throws Exception {
        String out = fork("jep-python", "pemja-python");
        assertTrue(out.contains("second refused: PEMJA cannot start CPython in a JVM where Jep already runs it"), out);
    }

    @Test
    void jepRefusesAJvmWherePemjaRuns() throws Exception {
        String out = fork("pemja-python", "jep-python");
        assertTrue(out.contains("second refused: Jep cannot start CPython in a JVM where PEMJA already runs it"), out);
    }

    private static String fork(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ForkFlags.javaBinary());
        cmd.addAll(ForkFlags.common(env));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(PemjaForkTest.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the fork finished");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /** The fork: "confine", or two pattern names opened one after the other. */
    public static void main(String[] args) throws Exception {
        PatternEnv env = PatternEnv.fromSystem();
        if (args[0].equals("confine")) {
            try (Pattern p = Patterns.byName("pemja-python").orElseThrow().create()) {
                p.open(env);
                Echo echo = new Echo();
                Call c = p.bind(echo, echo.input(100));
                System.out.println("own thread: " + c.invoke());
                Thread t = new Thread(() -> {
                    try {
                        System.out.println("other thread: answered " + c.invoke());
                    } catch (Exception e) {
                        System.out.println("other thread: " + e.getMessage());
                    }
                }, "intruder");
                t.start();
                t.join();
            }
        } else {
            try (Pattern first = Patterns.byName(args[0]).orElseThrow().create();
                    Pattern second = Patterns.byName(args[1]).orElseThrow().create()) {
                first.open(env);
                Nbody nbody = new Nbody();
                System.out.println("first: " + first.bind(nbody, nbody.input(1)).invoke());
                try {
                    second.open(env);
                    System.out.println("second opened");
                } catch (PatternException e) {
                    System.out.println("second refused: " + e.getMessage());
                }
            }
        }
        System.out.flush();
        System.exit(0);
    }
}
