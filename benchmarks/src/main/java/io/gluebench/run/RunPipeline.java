package io.gluebench.run;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.result.Floor;
import io.gluebench.result.Machine;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.SkippedPattern;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `gluebench run` as a list of stages ({@link #execute}): the doctor, the floors, the points
 * ({@link PointsPhase}), start-ups ({@link StartupPhase}) and callers ({@link CallersPhase}), each
 * storing every result through the {@link RunJournal} as it comes, then the publish step. This class
 * sets the run up (its folder, settings and plan, or those of a run being resumed); the stages do the
 * measuring. A late failure loses nothing already measured.
 */
public final class RunPipeline {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PatternEnv env;
    private final PrintStream out;
    private final boolean verbose;
    private final RunStore store = new RunStore();
    private boolean startup = true;
    private boolean scaling = true;
    private String machineName;
    private Publish publish = Publish.NONE;
    private boolean allowConcurrent;
    private Path lockDir = MachineLock.directory();
    private long seed = new java.security.SecureRandom().nextLong() & 0xffffffffL;
    private ForkOptions forkOptions = ForkOptions.NONE;

    public RunPipeline(PatternEnv env, PrintStream out, boolean verbose) {
        this.env = env;
        this.out = out;
        this.verbose = verbose;
    }

    /** Whether the run measures start-up and warm-up (when its profile asks for it). */
    public RunPipeline withStartup(boolean on) {
        this.startup = on;
        return this;
    }

    /** The results folder's machine name instead of the derived id (already checked), or null. */
    public RunPipeline withMachineName(String name) {
        this.machineName = name;
        return this;
    }

    /** Whether the run may measure beside another gluebench run (marked in the run and warned about). */
    public RunPipeline withAllowConcurrent(boolean allow) {
        this.allowConcurrent = allow;
        return this;
    }

    /** Where the machine-wide locks live (the temporary directory; a test's own folder in tests). */
    RunPipeline withLockDirectory(Path dir) {
        this.lockDir = dir;
        return this;
    }

    /**
     * Takes the machine for this run: refuses while another gluebench run or another JMH benchmark
     * measures. With --allow-concurrent, a busy machine is recorded in the run's settings instead.
     */
    private MachineLock claimMachine(Map<String, Object> settings) throws UsageException, IOException {
        String jmh = MachineLock.jmhLockHeld(lockDir);
        MachineLock lock = null;
        try {
            lock = MachineLock.take(lockDir);
        } catch (UsageException busy) {
            if (!allowConcurrent) {
                throw busy;
            }
            settings.put(io.gluebench.analysis.Analyzer.CONCURRENT_SETTING, MachineLock.holder(lockDir));
            out.println("warning: another gluebench run is measuring (" + MachineLock.holder(lockDir)
                    + "); --allow-concurrent: this run is marked as measured beside it");
            return null;
        }
        if (jmh != null && !allowConcurrent) {
            lock.close();
            throw new UsageException(jmh);
        }
        return lock;
    }

    /** The step that turns the finished run into analysis, charts and reports (none by default). */
    public RunPipeline withPublish(Publish step) {
        this.publish = step;
        return this;
    }

    /** The seed of the run's fork order (a new random one by default; stored in run.json). */
    public RunPipeline withSeed(long s) {
        this.seed = s;
        return this;
    }

    /** What the command line adds to every fork (--jvm-arg); a resumed run keeps its own. */
    public RunPipeline withForkOptions(ForkOptions options) {
        this.forkOptions = options;
        return this;
    }

    /** Whether the run measures 1 versus more callers (when its profile asks for it). */
    public RunPipeline withScaling(boolean on) {
        this.scaling = on;
        return this;
    }

    /** Workloads from users' files in the plan: the run keeps them (and CPython's answers) in its folder. */
    public RunPipeline withUserWorkloads(List<io.gluebench.workload.UserWorkload> workloads) {
        this.userWorkloads = List.copyOf(workloads);
        return this;
    }

    private List<io.gluebench.workload.UserWorkload> userWorkloads = List.of();

    /** Runs the plan into a new folder under resultsRoot and returns that folder. */
    public Path run(Plan plan, Path resultsRoot) throws IOException, UsageException, RunStopped {
        Map<String, Object> settings = new LinkedHashMap<>();
        try (MachineLock lock = claimMachine(settings)) {
            return run(plan, resultsRoot, settings, lock);
        }
    }

    private Path run(Plan plan, Path resultsRoot, Map<String, Object> settings, MachineLock lock)
            throws IOException, UsageException, RunStopped {
        Instant start = Instant.now();
        Fingerprint fp = new Fingerprint(env);
        Map<String, String> versions = fp.versions();
        Machine machine = fp.machine(versions, start, machineName);
        Profile profile = plan.profile();

        Path runDir = newRunDir(resultsRoot.resolve(machine.id()), RUN_ID.format(start) + "-" + profile.name());
        if (lock != null) {
            lock.describe(runDir);
        }
        if (!userWorkloads.isEmpty()) {
            UserWorkloads.publish(runDir, userWorkloads);
        }

        settings.put("profile", store.mapper().convertValue(profile, Map.class));
        settings.put("mode", "AverageTime, ns/op, forks per point as the profile says, in a seeded random order");
        settings.put(SEED, seed);
        settings.put("blasThreads", io.gluebench.pattern.BlasThreads.configured());
        settings.put(PLAN, plan.items().stream().map(RunPipeline::planEntry).toList());
        settings.put(MEASURE_STARTUP, startup);
        settings.put(MEASURE_SCALING, scaling);
        if (!forkOptions.jvmArgs().isEmpty()) {
            settings.put(JVM_ARGS, forkOptions.jvmArgs());
        }
        if (!forkOptions.profilers().isEmpty()) {
            settings.put(PROFILERS, forkOptions.profilers());
        }
        Run run = new Run(Run.FORMAT_VERSION, runDir.getFileName().toString(), profile.name(), "running",
                start.toString(), null, machine, settings, List.of(), List.of(), List.of(),
                plan.items().stream().map(Plan.Item::pattern).distinct()
                        .map(p -> p.info().withConfig(ForkFlags.config(env, p, forkOptions.jvmArgs(), forkOptions.profilers()))).toList(),
                plan.items().stream().map(Plan.Item::workload).distinct().map(w -> Catalog.info(w, env)).toList());
        double later = laterPhases(plan, run, List.of()).seconds();
        out.printf("gluebench run: profile %s, %d points, about %s of points%s; results in %s%n",
                profile.name(), plan.items().size(), Progress.duration(plan.estimateRunSeconds()),
                later > 0 ? " and " + Progress.duration(later) + " of start-ups and callers" : "", runDir);
        return execute(plan, runDir, run, versions);
    }

    /**
     * Finishes an interrupted run (Ctrl-C, kill -9, a lost machine) in its own folder: the points
     * it holds as ok, failed or skipped are kept, the rest are run as its stored plan says, with
     * its stored profile. Refuses a complete run, a run still running, one from another machine and
     * one written without its plan.
     */
    public Path resume(Path runDir)
            throws IOException, UsageException, RunStopped, io.gluebench.result.ResultFormatException {
        Run run = store.read(runDir);
        Path dir = Files.isDirectory(runDir) ? runDir : runDir.getParent();
        if ("complete".equals(run.status())) {
            throw new UsageException(dir + " is complete: nothing to resume (start a new run with ./gluebench run)");
        }
        Long holder = lockHolder(dir);
        if (holder != null) {
            throw new UsageException(dir + " is still being run by process " + holder
                    + ": wait for it, or stop it (Ctrl-C) and resume then");
        }
        Map<String, Object> settings = run.settings() == null ? Map.of() : run.settings();
        UserWorkloads.resume(dir);
        if (!(settings.get(PLAN) instanceof List<?> entries) || settings.get("profile") == null) {
            throw new UsageException(dir + "/run.json holds no plan (written by an older gluebench): it cannot be "
                    + "resumed; start a new run with ./gluebench run");
        }
        Profile profile;
        try {
            profile = store.mapper().convertValue(settings.get("profile"), Profile.class);
        } catch (IllegalArgumentException e) {
            throw new UsageException(dir + "/run.json: settings.profile is not a profile gluebench can read: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        List<Plan.Item> items = new ArrayList<>();
        for (Object o : entries) {
            items.add(planItem(dir, o));
        }
        Fingerprint fp = new Fingerprint(env);
        Map<String, String> versions = fp.versions();
        Machine here = fp.machine(versions, Instant.now(), null);
        if (run.machine() != null && !here.hardwareMatches(run.machine())) {
            throw new UsageException(dir + " was measured on " + run.machine().cpuModel() + " (" + run.machine().cores()
                    + " CPUs), not on this machine: resume it there, or start a new run here");
        }
        if (settings.get("blasThreads") instanceof Number n) {
            // The run's own policy, whatever this command line's default.
            System.setProperty(io.gluebench.pattern.BlasThreads.PROPERTY, Integer.toString(n.intValue()));
        }
        if (settings.get(SEED) instanceof Number n) {
            seed = n.longValue();
        }
        forkOptions = storedForkOptions(dir, settings);
        startup = !Boolean.FALSE.equals(settings.get(MEASURE_STARTUP)) && startup;
        scaling = !Boolean.FALSE.equals(settings.get(MEASURE_SCALING)) && scaling;
        Plan plan = new Plan(profile, items);
        long kept = items.stream().filter(i -> PointsPhase.finished(run, i.key())).count();
        out.printf("gluebench run --resume: %s, profile %s: %d of %d points kept, %d to run%n", dir, profile.name(),
                kept, items.size(), items.size() - kept);
        Run resumed = new Run(run.formatVersion(), run.runId(), run.profile(), "running", run.startedAt(), null,
                run.machine(), run.settings(), run.floors(), run.points(), run.skipped(), run.patterns(), run.workloads(),
                run.startups(), run.scaling());
        Map<String, Object> busy = new LinkedHashMap<>();
        try (MachineLock lock = claimMachine(busy)) {
            if (lock != null) {
                lock.describe(dir);
            }
            if (!busy.isEmpty()) {
                Map<String, Object> marked = new LinkedHashMap<>(resumed.settings());
                marked.putAll(busy);
                resumed = resumed.withSettings(marked);
            }
            return execute(plan, dir, resumed, versions);
        }
    }

    /** Starts the run's forks: points, start-ups, callers and floors alike. */
    private ForkLauncher launcher() {
        return new ForkLauncher(env, store, forkOptions, verbose);
    }

    /** The fork options a run was started with (none when it stored none), checked again, for --resume. */
    static ForkOptions storedForkOptions(Path dir, Map<String, Object> settings) throws UsageException {
        return ForkOptions.of(strings(dir, settings, JVM_ARGS), strings(dir, settings, PROFILERS));
    }

    private static List<String> strings(Path dir, Map<String, Object> settings, String key) throws UsageException {
        Object value = settings.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(f -> !(f instanceof String))) {
            throw new UsageException(dir + "/run.json: settings." + key + " is not a list of words: " + value);
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** The stages of a run, each recorded in the journal as it ends; an interrupt stops at the next stage. */
    private Path execute(Plan plan, Path runDir, Run run, Map<String, String> versions)
            throws IOException, RunStopped {
        long startedNanos = System.nanoTime();
        List<SkippedPattern> skipped = doctor(plan, versions);
        RunJournal journal = new RunJournal(store, runDir, run.withSkipped(skipped), System.err);
        journal.open(r -> unfinished(r, plan));
        warnAtStart(run.machine(), skipped);
        // The ETA covers every phase from the start: the points join when they are scheduled.
        Progress progress = new Progress(out, 0, 0);
        Steps later = laterPhases(plan, journal.current(), skipped);
        progress.extend(later.count(), later.seconds());
        Phase phase = new Phase(plan, skipped, runDir, journal, progress, launcher(), store, seed);
        try {
            PointsPhase.Scheduled points = PointsPhase.schedule(phase);
            measureFloors(plan, runDir, journal, progress);
            PointsPhase.run(phase, points);
            if (startup && plan.profile().startup() != null && !journal.interrupted()) {
                StartupPhase.run(phase);
            }
            if (scaling && plan.profile().scaling() != null && !journal.interrupted()) {
                CallersPhase.run(phase);
            }
        } catch (JmhLockTaken taken) {
            progress.done();
            journal.stop(r -> unfinished(r, plan));
            throw new RunStopped("the run stopped: " + taken.getMessage() + "; nothing was recorded as failed and "
                    + runDir + " is valid; when the other benchmark has finished: ./gluebench run --resume " + runDir);
        }
        progress.done();
        if (journal.finish("complete")) {
            publishAndSay(journal.current(), runDir, startedNanos);
        }
        return runDir;
    }

    /** The plan's patterns this machine cannot run, each with the reason and the fix. */
    private List<SkippedPattern> doctor(Plan plan, Map<String, String> versions) {
        Doctor doctor = new Doctor(env, versions);
        List<SkippedPattern> skipped = new ArrayList<>();
        plan.items().stream().map(Plan.Item::pattern).distinct().forEach(spec -> {
            Doctor.Availability a = doctor.check(spec);
            if (!a.available()) {
                skipped.add(new SkippedPattern(spec.name(), a.reason()));
            }
        });
        return skipped;
    }

    private void warnAtStart(Machine machine, List<SkippedPattern> skipped) {
        if (machine != null && machine.busyAtStart()) {
            out.printf("warning: at start %s; other work will skew the times. "
                    + "Stop it, or compare ratios from this run only.%n", machine.busyText());
        }
        for (SkippedPattern s : skipped) {
            out.printf("skipped %s: %s%n", s.pattern(), s.reason());
        }
    }

    /** The raw floors the planned families are read against, each step a step of the run's progress. */
    private void measureFloors(Plan plan, Path runDir, RunJournal journal, Progress progress) throws IOException {
        Profile profile = plan.profile();
        if (profile.floors() && journal.current().floors().isEmpty() && !journal.interrupted()) {
            java.util.Set<io.gluebench.result.Family> families = new java.util.TreeSet<>(
                    java.util.Comparator.comparing(io.gluebench.result.Family::label));
            plan.items().forEach(i -> families.add(i.pattern().family()));
            FloorRunner runner = new FloorRunner(env, launcher(), FloorRunner.JMH_TIMEOUT_SECONDS);
            List<FloorRunner.Step> steps = runner.steps(runDir, profile.jmh(), families);
            progress.extend(steps.size(), steps.stream().mapToDouble(FloorRunner.Step::seconds).sum());
            progress.say("measuring the raw floors the planned patterns are read against (" + families.stream()
                    .map(io.gluebench.result.Family::label).collect(java.util.stream.Collectors.joining(", "))
                    + ": JNI/FFM no-ops, C ping-pongs over pipe, socket and shared memory, C calling CPython) ...");
            java.util.Iterator<FloorRunner.Step> next = steps.iterator();
            if (next.hasNext()) {
                progress.starting(next.next().name());
            }
            List<Floor> floors = runner.measure(steps, (step, measured) -> {
                progress.advance(1, step.seconds());
                long ok = measured.stream().filter(f -> f.nsPerOp() > 0).count();
                progress.line(String.format(java.util.Locale.ROOT, "  %-40s %d of %d measured", step.name(), ok,
                        measured.size()));
                if (next.hasNext()) {
                    progress.starting(next.next().name());
                }
            });
            journal.update(r -> r.withFloors(floors));
        }
    }

    /** Hands the finished run to the publish step, then says where it is and how it went. */
    private void publishAndSay(Run done, Path runDir, long startedNanos) throws IOException {
        publish.publish(Catalog.complete(done), runDir).forEach(out::println);
        out.printf("run: %s%nfinished in %s; %s%n", runDir.resolve(RunStore.RUN_FILE),
                Progress.duration((System.nanoTime() - startedNanos) / 1e9), outcome(done));
    }

    /** The run's last words: points measured, failed and skipped, and the start-ups and callers that failed. */
    static String outcome(Run run) {
        long failedStartups = run.startups().stream().filter(x -> Point.FAILED.equals(x.status())).count();
        long failedCallers = run.scaling().stream().filter(x -> Point.FAILED.equals(x.status())).count();
        return String.format(java.util.Locale.ROOT, "%d points measured, %d failed, %d skipped%s%s",
                run.points().stream().filter(Point::isOk).count(), failures(run),
                run.points().stream().filter(p -> Point.SKIPPED.equals(p.status())).count(),
                failedStartups == 0 ? "" : "; " + failedStartups + " start-up measurement" + (failedStartups == 1 ? "" : "s")
                        + " failed",
                failedCallers == 0 ? "" : "; " + failedCallers + " callers measurement" + (failedCallers == 1 ? "" : "s")
                        + " failed");
    }

    static long failures(Run run) {
        return run.points().stream().filter(p -> Point.FAILED.equals(p.status())).count();
    }

    /** Whether anything the run planned failed: a point, a start-up or a callers measurement. */
    public static boolean anyFailed(Run run) {
        return failures(run) > 0 || run.startups().stream().anyMatch(x -> Point.FAILED.equals(x.status()))
                || run.scaling().stream().anyMatch(x -> Point.FAILED.equals(x.status()));
    }

    static final String PLAN = "plan";
    static final String SEED = "forkOrderSeed";
    static final String MEASURE_STARTUP = "measureStartup";
    static final String MEASURE_SCALING = "measureScaling";
    static final String JVM_ARGS = "jvmArgs";
    static final String PROFILERS = "profilers";
    static final String LOCK = RunJournal.LOCK;

    private static Map<String, Object> planEntry(Plan.Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", i.workload().name());
        m.put("pattern", i.pattern().name());
        m.put("size", i.size());
        m.put("placement", i.placement() == null ? null : i.placement().id());
        return m;
    }

    private static Plan.Item planItem(Path dir, Object o) throws UsageException {
        if (!(o instanceof Map<?, ?> m) || !(m.get("size") instanceof Number size)) {
            throw new UsageException(dir + "/run.json: settings.plan holds an entry that is not a point: " + o);
        }
        String w = String.valueOf(m.get("workload"));
        String p = String.valueOf(m.get("pattern"));
        Object pl = m.get("placement");
        var workload = io.gluebench.workload.Workloads.byName(w).orElseThrow(() -> new UsageException(
                dir + "/run.json: settings.plan names workload '" + w + "', which this gluebench does not have"));
        var pattern = io.gluebench.pattern.Patterns.byName(p).orElseThrow(() -> new UsageException(
                dir + "/run.json: settings.plan names pattern '" + p + "', which this gluebench does not have"));
        io.gluebench.pattern.Placement placement = pl == null ? null : io.gluebench.pattern.Placement.byId(
                String.valueOf(pl)).orElseThrow(() -> new UsageException(
                dir + "/run.json: settings.plan names placement '" + pl + "', which this gluebench does not have"));
        return new Plan.Item(workload, pattern, size.intValue(), placement);
    }

    /** The run with every planned point it lacks marked unfinished, with how to finish it. */
    static Run unfinished(Run run, Plan plan) {
        Run out = run;
        for (Plan.Item item : plan.items()) {
            String key = item.key();
            if (run.points().stream().noneMatch(p -> p.key().equals(key))) {
                out = out.withPoint(item.point(Point.UNFINISHED,
                        "the run was interrupted before this point finished; ./gluebench run --resume finishes it"));
            }
        }
        return out;
    }

    /**
     * A new, empty run folder, created atomically: the id itself, or with -2, -3, ... when a run that
     * started in the same second (with the same profile) has it. Two runs never share a folder.
     */
    static Path newRunDir(Path machineDir, String id) throws IOException {
        Files.createDirectories(machineDir);
        for (int k = 1; k <= 1000; k++) {
            try {
                return Files.createDirectory(machineDir.resolve(k == 1 ? id : id + "-" + k));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // Another run started in the same second: take the next suffix.
            }
        }
        throw new IOException("cannot create a run folder for " + id + " in " + machineDir
                + ": 1000 runs started in that second already");
    }

    /** The live process that holds the run's lock, or null. */
    static Long lockHolder(Path runDir) {
        return RunJournal.holder(runDir);
    }

    /** Steps of the plan and their estimated seconds. */
    record Steps(int count, double seconds) {
    }

    /**
     * The start-up and callers forks still to run (not measured before an interruption, not skipped),
     * and their estimate: what the ETA adds to the points' from the run's start.
     */
    Steps laterPhases(Plan plan, Run run, List<SkippedPattern> skipped) {
        int count = 0;
        double seconds = 0;
        if (startup && plan.profile().startup() != null) {
            Profile.StartupSettings s = StartupPhase.forPlan(plan.profile().startup(), plan);
            var w = io.gluebench.workload.Workloads.byName(s.workload()).orElse(null);
            for (var spec : plan.chosen(s.patterns())) {
                if (w != null && Phase.notMeasured(spec, w, s.size(), skipped) == null
                        && run.startups().stream().noneMatch(x -> x.pattern().equals(spec.name()))) {
                    count += s.forks();
                    seconds += s.forks() * Plan.estimateStartupForkSeconds(spec);
                }
            }
        }
        if (scaling && plan.profile().scaling() != null) {
            Profile.ScalingSettings s = CallersPhase.forPlan(plan.profile().scaling(), plan);
            var w = io.gluebench.workload.Workloads.byName(s.workload()).orElse(null);
            for (var spec : plan.chosen(s.patterns())) {
                if (w != null && Phase.notMeasured(spec, w, s.size(), skipped) == null
                        && run.scaling().stream().noneMatch(x -> x.pattern().equals(spec.name()))) {
                    int forks = s.threads().size() * s.forks();
                    count += forks;
                    seconds += forks * Plan.estimateCallersForkSeconds(spec, s);
                }
            }
        }
        return new Steps(count, seconds);
    }
}
