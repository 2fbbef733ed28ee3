package io.gluebench.suite;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;

/**
 * Fault injection for the harness's own tests: with GLUEBENCH_FAULT (environment) or
 * -Dgluebench.fault (passed on to forks) set to segfault:PATTERN, the fork of every point of
 * PATTERN raises SIGSEGV once its pattern is open and verified, as a crashing JNI library or
 * CPython extension would; with hang:PATTERN it never returns from its set-up, as a hung
 * interpreter would; with killworker:PATTERN every process the fork started (the worker) is
 * killed 200 ms after set-up, in the middle of the point's timing, as the OOM killer or an operator
 * would. The run must fail that point only. Unset (always, outside those tests), this does nothing.
 */
public final class Faults {
    static final String VARIABLE = "GLUEBENCH_FAULT";
    public static final String PROPERTY = "gluebench.fault";

    private Faults() {
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
