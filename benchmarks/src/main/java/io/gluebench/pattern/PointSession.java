package io.gluebench.pattern;

import io.gluebench.result.Verification;
import io.gluebench.workload.Compound;
import io.gluebench.workload.Workload;
import io.gluebench.workload.WorkloadInput;

/**
 * A pattern opened, bound to one workload input and verified: the only way a {@link Call} reaches a
 * timer. {@link #open} calls the pattern once and compares its answer with the Java reference; on
 * disagreement it closes the pattern and throws, so nothing unverified is ever timed.
 */
public final class PointSession implements AutoCloseable {
    private final Pattern pattern;
    private final Call call;
    private final Verification verification;

    private PointSession(Pattern pattern, Call call, Verification verification) {
        this.pattern = pattern;
        this.call = call;
        this.verification = verification;
    }

    /** Opens, binds and verifies. Throws {@link VerificationException} carrying the verdict on failure. */
    public static PointSession open(PatternSpec spec, Workload workload, int size, PatternEnv env)
            throws VerificationException {
        BlasThreads.applyToThisProcess();
        WorkloadInput input = workload.input(size);
        String reference = workload.referenceText(input);
        Pattern pattern = spec.create();
        try {
            pattern.open(env);
            Call call = pattern.bind(workload, input);
            Verification v = workload.resultKind().isCompound()
                    ? verifyCompound(spec, workload, input, call, pattern.engine())
                    : verifyScalar(spec, workload, input, call, pattern.engine());
            if (!v.ok()) {
                throw new VerificationException(v);
            }
            return new PointSession(pattern, call, v);
        } catch (VerificationException e) {
            closeQuietly(pattern);
            throw e;
        } catch (Exception | LinkageError e) {
            closeQuietly(pattern);
            String engine = safeEngine(pattern);
            throw new VerificationException(new Verification(workload.name(), spec.name(), size,
                    null, reference, false, engine, message(e), null), e);
        }
    }

    private static Verification verifyScalar(PatternSpec spec, Workload workload, WorkloadInput input, Call call,
            String engine) throws Exception {
        long expected = workload.referenceBits(input);
        long actual = call.invoke();
        boolean ok = workload.agrees(input, expected, actual);
        String value = workload.resultKind().format(actual);
        String reference = workload.resultKind().format(expected);
        return new Verification(workload.name(), spec.name(), input.size(), value, reference, ok, engine,
                ok ? null : "answer " + value + " disagrees with " + (workload.userSource() == null ? "the Java reference "
                        : "CPython's answer ") + reference
                        + " (" + describe(workload) + ")",
                workload.resultKind().decode(actual));
    }

    private static Verification verifyCompound(PatternSpec spec, Workload workload, WorkloadInput input, Call call,
            String engine) throws Exception {
        Compound expected = workload.referenceCompound(input);
        call.invoke();
        Compound actual = call.compound();
        if (actual == null) {
            throw new PatternException(spec.name() + " gave no compound answer for " + workload.name());
        }
        boolean ok = workload.agrees(input, expected, actual);
        return new Verification(workload.name(), spec.name(), input.size(), actual.format(), expected.format(), ok,
                engine, ok ? null : "answer " + actual.format() + " disagrees with the Java reference "
                        + expected.format() + " (" + describe(workload) + ")",
                actual);
    }

    private static String describe(Workload w) {
        return w.tolerance().relative() == 0 ? "exact comparison"
                : "relative tolerance " + w.tolerance().relative() + ": " + w.tolerance().reason();
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        if (!(e instanceof PatternException) && e.getCause() != null && e.getCause() != e
                && e.getCause().getMessage() != null && !m.contains(e.getCause().getMessage())) {
            m += " (" + e.getCause().getMessage() + ")";
        }
        return m;
    }

    private static String safeEngine(Pattern p) {
        try {
            return p.engine();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void closeQuietly(Pattern p) {
        try {
            p.close();
        } catch (Exception ignored) {
            // The original failure is what the user needs.
        }
    }

    public Call call() {
        return call;
    }

    public Verification verification() {
        return verification;
    }

    /** The engine's JIT compilations so far, or -1 if it does not report them ({@link Pattern#compilations}). */
    public long compilations() {
        return pattern.compilations();
    }

    @Override
    public void close() throws Exception {
        pattern.close();
    }

    /** The pattern gave no answer or a wrong one; {@link #verification()} says which. */
    public static final class VerificationException extends Exception {
        private final transient Verification verification;

        public VerificationException(Verification v) {
            super(v.error());
            this.verification = v;
        }

        public VerificationException(Verification v, Throwable cause) {
            super(v.error(), cause);
            this.verification = v;
        }

        public Verification verification() {
            return verification;
        }
    }
}
