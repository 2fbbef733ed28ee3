package io.gluebench.suite;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;

/**
 * Fault injection for the harness's own tests, with GLUEBENCH_FAULT (environment) or
 * -Dgluebench.fault (passed on to forks) set to one of:
 * <ul>
 *   <li>segfault:PATTERN: every fork of PATTERN (its points, start-ups and callers alike) raises
 *       SIGSEGV once its pattern is open and verified, as a crashing JNI library or CPython
 *       extension would;</li>
 *   <li>hang:PATTERN: the point's set-up never returns, as a hung interpreter would;</li>
 *   <li>killworker:PATTERN: every process the fork started (the worker) is killed 200 ms after
 *       set-up, in the middle of the point's timing, as the OOM killer or an operator would;</li>
 *   <li>slow:PATTERN: every timed call is about ten times as slow, as a regression would be (the
 *       baseline gate's own test sees it fail).</li>
 * </ul>
 * The run must fail that measurement only. Unset (always, outside those tests), this does nothing.
 */
public final class Faults {
    static final String VARIABLE = "GLUEBENCH_FAULT";
    public static final String PROPERTY = "gluebench.fault";

    private Faults() {
    }

    /**
     * The call, or with slow:PATTERN the call followed by a spin nine times as long as the call's own
     * fastest time (verification has passed already): the pattern measures about ten times as slow,
     * far outside any machine's noise, whatever the compiler makes of the call itself.
     */
    static io.gluebench.pattern.Call maybeSlow(String pattern, io.gluebench.pattern.Call call) throws Exception {
        String fault = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (!("slow:" + pattern).equals(fault)) {
            return call;
        }
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            call.invoke();
            fastest = Math.min(fastest, System.nanoTime() - t0);
        }
        long extra = 9 * fastest;
        return () -> {
            long r = call.invoke();
            long until = System.nanoTime() + extra;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return r;
        };
    }

    static void maybeCrash(String pattern) throws Throwable {
        String fault = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (fault == null) {
            return;
        }
        if (fault.equals("hang:" + pattern)) {
            Thread.sleep(Long.MAX_VALUE);
        }
        if (fault.equals("killworker:" + pattern)) {
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            }, "gluebench-fault-killworker");
            killer.setDaemon(true);
            killer.start();
            return;
        }
        if (!fault.equals("segfault:" + pattern)) {
            return;
        }
        Linker linker = Linker.nativeLinker();
        var raise = linker.downcallHandle(linker.defaultLookup().find("raise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        int sigsegv = 11;
        int unused = (int) raise.invokeExact(sigsegv);
    }
}
