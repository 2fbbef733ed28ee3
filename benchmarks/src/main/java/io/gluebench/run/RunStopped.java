package io.gluebench.run;

/**
 * The run stopped before it finished, for a reason outside it (another JMH benchmark took the
 * machine). Its folder is valid, nothing was recorded as failed, and {@code ./gluebench run --resume}
 * finishes it; the message says so. Exit code 4.
 */
public class RunStopped extends Exception {
    public RunStopped(String message) {
        super(message);
    }
}
