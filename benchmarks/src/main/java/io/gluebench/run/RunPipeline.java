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
 * `gluebench run` as a short pipeline: plan, doctor, floors, one JMH fork per point with the run
 * file rewritten after each, charts, summary. A late failure loses nothing already measured.
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
                        .map(p -> p.info().withConfig(ForkFlags.config(env, p, forkOptions.jvmArgs()))).toList(),
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
        long kept = items.stream().filter(i -> finished(run, keyOf(i))).count();
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
        try {
            measureFloors(plan, runDir, journal);
            measurePoints(plan, plan.profile(), skipped, runDir, journal, progress);
            if (startup && plan.profile().startup() != null && !journal.interrupted()) {
                measureStartups(plan, plan.profile(), skipped, runDir, journal, progress);
            }
            if (scaling && plan.profile().scaling() != null && !journal.interrupted()) {
                measureScaling(plan, plan.profile(), skipped, runDir, journal, progress);
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

    private void measureFloors(Plan plan, Path runDir, RunJournal journal) throws IOException {
        Profile profile = plan.profile();
        if (profile.floors() && journal.current().floors().isEmpty()) {
            java.util.Set<String> families = new java.util.TreeSet<>();
            plan.items().forEach(i -> families.add(i.pattern().family().label()));
            out.println("measuring the raw floors the planned patterns are read against (" + String.join(", ", families)
                    + ": JNI/FFM no-ops, C ping-pongs over pipe, socket and shared memory, C calling CPython) ...");
            List<Floor> floors = new FloorRunner(env, launcher(), FloorRunner.JMH_TIMEOUT_SECONDS)
                    .measure(runDir, profile.jmh(), families);
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

    /** The point an item becomes, without a measurement (skipped, unfinished). */
    static Point pointOf(Plan.Item item, io.gluebench.result.Status status, String reason) {
        return new Point(item.workload().name(), item.pattern().name(), item.size(), item.pattern().transport(),
                item.placement() == null ? null : item.placement().id(), status, "ns/op", null, null, List.of(),
                List.of(), null, reason, null, List.of(), 0);
    }

    static String keyOf(Plan.Item item) {
        return pointOf(item, Point.SKIPPED, null).key();
    }

    /** Whether the run holds a finished (ok, failed or skipped) point under key. */
    static boolean finished(Run run, String key) {
        return run.points().stream().anyMatch(p -> p.key().equals(key) && (p.isOk()
                || Point.FAILED.equals(p.status()) || Point.SKIPPED.equals(p.status())));
    }

    /** The run with every planned point it lacks marked unfinished, with how to finish it. */
    static Run unfinished(Run run, Plan plan) {
        Run out = run;
        for (Plan.Item item : plan.items()) {
            String key = keyOf(item);
            if (run.points().stream().noneMatch(p -> p.key().equals(key))) {
                out = out.withPoint(pointOf(item, Point.UNFINISHED,
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

    /** The plan's patterns, in plan order, that a start-up or scaling setting lists (all if it lists none). */
    static List<io.gluebench.pattern.PatternSpec> chosen(Plan plan, List<String> listed) {
        return plan.items().stream().map(Plan.Item::pattern).distinct()
                .filter(p -> listed.isEmpty() || listed.contains(p.name())).toList();
    }

    /** Why a pattern is not measured apart from the points (skipped by doctor, or not applicable), or null. */
    private static String notMeasured(io.gluebench.pattern.PatternSpec spec, io.gluebench.workload.Workload w, int size,
            List<SkippedPattern> skipped) {
        String na = Applicability.notApplicable(spec, w, size);
        if (na != null) {
            return na;
        }
        return skipped.stream().filter(s -> s.pattern().equals(spec.name())).map(SkippedPattern::reason)
                .findFirst().orElse(null);
    }

    /**
     * The points, fork by fork: skipped ones recorded at once; the rest in the profile's number of
     * forks, in a seeded random order across points (ForkSchedule); then, while the profile allows
     * more forks, one more round for the points whose 95% interval is still wider than its target.
     * run.json is rewritten after every fork.
     */
    private void measurePoints(Plan plan, Profile profile, List<SkippedPattern> skipped, Path runDir, RunJournal journal,
            Progress progress) throws IOException {
        if (journal.interrupted()) {
            return;
        }
        List<Plan.Item> toMeasure = new ArrayList<>();
        for (Plan.Item item : plan.items()) {
            SkippedPattern skip = skipped.stream().filter(s -> s.pattern().equals(item.pattern().name())).findFirst().orElse(null);
            String notApplicable = Applicability.notApplicable(item.pattern(), item.workload(), item.size());
            if (finished(journal.current(), keyOf(item)) && missingForks(journal.current(), item, profile).isEmpty()) {
                continue;
            }
            if (skip != null || notApplicable != null) {
                Point skippedPoint = pointOf(item, Point.SKIPPED, notApplicable != null ? notApplicable : skip.reason());
                if (!journal.update(r -> r.withPoint(skippedPoint))) {
                    return;
                }
                continue;
            }
            toMeasure.add(item);
        }
        java.util.Random rng = new java.util.Random(seed);
        java.util.function.Function<io.gluebench.pattern.PatternSpec, String> span =
                spec -> profile.spanFor(spec.family());
        List<ForkSchedule.Unit> units = ForkSchedule.units(toMeasure, item -> missingForks(journal.current(), item, profile),
                span, rng);
        progress.extend(units.stream().mapToInt(u -> u.items().size()).sum(), seconds(plan, units));
        PointRunner runner = new PointRunner(store, launcher());
        int order = journal.current().points().stream().flatMap(p -> p.forks().stream()).mapToInt(io.gluebench.result.Fork::order)
                .max().orElse(-1) + 1;
        long extraStart = -1;
        while (true) {
            for (ForkSchedule.Unit unit : units) {
                // A point that failed in one fork is not measured again.
                List<Plan.Item> live = unit.items().stream().filter(i -> !failed(journal.current(), keyOf(i))).toList();
                if (live.isEmpty()) {
                    continue;
                }
                ForkSchedule.Unit u = new ForkSchedule.Unit(unit.pattern(), unit.placement(), unit.fork(), live);
                progress.starting(u.name());
                List<PointRunner.Folded> folded = runner.run(u, i -> point(journal.current(), keyOf(i)), profile, runDir, order++);
                if (!journal.update(r -> {
                    Run next = r;
                    for (PointRunner.Folded f : folded) {
                        next = next.withPoint(f.point());
                    }
                    return next;
                })) {
                    return;     // the hook has written the run; this fork was killed
                }
                double each = plan.estimateForkSeconds(u.pattern(), u.items().size()) / u.items().size();
                for (PointRunner.Folded f : folded) {
                    progress.finished(f.item().label(), u.fork(), f.point(), each);
                }
            }
            if (extraStart < 0) {
                extraStart = System.nanoTime();
            }
            List<Plan.Item> wide = toMeasure.stream().filter(i -> needsMoreForks(journal.current(), i, profile)).toList();
            if (wide.isEmpty()) {
                break;
            }
            double left = profile.extraForkSeconds() == null ? Double.POSITIVE_INFINITY
                    : profile.extraForkSeconds() - (System.nanoTime() - extraStart) / 1e9;
            List<Plan.Item> chosen = withinBudget(journal.current(), wide, profile, left);
            if (chosen.isEmpty()) {
                progress.say(String.format(java.util.Locale.ROOT, "%d point%s still wider than their target interval; "
                        + "the profile's %d s for more forks %s", wide.size(), wide.size() == 1 ? "" : "s",
                        profile.extraForkSeconds(), left <= 0 ? "are spent" : "cannot fit another fork"));
                break;
            }
            units = ForkSchedule.units(chosen, i -> java.util.Set.of(point(journal.current(), keyOf(i)).forkCount()), span, rng);
            progress.extend(units.stream().mapToInt(u -> u.items().size()).sum(), seconds(plan, units));
            progress.say(String.format(java.util.Locale.ROOT, "%d point%s still wider than their target interval: "
                    + "one more fork each%s", chosen.size(), chosen.size() == 1 ? "" : "s", chosen.size() < wide.size()
                            ? " (those furthest from their target per second of fork; " + (wide.size() - chosen.size())
                                    + " do not fit the time left)" : ""));
        }
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
            Profile.StartupSettings s = startupFor(plan.profile().startup(), plan);
            var w = io.gluebench.workload.Workloads.byName(s.workload()).orElse(null);
            for (var spec : chosen(plan, s.patterns())) {
                if (w != null && notMeasured(spec, w, s.size(), skipped) == null
                        && run.startups().stream().noneMatch(x -> x.pattern().equals(spec.name()))) {
                    count += s.forks();
                    seconds += s.forks() * Plan.estimateStartupForkSeconds(spec);
                }
            }
        }
        if (scaling && plan.profile().scaling() != null) {
            Profile.ScalingSettings s = scalingFor(plan.profile().scaling(), plan);
            var w = io.gluebench.workload.Workloads.byName(s.workload()).orElse(null);
            for (var spec : chosen(plan, s.patterns())) {
                if (w != null && notMeasured(spec, w, s.size(), skipped) == null
                        && run.scaling().stream().noneMatch(x -> x.pattern().equals(spec.name()))) {
                    int forks = s.threads().size() * s.forks();
                    count += forks;
                    seconds += forks * Plan.estimateCallersForkSeconds(spec, s);
                }
            }
        }
        return new Steps(count, seconds);
    }

    private static double seconds(Plan plan, List<ForkSchedule.Unit> units) {
        return units.stream().mapToDouble(u -> plan.estimateForkSeconds(u.pattern(), u.items().size())).sum();
    }

    static Point point(Run run, String key) {
        return run.points().stream().filter(p -> p.key().equals(key) && !Point.UNFINISHED.equals(p.status()))
                .findFirst().orElse(null);
    }

    private static boolean failed(Run run, String key) {
        Point p = point(run, key);
        return p != null && Point.FAILED.equals(p.status());
    }

    /** The first-round fork indexes the point lacks (none for a failed or skipped point, or a format-1 one). */
    static java.util.Set<Integer> missingForks(Run run, Plan.Item item, Profile profile) {
        Point p = point(run, keyOf(item));
        if (p != null && !p.isOk()) {
            return java.util.Set.of();
        }
        if (p != null && p.forks().isEmpty()) {
            return java.util.Set.of();     // measured by an older gluebench in one fork
        }
        java.util.Set<Integer> want = new java.util.TreeSet<>();
        for (int k = 0; k < profile.settingsFor(item.pattern().family()).forkCount(); k++) {
            want.add(k);
        }
        if (p != null) {
            p.forks().forEach(f -> want.remove(f.index()));
        }
        return want;
    }

    /**
     * The wide points whose next fork fits {@code seconds}, those whose fork buys the most first: the
     * point's distance from its target (its half-width over the target) per second its fork is estimated
     * to take. A point's fork is estimated from its own forks so far (their mean wall time); the first point
     * in a fork also pays the JVM start and the fork's fixed warm-up (GraalPy's 5 s), which the points that
     * ride in the same fork share.
     */
    static List<Plan.Item> withinBudget(Run run, List<Plan.Item> wide, Profile profile, double seconds) {
        if (seconds == Double.POSITIVE_INFINITY) {
            return wide;
        }
        List<Plan.Item> byWidth = new ArrayList<>(wide);
        byWidth.sort(java.util.Comparator.comparingDouble((Plan.Item i) -> -relativeWidth(run, i, profile)
                / (forkSeconds(run, i) + openSeconds(profile, i))));
        List<Plan.Item> chosen = new ArrayList<>();
        java.util.Set<String> forksOpened = new java.util.HashSet<>();
        double spent = 0;
        for (Plan.Item i : byWidth) {
            double cost = forkSeconds(run, i);
            String forkKey = i.series() + "|" + switch (profile.spanFor(i.pattern().family())) {
                case Profile.JmhSettings.SPAN_PATTERN -> "";
                case Profile.JmhSettings.SPAN_WORKLOAD -> i.workload().name();
                default -> i.workload().name() + "|" + i.size();
            };
            boolean opens = !forksOpened.contains(forkKey);
            if (opens) {
                cost += openSeconds(profile, i);
            }
            if (spent + cost > seconds) {
                continue;
            }
            forksOpened.add(forkKey);
            spent += cost;
            chosen.add(i);
        }
        return chosen;
    }

    /** A point's mean wall seconds per fork so far. */
    private static double forkSeconds(Run run, Plan.Item i) {
        Point p = point(run, keyOf(i));
        return p == null ? 1.0 : p.forks().stream().mapToDouble(io.gluebench.result.Fork::wallSeconds).average().orElse(1.0);
    }

    /** What opening one more fork costs before its first point: the JVM start and the fork's minimum warm-up. */
    private static double openSeconds(Profile profile, Plan.Item i) {
        Profile.JmhSettings s = profile.settingsFor(i.pattern().family());
        return EXTRA_FORK_START_SECONDS + (s.forkWarmupMinMillis() == null ? 0 : s.forkWarmupMinMillis() / 1000.0);
    }

    /** The JVM start and pattern set-up of one more fork, as measured here (0.5-1 s). */
    static final double EXTRA_FORK_START_SECONDS = 1.0;

    /** An ok point's 95% half-width as a multiple of its target (1: on target). */
    static double relativeWidth(Run run, Plan.Item item, Profile profile) {
        Point p = point(run, keyOf(item));
        Double target = profile.settingsFor(item.pattern().family()).targetHalfWidth();
        if (p == null || p.ciLow() == null || target == null || p.score() == null || p.score() == 0) {
            return 0;
        }
        return (p.ciHigh() - p.ciLow()) / 2 / (target * p.score());
    }

    /** Whether an ok point's interval is wider than its target and the profile allows another fork. */
    static boolean needsMoreForks(Run run, Plan.Item item, Profile profile) {
        Point p = point(run, keyOf(item));
        Profile.JmhSettings s = profile.settingsFor(item.pattern().family());
        if (p == null || !p.isOk() || p.ciLow() == null || s.targetHalfWidth() == null
                || p.forkCount() >= s.maxForkCount()) {
            return false;
        }
        return (p.ciHigh() - p.ciLow()) / 2 > s.targetHalfWidth() * p.score();
    }

    /**
     * The workload of a plan that times only workloads from users' files, and its sizes: start-up and
     * callers are then measured on the user's function (the first file), not on the profile's workload.
     */
    static java.util.Optional<List<Integer>> userSizes(Plan plan, String[] name) {
        if (plan.items().isEmpty() || !plan.items().stream().allMatch(i -> i.workload().userSource() != null)) {
            return java.util.Optional.empty();
        }
        name[0] = plan.items().get(0).workload().name();
        return java.util.Optional.of(plan.items().stream().filter(i -> i.workload().name().equals(name[0]))
                .map(Plan.Item::size).distinct().sorted().toList());
    }

    /** The profile's start-up settings, or for a plan of users' files, its first file at its middle size. */
    static Profile.StartupSettings startupFor(Profile.StartupSettings s, Plan plan) {
        String[] name = new String[1];
        return userSizes(plan, name).map(sizes -> new Profile.StartupSettings(name[0], sizes.get((sizes.size() - 1) / 2),
                s.forks(), s.calls(), s.patterns())).orElse(s);
    }

    /**
     * Why a start-up or callers measurement is at a point the run's points do not include (the
     * command's --workload or --size chose other ones), or "" when the points include it.
     */
    static String outsideThePlan(Plan plan, String workload, int size, String what) {
        boolean inPlan = plan.items().stream().anyMatch(i -> i.workload().name().equals(workload) && i.size() == size);
        return inPlan ? "" : " (the profile's own " + what + " point, not one of the timed points: --workload and --size "
                + "do not move it; --no-" + ("start-up".equals(what) ? "startup" : "scaling") + " leaves it out)";
    }

    /** The profile's callers settings, or for a plan of users' files, its first file at its largest size. */
    static Profile.ScalingSettings scalingFor(Profile.ScalingSettings s, Plan plan) {
        String[] name = new String[1];
        return userSizes(plan, name).map(sizes -> new Profile.ScalingSettings(name[0], sizes.get(sizes.size() - 1),
                s.threads(), s.patterns(), s.jmh(), s.forks())).orElse(s);
    }

    private void measureStartups(Plan plan, Profile profile, List<SkippedPattern> skipped, Path runDir, RunJournal journal,
            Progress progress) throws IOException {
        Profile.StartupSettings s = startupFor(profile.startup(), plan);
        var w = io.gluebench.workload.Workloads.byName(s.workload()).orElseThrow();
        List<io.gluebench.pattern.PatternSpec> specs = chosen(plan, s.patterns());
        progress.say(String.format(java.util.Locale.ROOT,
                "start-up and warm-up: %d patterns on %s at N = %d, %d fresh JVM%s each, first %d calls%s",
                specs.size(), w.name(), s.size(), s.forks(), s.forks() == 1 ? "" : "s", s.calls(),
                outsideThePlan(plan, w.name(), s.size(), "start-up")));
        StartupRunner runner = new StartupRunner(store, launcher());
        for (var spec : specs) {
            if (journal.current().startups().stream().anyMatch(x -> x.pattern().equals(spec.name()))) {
                continue;       // measured before an interruption
            }
            String why = notMeasured(spec, w, s.size(), skipped);
            io.gluebench.result.Startup st;
            if (why != null) {
                st = new io.gluebench.result.Startup(spec.name(), w.name(), s.size(), Point.SKIPPED, s.forks(),
                        s.calls(), List.of(), List.of(), List.of(), null, why, null);
            } else {
                progress.starting("start-up " + spec.name());
                st = runner.run(spec, w, s, profile.pointTimeoutSeconds(), runDir);
                progress.advance(s.forks(), s.forks() * Plan.estimateStartupForkSeconds(spec));
                Double steady = journal.current().points().stream()
                        .filter(p -> p.isOk() && p.workload().equals(w.name()) && p.series().equals(spec.name())
                                && p.size() == s.size())
                        .map(Point::score).findFirst().orElse(null);
                if (steady != null) {
                    st = new io.gluebench.result.Startup(st.pattern(), st.workload(), st.size(), st.status(), st.forks(),
                            st.calls(), st.firstResultMillis(), st.sinceJvmStartMillis(), st.curve(), steady,
                            st.reason(), st.jmhFile());
                }
            }
            io.gluebench.result.Startup measured = st;
            if (!journal.update(r -> r.withStartup(measured))) {
                return;
            }
            String line = String.format(java.util.Locale.ROOT, "  start-up %-22s %s", spec.name(), st.isOk()
                    ? String.format(java.util.Locale.ROOT, "%.0f ms to the first checked answer", st.medianFirstResultMillis())
                    : st.status() + ": " + st.reason().lines().findFirst().orElse(""));
            if (why != null) {
                progress.say(line);     // not counted: it does not run
            } else {
                progress.line(line);
            }
        }
    }

    private void measureScaling(Plan plan, Profile profile, List<SkippedPattern> skipped, Path runDir, RunJournal journal,
            Progress progress) throws IOException {
        Profile.ScalingSettings s = scalingFor(profile.scaling(), plan);
        var w = io.gluebench.workload.Workloads.byName(s.workload()).orElseThrow();
        List<io.gluebench.pattern.PatternSpec> specs = chosen(plan, s.patterns());
        if (specs.isEmpty()) {
            return;
        }
        progress.say(String.format(java.util.Locale.ROOT, "callers: %d patterns on %s at N = %d with %s concurrent callers%s",
                specs.size(), w.name(), s.size(),
                s.threads().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")),
                outsideThePlan(plan, w.name(), s.size(), "callers")));
        int cores = journal.current().machine() == null ? Runtime.getRuntime().availableProcessors() : journal.current().machine().cores();
        ScalingRunner runner = new ScalingRunner(store, launcher(), seed, cores);
        List<io.gluebench.pattern.PatternSpec> measured = new ArrayList<>();
        for (var spec : specs) {
            if (journal.current().scaling().stream().anyMatch(x -> x.pattern().equals(spec.name()))) {
                continue;       // measured before an interruption
            }
            String why = notMeasured(spec, w, s.size(), skipped);
            if (why == null) {
                measured.add(spec);
            } else if (!keepScaling(new io.gluebench.result.Scaling(spec.name(), w.name(), s.size(), Point.SKIPPED,
                    s.threads(), List.of(), List.of(), null, why, List.of()), cores, journal, progress::say)) {
                return;
            }
        }
        // All patterns' forks in one seeded order; each pattern is stored as soon as its last fork has run.
        runner.runAll(measured, w, s, profile.pointTimeoutSeconds(), runDir,
                sc -> keepScaling(sc, cores, journal, progress::line), progress);
    }

    /** Stores one pattern's callers measurement and prints it; false once the run is interrupted. */
    private boolean keepScaling(io.gluebench.result.Scaling sc, int cores, RunJournal journal,
            java.util.function.Consumer<String> print) throws IOException {
        if (!journal.update(r -> r.withScaling(sc))) {
            return false;
        }
        print.accept(String.format(java.util.Locale.ROOT, "  callers  %-22s %s", sc.pattern(),
                io.gluebench.analysis.ScalingFactor.line(sc, cores)));
        return true;
    }
}
