package io.gluebench.analysis;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** f(N) of a workload's cost model t(N) = a + b f(N), parsed from its declared complexity. */
public enum Complexity {
    CONSTANT("1", n -> 1.0),
    LINEAR("N", n -> n),
    N_LOG_N("N log N", n -> n <= 1 ? n : n * Math.log(n) / Math.log(2)),
    QUADRATIC("N^2", n -> n * n),
    CUBIC("N^3", n -> n * n * n),
    /** N! permutations (fannkuch); Gamma(N+1) for non-integer N. */
    FACTORIAL("N!", n -> Math.exp(org.apache.commons.math3.special.Gamma.logGamma(n + 1)));

    private final String label;
    private final DoubleUnaryOperator f;

    Complexity(String label, DoubleUnaryOperator f) {
        this.label = label;
        this.f = f;
    }

    public double apply(double n) {
        return f.applyAsDouble(n);
    }

    public String label() {
        return label;
    }

    /** Reads "N", "N log N", "N^2", "N²", "N*N"...; unknown text falls back to linear. */
    public static Complexity parse(String s) {
        String k = s == null ? "n" : s.toLowerCase(Locale.ROOT).replace(" ", "").replace("²", "^2").replace("³", "^3");
        return switch (k) {
            case "1", "o(1)" -> CONSTANT;
            case "nlogn", "n*logn", "nlog(n)" -> N_LOG_N;
            case "n^2", "n*n", "n2" -> QUADRATIC;
            case "n^3", "n*n*n", "n3" -> CUBIC;
            case "n!", "factorial" -> FACTORIAL;
            default -> LINEAR;
        };
    }
}
