package io.gluebench.pattern.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gluebench.TestEnv;
import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.Compound;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Workload;
import io.gluebench.workload.Workloads;
import io.gluebench.workload.builtin.Nbody;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JsonWorkerPatternTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static PatternEnv env() {
        PatternEnv env = TestEnv.env();
        boolean have = Files.isExecutable(env.venvPython());
        if (TestEnv.requireAll()) {
            assertTrue(have, "the project's venv is missing: " + env.venvPython());
        }
        Assumptions.assumeTrue(have, "no project venv; run ./gluebench setup");
        return env;
    }

    @Test
    void requestsAreJsonThatReadsBackExactly() throws Exception {
        double[] a = {0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 9007199254740993.0, 1 / 3.0};
        String json = mapper.writeValueAsString(new JsonWorkerPattern.DotRequest("dot", a, a));
        assertTrue(json.startsWith("{\"op\":\"dot\",\"a\":[0.1,-0.0,4.9E-324,"), json);
        var back = mapper.readValue(json, JsonWorkerPattern.DotRequest.class);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(back.a()[i]), "a[" + i + "]");
        }
        byte[] data = {0, 1, (byte) 0xFF, 'x'};
        String echo = mapper.writeValueAsString(new JsonWorkerPattern.EchoRequest("echo", data));
        assertEquals("{\"op\":\"echo\",\"data\":\"AAH/eA==\"}", echo, "bytes as standard base64");
        assertEquals("{\"op\":\"records\",\"rows\":[{\"id\":7,\"category\":\"bööks\",\"amountCents\":-5}]}",
                mapper.writeValueAsString(new JsonWorkerPattern.RecordsRequest("records", List.of(new Sale(7, "bööks", -5)))));
    }

    @Test
    void repliesBindToTheCompoundRecords() throws Exception {
        String line = "{\"ok\": {\"distinct\": 3, \"top\": [{\"word\": \"ka\", \"count\": 2}, {\"word\": \"lö\", \"count\": 1}]}}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        JsonWorkerPattern.Reply<?> r = JsonWorkerPattern.reader(mapper, ResultKind.WORD_COUNTS).readValue(bytes);
        assertEquals(new Compound.WordCounts(3, List.of(new Compound.WordCount("ka", 2), new Compound.WordCount("lö", 1))),
                r.ok());
        JsonWorkerPattern.Reply<?> csv = JsonWorkerPattern.reader(mapper, ResultKind.CSV_TOTALS)
                .readValue("{\"ok\": {\"intSum\": -1, \"floatSum\": 0.30000000000000004, \"textChars\": 9}}");
        assertEquals(new Compound.CsvTotals(-1, 0.1 + 0.2, 9), csv.ok());
    }

    @Test
    void theRealWorkerAnswersEveryWorkloadAsWorkerPythonDoes() throws Exception {
        PatternEnv env = env();
        try (JsonWorkerPattern json = new JsonWorkerPattern(); WorkerPattern binary = new WorkerPattern(false)) {
            json.open(env);
            binary.open(env);
            for (Workload w : Workloads.ALL) {
                var in = w.input(w instanceof Nbody ? 10 : Math.max(w.minSize(), Math.min(w.maxSize() / 2, 57)));
                Call c = json.bind(w, in);
                if (w.resultKind().isCompound()) {
                    c.invoke();
                    assertTrue(w.agrees(in, w.referenceCompound(in), c.compound()), w.name() + ": " + c.compound());
                    Call b = binary.bind(w, in);
                    b.invoke();
                    assertEquals(b.compound(), c.compound(), w.name() + ": the same answer as over binary frames");
                    continue;
                }
                long got = c.invoke();
                assertTrue(w.agrees(in, w.referenceBits(in), got), w.name());
                assertEquals(binary.bind(w, in).invoke(), got, w.name() + ": the same bits as over binary frames");
                assertEquals(got, c.invoke(), w.name() + ": a second call gives the same answer");
            }
        }
    }

    /** A JSON worker that reads one line and answers {@code reply}. */
    private static WorkerProcess fake(PatternEnv env, String reply) throws PatternException {
        String script = "import sys; sys.stdin.buffer.readline(); sys.stdout.write(" + pythonString(reply) + "); sys.stdout.flush()";
        return new WorkerProcess(List.of(env.venvPython().toString(), "-c", script), env.pythonWorkloads(), new LineLink());
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private PatternException failedCall(PatternEnv env, String reply, ResultKind kind) throws Exception {
        WorkerProcess w = fake(env, reply);
        try {
            return assertThrows(PatternException.class, () -> JsonWorkerPattern.exchange(w, mapper.writer(),
                    JsonWorkerPattern.reader(mapper, kind), new JsonWorkerPattern.Op("ping")));
        } finally {
            w.close();
        }
    }

    @Test
    void aMalformedReplyIsAClearError() throws Exception {
        PatternEnv env = env();
        String msg = failedCall(env, "this is not JSON\n", ResultKind.INT64).getMessage();
        assertTrue(msg.startsWith("the worker sent a malformed JSON reply (") && msg.contains("this is not JSON"), msg);
        msg = failedCall(env, "{\"ok\": 1, \"error\": \"both\"}\n", ResultKind.INT64).getMessage();
        assertTrue(msg.contains("without exactly one of ok and error"), msg);
        msg = failedCall(env, "{}\n", ResultKind.INT64).getMessage();
        assertTrue(msg.contains("without exactly one of ok and error"), msg);
        msg = failedCall(env, "{\"ok\": {\"distinct\": 1}, \"extra\": 2}\n", ResultKind.WORD_COUNTS).getMessage();
        assertTrue(msg.contains("malformed JSON reply") && msg.contains("extra"), msg);
        msg = failedCall(env, "{\"error\": \"KeyError: no such thing\"}\n", ResultKind.INT64).getMessage();
        assertTrue(msg.contains("answered with an error: KeyError: no such thing"), msg);
        msg = failedCall(env, "{\"ok\": 1", ResultKind.INT64).getMessage();
        assertTrue(msg.contains("died") && msg.contains("inside a reply line"), msg);
    }

    @Test
    void theRealWorkerReportsABadRequestAndKeepsServing() throws Exception {
        PatternEnv env = env();
        WorkerProcess w = new WorkerProcess(List.of(env.venvPython().toString(), "-m", "gluebench_py.json_worker"),
                env.pythonWorkloads(), new LineLink());
        try {
            var reader = JsonWorkerPattern.reader(mapper, ResultKind.INT64);
            PatternException e = assertThrows(PatternException.class,
                    () -> JsonWorkerPattern.exchange(w, mapper.writer(), reader, new JsonWorkerPattern.Op("cobol")));
            assertTrue(e.getMessage().contains("answered with an error: unknown op 'cobol'"), e.getMessage());
            assertEquals(0L, JsonWorkerPattern.exchange(w, mapper.writer(), reader, new JsonWorkerPattern.Op("ping")));
            byte[] data = {(byte) 200, 55};
            assertEquals(255L, JsonWorkerPattern.exchange(w, mapper.writer(), reader,
                    new JsonWorkerPattern.EchoRequest("echo", data)));
            assertArrayEquals(new byte[] {(byte) 200, 55}, data, "the request did not touch the input");
        } finally {
            w.close();
        }
    }
}
