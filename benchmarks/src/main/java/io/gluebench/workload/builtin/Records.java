package io.gluebench.workload.builtin;

import io.gluebench.workload.Compound;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.Sale;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * records: group N records (id, category, amount in cents) by category and sum the amounts. Object
 * graphs and marshalling, the everyday data of an orchestrator.
 */
public final class Records extends CompoundWorkload<WorkloadInput.Records> {
    /** The 16 categories. */
    private static final String[] CATEGORIES = {"books", "electronics", "garden", "grocery", "health", "home",
        "jewelry", "kitchen", "music", "office", "outdoor", "pets", "shoes", "sports", "toys", "travel"};

    public Records() {
        super(WorkloadInput.Records.class, new Facts("records",
                "Group N records (id, category, amount in cents) by category and sum the amounts; the records cross "
                        + "as structured data, the result is the per-category sums. Object graphs and marshalling, the "
                        + "everyday data of an orchestrator.",
                "records", "N", 0, 10_000_000,
                ResultKind.CATEGORY_SUMS, Tolerance.exact("amounts are integer cents, as money should be, so every "
                        + "summation order is exact"),
                "about 24 N bytes there (id, amount, category), about 250 back", "records.py", null));
    }

    /** Record r: category CATEGORIES[floor(u^2 * 16)], amount in cents -100000..899999, id 1000000 + r. */
    @Override
    protected WorkloadInput.Records generate(int n) {
        SplitMix64 rng = new SplitMix64(SEED);
        List<Sale> sales = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            double u = rng.nextDouble();
            String category = CATEGORIES[(int) (u * u * 16.0)];
            long amount = ((rng.next() >>> 40) % 1_000_000) - 100_000;
            sales.add(new Sale(1_000_000L + r, category, amount));
        }
        return new WorkloadInput.Records(List.copyOf(sales));
    }

    @Override
    protected Compound compound(WorkloadInput.Records input) {
        return records(input.sales());
    }

    /** The sum of the amounts of each category, sorted by category. */
    public static Compound.CategorySums records(List<Sale> sales) {
        HashMap<String, long[]> sums = new HashMap<>();
        for (Sale s : sales) {
            sums.computeIfAbsent(s.category(), k -> new long[1])[0] += s.amountCents();
        }
        List<Compound.CategorySum> out = new ArrayList<>(sums.size());
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            out.add(new Compound.CategorySum(e.getKey(), e.getValue()[0]));
        }
        out.sort(Comparator.comparing(Compound.CategorySum::category));
        return new Compound.CategorySums(out);
    }
}
