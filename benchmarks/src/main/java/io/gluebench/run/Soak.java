package io.gluebench.run;

import io.gluebench.analysis.Growth;
import io.gluebench.pattern.PatternEnv;
import io.gluebench.pattern.PatternSpec;
import io.gluebench.result.Machine;
import io.gluebench.result.RunStore;
import io.gluebench.workload.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A soak: one fork calls the chosen points back to back for a long time (see
 * {@link io.gluebench.suite.SoakMain}) while this process samples the resident set of the fork (the
 * JVM with its embedded interpreters) and of each worker it started, every few seconds, from
 * /proc. The samples go to soak.csv and the fits ({@link Growth}: growth per hour with its interval)
 * to soak.json, in a folder of its own beside the runs. Not part of a run, not timed, not in CI.
 */
public final class Soak {
    public static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** One point of the soak. */
    public record Item(PatternSpec pattern, Workload workload, int size) {
        String arg() {
            return pattern.name() + "/" + workload.name() + "/" + size;
        }
    }

    /** One process watched: the fork, or a worker with the point that started it. */
    public record Process(String name, long pid, String started) {
    }

    /** One sample: seconds since the calls began, and each process's resident set in bytes (-1 once gone). */
    public record Sample(double seconds, List<Long> rssBytes) {
    }

    /** One process's fit. */
    public record Result(String name, long pid, double firstMib, double peakMib, double lastMib, Growth.Fit growth) {
    }

    /** What soak.json holds. */
    public record Report(int formatVersion, String command, Machine machine, double seconds, double sampleSeconds,
            List<String> points, Map<String, Long> calls, List<String> failures, List<Process> processes,
            List<Result> results) {
    }

    static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");

    private final PatternEnv env;
    private final PrintStream out;

