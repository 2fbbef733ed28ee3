package io.gluebench.workload;

/**
 * The deterministic input generator shared by every workload (SplitMix64). The Python side
 * mirrors it in python-workloads/gluebench_py/inputs.py, so both languages can rebuild the same
 * inputs from (workload, size, seed).
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** The next n values 2u - 1, uniform in [-1, 1), in stream order. */
    public double[] nextDoubles(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 2 * nextDouble() - 1;
        }
        return out;
    }
}
