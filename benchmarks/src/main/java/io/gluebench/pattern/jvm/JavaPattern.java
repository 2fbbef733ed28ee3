package io.gluebench.pattern.jvm;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;
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

import static io.gluebench.workload.ResultKind.bits;

/** `java`: the reference implementation itself, the baseline every chart is read against. */
public final class JavaPattern implements Pattern {
    @Override
    public void open(PatternEnv env) {
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> () -> Echo.echo(e.data());
            case WorkloadInput.Dot d -> () -> bits(Dot.dot(d.a(), d.b()));
            case WorkloadInput.Nbody n -> () -> bits(Nbody.nbody(n.steps()));
            case WorkloadInput.Spectralnorm n -> () -> bits(Spectralnorm.spectralnorm(n.n()));
            case WorkloadInput.Mandelbrot n -> () -> Mandelbrot.mandelbrot(n.n());
            case WorkloadInput.Matmul m -> () -> bits(Matmul.matmul(m.a(), m.b(), m.n()));
            case WorkloadInput.Sort so -> () -> bits(Sort.sort(so.data()));
            case WorkloadInput.Fannkuch f -> () -> Fannkuch.fannkuch(f.n());
            case WorkloadInput.WordFreq w -> CompoundCall.of(() -> Wordfreq.wordfreq(w.text()));
            case WorkloadInput.Records r -> CompoundCall.of(() -> Records.records(r.sales()));
            case WorkloadInput.Csv c -> CompoundCall.of(() -> Csvparse.csvparse(c.text()));
        };
    }

    @Override
    public void close() {
    }
}
