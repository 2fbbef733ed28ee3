package io.gluebench.pattern.jvm;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.CompoundCall;
import io.gluebench.pattern.Pattern;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.workload.Reference;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;

import static io.gluebench.workload.ResultKind.bits;

/** `java`: the reference implementation itself, the baseline every chart is read against. */
public final class JavaPattern implements Pattern {
    @Override
    public void open(PatternEnv env) {
    }

    @Override
    public Call bind(Workload workload, WorkloadInput input) {
        return switch (input) {
            case WorkloadInput.Echo e -> () -> Reference.echo(e.data());
            case WorkloadInput.Dot d -> () -> bits(Reference.dot(d.a(), d.b()));
            case WorkloadInput.Nbody n -> () -> bits(Reference.nbody(n.steps()));
            case WorkloadInput.Spectralnorm n -> () -> bits(Reference.spectralnorm(n.n()));
            case WorkloadInput.Mandelbrot n -> () -> Reference.mandelbrot(n.n());
            case WorkloadInput.Matmul m -> () -> bits(Reference.matmul(m.a(), m.b(), m.n()));
            case WorkloadInput.Sort so -> () -> bits(Reference.sort(so.data()));
            case WorkloadInput.Fannkuch f -> () -> Reference.fannkuch(f.n());
            case WorkloadInput.WordFreq w -> CompoundCall.of(() -> Reference.wordfreq(w.text()));
            case WorkloadInput.Records r -> CompoundCall.of(() -> Reference.records(r.sales()));
            case WorkloadInput.Csv c -> CompoundCall.of(() -> Reference.csvparse(c.text()));
        };
    }

    @Override
    public void close() {
    }
}
