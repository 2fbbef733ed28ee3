package io.gluebench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one JMH invocation (its forks) with its output in a log file, under a watchdog that kills
 * the forks and everything they started when the whole invocation overruns its timeout.
 */
final class JmhFork {
    private JmhFork() {
    }

    /** What JMH returned, the first line of its failure if any, and whether the watchdog fired. */
    record Outcome(Collection<RunResult> results, String failure, boolean timedOut) {
        RunResult first() {
            return results.isEmpty() ? null : results.iterator().next();
        }
    }

    static Outcome run(Options options, Path logFile, int timeoutSeconds, boolean verbose) throws IOException {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gluebench-watchdog");
            t.setDaemon(true);
            return t;
        });
        ScheduledFuture<?> kill = watchdog.schedule(() -> {
            timedOut.set(true);
            PointRunner.killForks();
        }, timeoutSeconds, TimeUnit.SECONDS);
        Collection<RunResult> results = List.of();
        String failure = null;
        try (OutputStream logOut = Files.newOutputStream(logFile);
             PrintStream tee = new PrintStream(new Tee(logOut, verbose ? System.out : null), true, StandardCharsets.UTF_8)) {
            Runner runner = new Runner(options, OutputFormatFactory.createFormatInstance(tee, VerboseMode.NORMAL));
            results = runner.run();
        } catch (RunnerException e) {
            failure = e.getMessage();
        } finally {
            kill.cancel(false);
            watchdog.shutdownNow();
        }
        return new Outcome(results, failure, timedOut.get());
    }

    /** Writes to the log and, with --verbose, to the terminal too. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            if (b != null) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            if (b != null) {
                b.write(buf, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            if (b != null) {
                b.flush();
            }
        }
    }
}
