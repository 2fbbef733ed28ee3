package io.gluebench.workload.builtin;

import static io.gluebench.workload.ResultKind.bits;

import io.gluebench.workload.ResultKind;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;

/** sort: sort N doubles; the answer is the checksum sum (i+1) s[i] of the sorted copy. N log N, memory traffic. */
public final class Sort extends BuiltinWorkload<WorkloadInput.Sort> {

    public Sort() {
        super(WorkloadInput.Sort.class, new Facts("sort",
                "Sort N doubles; the result is the checksum sum (i+1) s[i] of the sorted copy. N log N, memory "
                        + "traffic.",
                "doubles", "N log N", 0, Integer.MAX_VALUE / 8,
                ResultKind.FLOAT64, new Tolerance(1e-12, "numpy's weighted sum runs in another order; error measured "
                        + "against sum (i+1)|s[i]|"),
                "8 N bytes there, 8 back", "sort.py", null));
    }

    /** N values from the seeded stream, in stream order (unsorted). */
    @Override
    protected WorkloadInput.Sort generate(int n) {
        return new WorkloadInput.Sort(new SplitMix64(SEED).nextDoubles(n));
    }

    @Override
    protected long reference(WorkloadInput.Sort input) {
        return bits(sort(input.data()));
    }

    @Override
    public double errorScale(WorkloadInput input) {
        return sortScale(cast(input).data());
    }

    /** Sorts a copy ascending; checksum = sum of (i+1) * s[i]. */
    public static double sort(double[] data) {
        double[] s = data.clone();
        java.util.Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += (i + 1) * s[i];
        }
        return sum;
    }

    /** The natural error scale of the sort checksum: sum of (i+1) * |s[i]|. */
    public static double sortScale(double[] data) {
        double[] s = data.clone();
        java.util.Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += (i + 1) * Math.abs(s[i]);
        }
        return sum;
    }
}
