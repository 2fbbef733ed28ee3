package io.gluebench.pattern.graalpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Truffle log is read for its compilation events only. */
class CompileLogTest {
    @Test
    void countsTheCompilationLinesOfTheTraceAndNothingElse() throws Exception {
        CompileLog log = new CompileLog();
        String trace = """
                [engine] opt done   engine=1  id=4065  <bytecode nbody at 324f699f>  |Tier 1|Time 64( 49+15 )ms|AST 67
                [engine] opt failed engine=1  id=12 <bytecode f>  |Tier 2|Reason: too big
                [python::PythonContext] WARNING: something else
                [engine] opt inval. engine=1 id=4065 <bytecode nbody at 324f699f>
                [engine] opt done   engine=1  id=4244  org.graalvm.polyglot.Value<PFunction>.execute |Tier 2|
                """;
        byte[] bytes = trace.getBytes(StandardCharsets.UTF_8);
        // Written the way a log handler may: a few bytes at a time, and single bytes.
        log.write(bytes, 0, 7);
        for (int i = 7; i < 40; i++) {
            log.write(bytes[i]);
        }
        log.write(bytes, 40, bytes.length - 40);
        assertEquals(4, log.events());
        log.write("[engine] opt done, but not finished".getBytes(StandardCharsets.UTF_8));
        assertEquals(4, log.events(), "a line counts once it ends");
        log.write('\n');
        assertEquals(5, log.events());
    }
}
