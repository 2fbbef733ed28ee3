package io.gluebench.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What one fork (one fresh JVM, {@link ForkMain}) runs: one JMH invocation per entry, in the order
 * given, all with the fork's JMH settings. The JVM's first entry also gets {@code firstProperties}
 * (a fork's first point pays the runtime's own warm-up: the family's longer adaptive warm-up).
 * Written by {@link ForkLauncher} beside the run's logs as a properties file, which the fork reads
 * with the JDK alone: no JSON library loads in the fork before a start-up's first answer.
 */
record ForkJob(List<Entry> points, Jmh jmh, Map<String, String> firstProperties) {

    ForkJob {
        points = List.copyOf(points);
        firstProperties = firstProperties == null ? Map.of() : Map.copyOf(firstProperties);
    }

    /**
     * JMH's settings in the fork.
     *
     * @param include        the benchmarks, a regular expression over their names
     * @param mode           JMH's mode (a Mode name: Throughput, SingleShotTime), or null for the benchmark's own
     * @param timeUnit       the unit of the scores (a TimeUnit name), or null for the benchmark's own
     * @param threads        JMH threads, each a caller with its own state
     * @param batchSize      calls per measured invocation (SingleShotTime), or 0 for JMH's default
     * @param timeoutSeconds JMH's own limit on one iteration, or null for JMH's default
     * @param profilers      JMH profilers (run --prof), each NAME or NAME:OPTIONS
     * @param forked         JMH forks a JVM of its own from the fork for each entry, as the profilers
     *                       that wrap a JVM (perfnorm runs it under perf) need; false: JMH runs in the
     *                       fork itself
     */
    record Jmh(String include, String mode, String timeUnit, int threads, int warmupIterations, int warmupMillis,
            int measurementIterations, int measurementMillis, int batchSize, Integer timeoutSeconds,
            List<String> profilers, boolean forked) {
        Jmh {
            profilers = profilers == null ? List.of() : List.copyOf(profilers);
        }

        Jmh(String include, String mode, String timeUnit, int threads, int warmupIterations, int warmupMillis,
                int measurementIterations, int measurementMillis, int batchSize, Integer timeoutSeconds) {
            this(include, mode, timeUnit, threads, warmupIterations, warmupMillis, measurementIterations,
                    measurementMillis, batchSize, timeoutSeconds, List.of(), false);
        }

        /** The same settings with these profilers, JMH forking when one of them must wrap the JVM. */
        Jmh withProfilers(List<String> names, boolean fork) {
            return new Jmh(include, mode, timeUnit, threads, warmupIterations, warmupMillis, measurementIterations,
                    measurementMillis, batchSize, timeoutSeconds, names, fork);
        }
    }

    /**
     * One entry of the job and the files it writes, all absolute paths: the verification verdict,
     * the adaptive warm-up series, JMH's JSON, JMH's log and the outcome ({@link Outcome}).
     *
     * @param label      the entry for people ("dot n=1000 java", "start-up of java")
     * @param params     JMH's @Param values
     * @param properties system properties set while the entry runs
     * @param profilerDir where a profiler that writes files (async) writes the entry's
     */
    record Entry(String id, String label, Map<String, String> params, Map<String, String> properties,
            String statusFile, String warmupFile, String jmhFile, String logFile, String outFile, String profilerDir) {
        Entry {
            params = Map.copyOf(params);
            properties = Map.copyOf(properties);
        }
    }

    /**
     * What the fork wrote for one entry: ok with JMH's iteration scores, or failed with the reason.
     *
     * @param secondary the profilers' figures by JMH's name for them (gc.alloc.rate.norm, ...), each the
     *                  mean over the measurement iterations; empty without profilers
     */
    record Outcome(String status, String unit, List<Double> samples, String failure, double wallSeconds,
            Map<String, Double> secondary) {
        Outcome {
            samples = samples == null ? List.of() : List.copyOf(samples);
            secondary = secondary == null ? Map.of() : Map.copyOf(secondary);
        }

        boolean ok() {
            return "ok".equals(status);
        }
    }

    /** Writes the job as a properties file. */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        put(p, "jmh.include", jmh.include());
        put(p, "jmh.mode", jmh.mode());
        put(p, "jmh.timeUnit", jmh.timeUnit());
        put(p, "jmh.threads", jmh.threads());
        put(p, "jmh.warmupIterations", jmh.warmupIterations());
        put(p, "jmh.warmupMillis", jmh.warmupMillis());
        put(p, "jmh.measurementIterations", jmh.measurementIterations());
        put(p, "jmh.measurementMillis", jmh.measurementMillis());
        put(p, "jmh.batchSize", jmh.batchSize());
        put(p, "jmh.timeoutSeconds", jmh.timeoutSeconds());
        put(p, "jmh.forked", jmh.forked());
        for (int i = 0; i < jmh.profilers().size(); i++) {
            p.setProperty("jmh.profiler." + i, jmh.profilers().get(i));
        }
        firstProperties.forEach((k, v) -> p.setProperty("first." + k, v));
        p.setProperty("entries", Integer.toString(points.size()));
        for (int i = 0; i < points.size(); i++) {
            Entry e = points.get(i);
            String at = "entry." + i + ".";
            put(p, at + "id", e.id());
            put(p, at + "label", e.label());
            put(p, at + "statusFile", e.statusFile());
            put(p, at + "warmupFile", e.warmupFile());
            put(p, at + "jmhFile", e.jmhFile());
            put(p, at + "logFile", e.logFile());
            put(p, at + "outFile", e.outFile());
            put(p, at + "profilerDir", e.profilerDir());
            e.params().forEach((k, v) -> p.setProperty(at + "param." + k, v));
            e.properties().forEach((k, v) -> p.setProperty(at + "property." + k, v));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "one gluebench fork's job (run/ForkJob)");
        }
    }

    /** Reads a job {@link #write} wrote. */
    static ForkJob read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String timeout = p.getProperty("jmh.timeoutSeconds");
        Jmh jmh = new Jmh(p.getProperty("jmh.include"), p.getProperty("jmh.mode"), p.getProperty("jmh.timeUnit"),
                integer(p, "jmh.threads"), integer(p, "jmh.warmupIterations"), integer(p, "jmh.warmupMillis"),
                integer(p, "jmh.measurementIterations"), integer(p, "jmh.measurementMillis"), integer(p, "jmh.batchSize"),
                timeout == null ? null : Integer.valueOf(timeout), profilers(p),
                Boolean.parseBoolean(p.getProperty("jmh.forked")));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < integer(p, "entries"); i++) {
            String at = "entry." + i + ".";
            entries.add(new Entry(p.getProperty(at + "id"), p.getProperty(at + "label"), prefixed(p, at + "param."),
                    prefixed(p, at + "property."), p.getProperty(at + "statusFile"), p.getProperty(at + "warmupFile"),
                    p.getProperty(at + "jmhFile"), p.getProperty(at + "logFile"), p.getProperty(at + "outFile"),
                    p.getProperty(at + "profilerDir")));
        }
        return new ForkJob(entries, jmh, prefixed(p, "first."));
    }

    private static List<String> profilers(Properties p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; p.getProperty("jmh.profiler." + i) != null; i++) {
            out.add(p.getProperty("jmh.profiler." + i));
        }
        return out;
    }

    private static void put(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static int integer(Properties p, String key) throws IOException {
        try {
            return Integer.parseInt(p.getProperty(key));
        } catch (NumberFormatException e) {
            throw new IOException("the fork's job has no whole number " + key + ": " + p.getProperty(key));
        }
    }

    private static Map<String, String> prefixed(Properties p, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), p.getProperty(k));
            }
        }
        return out;
    }
}