    public Soak(PatternEnv env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /** Where a soak was written, and what soak.json there holds. */
    public record Done(Path dir, Report report) {
    }

    /** Runs the soak into a new folder under resultsRoot/machine. */
    public Done run(List<Item> items, int seconds, int sampleSeconds, Path resultsRoot, String command)
            throws IOException, UsageException, InterruptedException {
        try (MachineLock lock = MachineLock.take(MachineLock.directory())) {
            Instant start = Instant.now();
            Fingerprint fp = new Fingerprint(env);
            Machine machine = fp.machine(fp.versions(), start);
            Path dir = RunPipeline.newRunDir(resultsRoot.resolve(machine.id()), ID.format(start) + "-soak");
            lock.describe(dir);
            Report report = soak(items, seconds, sampleSeconds, dir, command, machine);
            new RunStore().writeJson(dir.resolve("soak.json"), report);
            return new Done(dir, report);
        }
    }

    private Report soak(List<Item> items, int seconds, int sampleSeconds, Path dir, String command, Machine machine)
            throws IOException, InterruptedException {
        LinkedHashSet<String> flags = new LinkedHashSet<>();
        for (Item i : items) {
            flags.addAll(ForkFlags.forPattern(env, i.pattern()));
        }
        flags.add(io.gluebench.pattern.Scratch.jvmArgument(dir));
        // The Java heap committed and touched before the first call: the fork's resident set then
        // holds all of it, and what grows after is native memory (the interpreters, their objects).
        flags.addAll(HEAP);
        List<String> cmd = new ArrayList<>();
        cmd.add(ForkFlags.javaBinary());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(io.gluebench.suite.SoakMain.class.getName());
        cmd.add(Integer.toString(seconds));
        items.forEach(i -> cmd.add(i.arg()));
        java.lang.Process fork = new ProcessBuilder(cmd).redirectError(dir.resolve("soak-fork.log").toFile()).start();
        List<Process> watched = new CopyOnWriteArrayList<>(List.of(new Process("fork (JVM and embedded interpreters)",
                fork.pid(), "-")));
        Map<String, Long> calls = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> read(fork, items, watched, calls, failures, go), "gluebench-soak-reader");
        reader.setDaemon(true);
        reader.start();
        while (fork.isAlive() && !go.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            // the points are opening and verifying
        }
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        long next = t0;
        int lastPrinted = -1;
        try (var csv = Files.newBufferedWriter(dir.resolve("soak.csv"), StandardCharsets.UTF_8)) {
            csv.write("seconds,pid,name,rss_bytes\n");
            while (fork.isAlive()) {
                long now = System.nanoTime();
                if (now >= next) {
                    double s = (now - t0) / 1e9;
                    List<Long> rss = new ArrayList<>();
                    for (Process p : watched) {
                        long b = rssBytes(p.pid());
                        rss.add(b);
                        if (b >= 0) {
                            csv.write(String.format(Locale.ROOT, "%.1f,%d,\"%s\",%d%n", s, p.pid(), p.name(), b));
                        }
                    }
                    csv.flush();
                    samples.add(new Sample(s, rss));
                    next += sampleSeconds * 1_000_000_000L;
                    int minute = (int) (s / 60);
                    if (minute != lastPrinted && minute % 5 == 0) {
                        lastPrinted = minute;
                        out.printf(Locale.ROOT, "  %3d min  fork %s%n", minute, mib(rss.get(0)));
                    }
                }
                Thread.sleep(Math.max(1, Math.min(500, (next - System.nanoTime()) / 1_000_000)));
            }
        } finally {
            if (fork.isAlive()) {
                fork.descendants().forEach(ProcessHandle::destroyForcibly);
                fork.destroyForcibly();
            }
            io.gluebench.pattern.Scratch.clean(dir);
        }
        reader.join(5000);
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < watched.size(); k++) {
            List<double[]> alive = new ArrayList<>();
            for (Sample s : samples) {
                if (k < s.rssBytes().size() && s.rssBytes().get(k) >= 0) {
                    alive.add(new double[] {s.seconds(), s.rssBytes().get(k)});
                }
            }
            if (alive.size() < 2) {
                continue;
            }
            double[] t = alive.stream().mapToDouble(a -> a[0]).toArray();
            double[] b = alive.stream().mapToDouble(a -> a[1]).toArray();
            double peak = java.util.Arrays.stream(b).max().orElse(0);
            Process p = watched.get(k);
            results.add(new Result(p.name(), p.pid(), b[0] / (1 << 20), peak / (1 << 20), b[b.length - 1] / (1 << 20),
                    Growth.of(t, b)));
        }
        if (samples.isEmpty()) {
            failures.add("the fork ended before the calls began; its output: " + dir.resolve("soak-fork.log"));
        }
        return new Report(1, command, machine, (System.nanoTime() - t0) / 1e9, sampleSeconds,
                items.stream().map(Item::arg).toList(), new LinkedHashMap<>(calls), failures, watched, results);
    }

    /** Reads the fork's lines: which processes each point started, failures, and the call counts. */
    private static void read(java.lang.Process fork, List<Item> items, List<Process> watched, Map<String, Long> calls,
            List<String> failures, java.util.concurrent.CountDownLatch go) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ", 6);
                if (f[0].equals("open") && f.length == 6 && !f[5].equals("-")) {
                    for (String pid : f[5].split(",")) {
                        watched.add(new Process("worker of " + f[2] + " " + f[3], Long.parseLong(pid), f[2] + "/" + f[3]));
                    }
                } else if (f[0].equals("go")) {
                    go.countDown();
                } else if (f[0].equals("failed")) {
                    failures.add(line.substring("failed ".length()));
                } else if (f[0].equals("calls") && f.length == 3) {
                    String[] c = f[2].split(",");
                    for (int i = 0; i < c.length && i < items.size(); i++) {
                        calls.put(items.get(i).arg(), Long.parseLong(c[i]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            failures.add("the fork's output could not be read: " + e.getMessage());
        }
    }

    /** VmRSS of a process in bytes, or -1 when it is gone. */
    static long rssBytes(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "gone" : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1 << 20));
    }
}
