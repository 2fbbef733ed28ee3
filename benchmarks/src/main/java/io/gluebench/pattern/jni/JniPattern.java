package io.gluebench.pattern.jni;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Marshal;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Sale;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.gluebench.workload.ResultKind.bits;

/**
 * `jni`: Java calls the C kernel through JNI; arrays are pinned, not copied. Strings are encoded to
 * UTF-8 and records flattened (see {@link Marshal}) inside the timed call, because C needs bytes.
 */
public final class JniPattern implements Pattern {
    @Override
    public void open(PatternEnv env) {
        System.load(env.nativeLibrary().toString());
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> {
                byte[] data = e.data();
                yield () -> JniKernels.echo(data, data.length);
            }
            case WorkloadInput.Dot d -> {
                double[] a = d.a();
                double[] b = d.b();
                yield () -> bits(JniKernels.dot(a, b, a.length));
            }
            case WorkloadInput.Nbody n -> {
                int steps = n.steps();
                yield () -> bits(JniKernels.nbody(steps));
            }
            case WorkloadInput.Spectralnorm n -> {
                int size = n.n();
                yield () -> bits(JniKernels.spectralnorm(size));
            }
            case WorkloadInput.Mandelbrot n -> {
                int size = n.n();
                yield () -> JniKernels.mandelbrot(size);
            }
            case WorkloadInput.Matmul m -> {
                double[] a = m.a();
                double[] b = m.b();
                int size = m.n();
                yield () -> bits(JniKernels.matmul(a, b, size));
            }
            case WorkloadInput.Sort so -> {
                double[] data = so.data();
                yield () -> bits(JniKernels.sort(data, data.length));
            }
            case WorkloadInput.Fannkuch f -> {
                int size = f.n();
                yield () -> JniKernels.fannkuch(size);
            }
            case WorkloadInput.WordFreq w -> {
                String text = w.text();
                byte[] out = new byte[Marshal.RESULT_CAPACITY];
                yield CompoundCall.of(() -> {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    return Marshal.nativeResult(workload.resultKind(), JniKernels.wordfreq(utf8, utf8.length, out),
                            out, "gb_wordfreq");
                });
            }
            case WorkloadInput.Records r -> {
                List<Sale> sales = r.sales();
                byte[] request = new byte[Marshal.recordsRequestSize(sales)];
                ByteBuffer buf = ByteBuffer.wrap(request);
                byte[] out = new byte[Marshal.RESULT_CAPACITY];
                yield CompoundCall.of(() -> {
                    buf.clear();
                    Marshal.encodeRecords(sales, buf);
                    return Marshal.nativeResult(workload.resultKind(), JniKernels.records(request, request.length, out),
                            out, "gb_records");
                });
            }
            case WorkloadInput.Csv c -> {
                String text = c.text();
                byte[] out = new byte[Marshal.RESULT_CAPACITY];
                yield CompoundCall.of(() -> {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    return Marshal.nativeResult(workload.resultKind(), JniKernels.csvparse(utf8, utf8.length, out),
                            out, "gb_csvparse");
                });
            }
        };
    }

    @Override
    public void close() {
    }
}
