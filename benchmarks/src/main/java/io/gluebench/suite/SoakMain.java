package io.gluebench.suite;

import io.gluebench.pattern.Call;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.Patterns;
import io.gluebench.pattern.PointSession;
import io.gluebench.workload.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The fork of a soak (`gluebench soak`): opens and verifies each point given (PATTERN/WORKLOAD/N),
 * one at a time so that the processes each one starts (its worker) are known, then calls every
 * point back to back on its own thread (an embedded interpreter belongs to the thread that made
 * it) until the time is up. It prints, for the harness that samples its memory:
 * <pre>
 *   open INDEX PATTERN WORKLOAD N PID,PID   the processes this point started (none: -)
 *   failed INDEX PATTERN WORKLOAD N REASON   not opened or stopped by an error
 *   go                                       every point is open: the calls begin
 *   calls SECONDS COUNT,COUNT,...            calls made so far, per point, every 5 s and at the end
 * </pre>
 * No JMH and no timing: a soak watches memory over hours of calls, not the time of one.
 */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SoakMain SECONDS PATTERN/WORKLOAD/N... (started by gluebench soak)");
            System.exit(2);
        }
        long seconds = Long.parseLong(args[0]);
        PatternEnv env = PatternEnv.fromSystem();
        int n = args.length - 1;
        AtomicLong[] calls = new AtomicLong[n];
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            calls[i] = new AtomicLong();
            String[] p = args[i + 1].split("/");
            int index = i;
            CountDownLatch opened = new CountDownLatch(1);
            AtomicReference<String> failure = new AtomicReference<>();
            Set<Long> before = children();
            Thread t = new Thread(() -> soak(index, p, env, calls[index], opened, failure, go, deadline),
                    "gluebench-soak-" + i);
            t.setDaemon(true);
            t.start();
            opened.await();
            if (failure.get() != null) {
                print("failed " + index + " " + String.join(" ", p) + " " + failure.get());
                continue;
            }
            Set<Long> started = children();
            started.removeAll(before);
            print("open " + index + " " + String.join(" ", p) + " "
                    + (started.isEmpty() ? "-" : started.stream().map(String::valueOf).collect(Collectors.joining(","))));
            threads.add(t);
        }
        long start = System.nanoTime();
        deadline[0] = start + seconds * 1_000_000_000L;
        print("go");
        go.countDown();
        while (System.nanoTime() < deadline[0] && threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(Math.min(5000, Math.max(1, (deadline[0] - System.nanoTime()) / 1_000_000)));
            printCalls(start, calls);
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        printCalls(start, calls);
        System.exit(0);
    }

    private static void soak(int index, String[] p, PatternEnv env, AtomicLong calls, CountDownLatch opened,
            AtomicReference<String> failure, CountDownLatch go, long[] deadline) {
        PointSession session;
        try {
            var spec = Patterns.byName(p[0]).orElseThrow(() -> new IllegalArgumentException("unknown pattern " + p[0]));
            var workload = Workloads.byName(p[1]).orElseThrow(() -> new IllegalArgumentException("unknown workload " + p[1]));
            session = PointSession.open(spec, workload, Integer.parseInt(p[2]), env);
        } catch (Exception | LinkageError e) {
            failure.set(oneLine(e));
            opened.countDown();
            return;
        }
        opened.countDown();
        long sink = 0;
        try (session) {
            go.await();
            Call call = session.call();
            while (System.nanoTime() < deadline[0]) {
                for (int k = 0; k < 64; k++) {
                    sink ^= call.invoke();
                }
                calls.addAndGet(64);
            }
        } catch (Exception | LinkageError e) {
            print("failed " + index + " " + String.join(" ", p) + " " + oneLine(e));
        }
        if (sink == 42) {
            System.err.println("sink");
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static void printCalls(long start, AtomicLong[] calls) {
        StringBuilder sb = new StringBuilder();
        for (AtomicLong c : calls) {
            sb.append(sb.isEmpty() ? "" : ",").append(c.get());
        }
        print("calls " + (System.nanoTime() - start) / 1_000_000_000L + " " + sb);
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }
}
