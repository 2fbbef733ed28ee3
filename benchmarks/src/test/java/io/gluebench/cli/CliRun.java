package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process invocation of the command line, as the launcher makes it: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A user mistake: exit code 2 and one line on stderr, no exception, holding each of contains. */
    static void assertOneLine(CliRun o, String... contains) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        for (String c : contains) {
            assertTrue(o.err().contains(c), "'" + c + "' in: " + o.err());
        }
    }
}
