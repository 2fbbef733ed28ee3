package io.gluebench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fork could not take JMH's machine-wide lock: another JMH benchmark started on the machine while
 * this run was measuring. Not a failure of the point: the run stops, so that --resume measures it later.
 */
final class JmhLockTaken extends IOException {
    /** JMH's words when its lock is held ("Unable to acquire the JMH lock ..."). */
    static final String JMH_SAYS = "JMH lock";

    JmhLockTaken(String where) {
        super("another JMH benchmark took JMH's machine-wide lock while this run was measuring (" + where + ")");
    }

    /** Throws when a fork's log or failure says JMH's lock was taken. */
    static void check(Path log, String failure, String where) throws JmhLockTaken {
        if (failure != null && failure.contains(JMH_SAYS)) {
            throw new JmhLockTaken(where);
        }
        try {
            if (log != null && Files.isRegularFile(log) && Files.readString(log).contains("Unable to acquire the " + JMH_SAYS)) {
                throw new JmhLockTaken(where);
            }
        } catch (JmhLockTaken e) {
            throw e;
        } catch (IOException | RuntimeException unreadable) {
            // No log to read: the failure is the point's own.
        }
    }
}
