package io.gluebench.pattern.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternException;
import io.gluebench.workload.Compound;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * `worker-json` (anti-pattern): the pure-Python source in a persistent CPython worker
 * (python-workloads/gluebench_py/json_worker.py) over pipes, as `worker-python`, but every message is
 * one line of JSON (JSON Lines), the protocol people ship. Each timed call serialises a request
 * record with Jackson (double[] as arrays of decimal numbers, byte[] as base64, records as objects
 * with named fields, text as an escaped string), writes the line, reads the reply line and binds it
 * with Jackson to {@code {"ok": result}} or {@code {"error": message}}: compound answers straight
 * into the {@link Compound} records. Python parses with json.loads and writes with json.dumps. The
 * only difference from `worker-python` is the encoding of what crosses.
 */
public final class JsonWorkerPattern implements Pattern {
    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectWriter writer = mapper.writer();
    private final PatternChild<WorkerProcess> worker = new PatternChild<>();

    /** A reply line: exactly one of the two is set. */
    record Reply<T>(T ok, String error) {
    }

    record Op(String op) {
    }

    record EchoRequest(String op, byte[] data) {
    }

    record DotRequest(String op, double[] a, double[] b) {
    }

    record SizeRequest(String op, int n) {
    }

    record MatmulRequest(String op, int n, double[] a, double[] b) {
    }

    record SortRequest(String op, double[] data) {
    }

    record TextRequest(String op, String text) {
    }

    record RecordsRequest(String op, List<Sale> rows) {
    }

    @Override
    public void open(PatternEnv env) throws PatternException {
        List<String> command = WorkerPattern.pythonCommand(env, "gluebench_py.json_worker");
        worker.hold(env, new WorkerProcess(command, env.pythonWorkloads(), new LineLink()));
        try {
            Object pong = exchange(worker.get(), writer, reader(mapper, ResultKind.INT64), new Op("ping"));
            if (!Long.valueOf(0).equals(pong)) {
                throw new PatternException("the JSON worker answered ping with " + pong + " instead of 0");
            }
        } catch (PatternException e) {
            close();
            throw e;
        }
    }

    /** The reader of a reply whose ok part is the given kind's Java type. */
    static ObjectReader reader(ObjectMapper mapper, ResultKind kind) {
        Class<?> ok = switch (kind) {
            case FLOAT64 -> Double.class;
            case INT64, PAIR32 -> Long.class;
            case BYTES -> throw new IllegalArgumentException("worker-json carries no bytes answers");
            case WORD_COUNTS -> Compound.WordCounts.class;
            case CATEGORY_SUMS -> Compound.CategorySums.class;
            case CSV_TOTALS -> Compound.CsvTotals.class;
        };
        JavaType type = mapper.getTypeFactory().constructParametricType(Reply.class, ok);
        return mapper.readerFor(type);
    }

    /**
     * One round trip: the request as a JSON line, the reply line bound by {@code reader}; returns the
     * ok part, or fails with the worker's error or with what is wrong with the reply.
     */
    static Object exchange(WorkerProcess w, ObjectWriter writer, ObjectReader reader, Object request)
            throws PatternException {
        byte[] json;
        try {
            json = writer.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new PatternException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
        w.request(json.length).put(json);
        ByteBuffer line = w.exchange(json.length);
        Reply<?> reply;
        try {
            reply = reader.readValue(line.array(), line.arrayOffset(), line.remaining());
        } catch (IOException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw w.badReply("sent a malformed JSON reply (" + msg + "): " + start(line), e);
        }
        if (reply == null || (reply.ok() == null) == (reply.error() == null)) {
            throw w.badReply("sent a JSON reply without exactly one of ok and error: " + start(line), null);
        }
        if (reply.error() != null) {
            throw w.badReply("answered with an error: " + reply.error(), null);
        }
        return reply.ok();
    }

    private static String start(ByteBuffer line) {
        int n = Math.min(line.remaining(), 200);
        String s = new String(line.array(), line.arrayOffset(), n, StandardCharsets.UTF_8);
        return n < line.remaining() ? s + " ..." : s;
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) {
        Object request = switch (input) {
            case WorkloadInput.Echo e -> new EchoRequest("echo", e.data());
            case WorkloadInput.Dot d -> new DotRequest("dot", d.a(), d.b());
            case WorkloadInput.Nbody n -> new SizeRequest("nbody", n.steps());
            case WorkloadInput.Spectralnorm n -> new SizeRequest("spectralnorm", n.n());
            case WorkloadInput.Mandelbrot n -> new SizeRequest("mandelbrot", n.n());
            case WorkloadInput.Fannkuch f -> new SizeRequest("fannkuch", f.n());
            case WorkloadInput.Matmul m -> new MatmulRequest("matmul", m.n(), m.a(), m.b());
            case WorkloadInput.Sort so -> new SortRequest("sort", so.data());
            case WorkloadInput.WordFreq t -> new TextRequest("wordfreq", t.text());
            case WorkloadInput.Csv c -> new TextRequest("csvparse", c.text());
            case WorkloadInput.Records r -> new RecordsRequest("records", r.sales());
        };
        WorkerProcess w = worker.get();
        ResultKind kind = workload.resultKind();
        ObjectReader reader = reader(mapper, kind);
        if (kind.isCompound()) {
            return CompoundCall.of(() -> (Compound) exchange(w, writer, reader, request));
        }
        if (kind == ResultKind.FLOAT64) {
            return () -> ResultKind.bits((Double) exchange(w, writer, reader, request));
        }
        return () -> (Long) exchange(w, writer, reader, request);
    }

    @Override
    public String engine() {
        return worker.engine(w -> "CPython JSON worker pid " + w.pid() + " over pipe");
    }

    @Override
    public void close() {
        worker.close();
    }
}
