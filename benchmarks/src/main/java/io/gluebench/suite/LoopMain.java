package io.gluebench.suite;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.PointSession;
import io.gluebench.workload.Workloads;

/**
 * A fresh fork that opens and verifies one point, then calls it back to back for a given number of
 * seconds and prints one line per second: "second calls meanNanos compilations" (the JIT compilations the
 * engine reported in that second, -1 when it reports none). No JMH: this is the plain loop a
 * long-lived service runs, the yardstick a benchmark's warm-up is judged against (`gluebench curve`).
 */
public final class LoopMain {
    private LoopMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LoopMain PATTERN WORKLOAD N SECONDS (started by gluebench curve)");
            System.exit(2);
        }
        var spec = Patterns.byName(args[0]).orElseThrow();
        var workload = Workloads.byName(args[1]).orElseThrow();
        int size = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        PatternEnv env = PatternEnv.fromSystem();
        long sink = 0;
        try (PointSession session = PointSession.open(spec, workload, size, env)) {
            Call call = session.call();
            long start = System.nanoTime();
            long compiled = session.compilations();
            for (int s = 1; s <= seconds; s++) {
                TimedBatch b = TimedBatch.until(call, start + s * 1_000_000_000L);
                sink ^= b.sink();
                long now = session.compilations();
                System.out.println(s + " " + b.calls() + " " + b.nanosPerCall() + " " + (now < 0 ? -1 : now - compiled));
                compiled = now;
                System.out.flush();
            }
        } catch (PointSession.VerificationException e) {
            System.err.println("not timed: " + e.getMessage());
            System.exit(1);
        }
        System.err.println("sink " + (sink & 1));
        System.exit(0);
    }
}
