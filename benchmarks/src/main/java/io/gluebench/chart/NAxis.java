package io.gluebench.chart;

import io.gluebench.result.Units;
import java.util.Collection;

/**
 * Where N sits on a log axis that also shows N = 0: zero is drawn one decade left of the smallest
 * positive size, and N between 1 and that size is spread log-linearly over the gap, so that a
 * boundary at the geometric mean of 0 (counted as 1) and the next size lands half-way.
 */
final class NAxis {
    final boolean hasZero;
    final int minPositive;
    final int maxN;
    /** log10 position of N = 0. */
    final double zeroAt;

    NAxis(Collection<Integer> sizes) {
        hasZero = sizes.stream().anyMatch(n -> n == 0);
        minPositive = sizes.stream().mapToInt(Integer::intValue).filter(n -> n > 0).min().orElse(1);
        maxN = sizes.stream().mapToInt(Integer::intValue).max().orElse(10);
        zeroAt = Math.floor(Math.log10(minPositive)) - 1;
    }

    /** The log10-space position of N. */
    double x(double n) {
        double lm = Math.log10(minPositive);
        if (n >= minPositive || !hasZero) {
            return Math.log10(Math.max(n, 1e-3));
        }
        if (n <= 1 || lm <= 0) {
            return zeroAt;
        }
        return zeroAt + Math.log10(n) / lm * (lm - zeroAt);
    }

    /** Left end of the axis, half a decade before the first size. */
    double min() {
        return (hasZero ? zeroAt : Math.floor(Math.log10(minPositive))) - 0.5;
    }

    /**
     * Right end of the axis, half a decade after the decade of the last size; a size just past a
     * power of ten (2^20 = 1.05M) counts as that power, so no empty decade is drawn after it.
     */
    double max() {
        double first = hasZero ? zeroAt : Math.floor(Math.log10(minPositive));
        return Math.ceil(Math.max(Math.log10(Math.max(maxN, 1)) - 0.1, first + 1)) + 0.5;
    }

    /** The label of a decade tick: "0" at zero's place, else 1, 10, 100, 1k, ... */
    String label(int decade) {
        return hasZero && decade == (int) Math.round(zeroAt) ? "0" : Units.count(Math.pow(10, decade));
    }
}
