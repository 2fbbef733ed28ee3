package io.gluebench.workload.builtin;

import io.gluebench.workload.ResultKind;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/** echo: N bytes cross the boundary and the far side returns their checksum; the pure crossing cost. */
public final class Echo extends BuiltinWorkload<WorkloadInput.Echo> {

    public Echo() {
        super(WorkloadInput.Echo.class, new Facts("echo",
                "N bytes cross the boundary; the far side returns their checksum. Pure crossing cost.",
                "bytes sent per call", "N", 0, Integer.MAX_VALUE,
                ResultKind.INT64, Tolerance.exact("integer checksum"),
                "N bytes there, 8 back", "echo.py", null));
    }

    /** Byte i is the top 8 bits of the i-th value of the seeded stream. */
    @Override
    protected WorkloadInput.Echo generate(int n) {
        SplitMix64 rng = new SplitMix64(SEED);
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (rng.next() >>> 56);
        }
        return new WorkloadInput.Echo(data);
    }

    @Override
    protected long reference(WorkloadInput.Echo input) {
        return echo(input.data());
    }

    /** The sum of the unsigned byte values. */
    public static long echo(byte[] data) {
        long sum = 0;
        for (byte b : data) {
            sum += b & 0xFF;
        }
        return sum;
    }
}
