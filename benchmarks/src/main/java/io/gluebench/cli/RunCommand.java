package io.gluebench.cli;

import io.gluebench.pattern.PatternEnv;
import io.gluebench.run.Plan;
import io.gluebench.run.Profiles;
import io.gluebench.publish.Publisher;
import io.gluebench.run.RunPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a profile: verify and time every point, then write run.json, charts and a summary.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    Selection selection;

    @Option(names = "--results", paramLabel = "DIR", description = "Results root (default: results/ in the project).")
    Path results;

    @Option(names = "--placement", split = ",", paramLabel = "P",
            description = "Where worker patterns run: free, same-core, split-cores (several: one series each; default free).")
    java.util.List<String> placements = new java.util.ArrayList<>();

    @Option(names = "--no-startup", description = "Leave out the start-up and warm-up measurement of the profile.")
    boolean noStartup;

    @Option(names = "--no-scaling", description = "Leave out the 1-versus-2-callers measurement of the profile.")
    boolean noScaling;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Finish an interrupted run in its folder (or latest): keep its finished points, run the rest.")
    Path resume;

    @Option(names = "--machine-name", paramLabel = "NAME",
            description = "Name this machine's results folder (default: the hostname and a hash of the hardware).")
    String machineName;

    @Option(names = "--blas-threads", paramLabel = "N", defaultValue = "1",
            description = "Threads numpy's BLAS may use (default 1, like every other compute; 0: the library's default).")
    int blasThreads;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the random order in which the run's forks are interleaved (default: a new one, stored in run.json).")
    Long seed;

    @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE",
            description = "Also write one row per point, with its interval, as csv, md or json (columns: docs/results.md).")
    List<String> export;

    @Option(names = "--allow-concurrent",
            description = "Measure even while another gluebench run or JMH benchmark is measuring on this machine "
                    + "(the run is marked as measured beside it; its times are skewed).")
    boolean allowConcurrent;

    @Option(names = "--jvm-arg", paramLabel = "FLAG",
            description = "Add a JVM flag to every fork (points, start-ups, callers), e.g. --jvm-arg=-XX:+UseParallelGC; "
                    + "repeatable. Stored with each pattern's configuration: compare pairs only points measured with the "
                    + "same flags.")
    List<String> jvmArgs = new java.util.ArrayList<>();

    @Option(names = "--prof", paramLabel = "NAME[:OPTS]",
            description = "Run a JMH profiler in every point's fork (gc, stack, perfnorm where perf works, async with "
                    + "async-profiler's library); repeatable. Its output stays beside the point (JMH JSON, log, "
                    + "profilers/); with gc, run.json holds the Java heap bytes allocated per call.")
    List<String> profilers = new java.util.ArrayList<>();

    @Option(names = "--verbose", description = "Show JMH's own output.")
    boolean verbose;

    @Option(names = "--save-baseline", paramLabel = "NAME",
            description = "Name this run as a baseline of this machine (results/<machine>/baselines/NAME.json), for "
                    + "compare --baseline NAME; a taken name is refused before the run starts.")
    String saveBaseline;

    @Option(names = "--allow-graalpy-interpreter",
            description = "Time GraalPy points even when its JIT is not active (they are labelled by engine).")
    boolean allowInterpreter;

    @Override
    public Integer call() throws Exception {
        String refusedExport = export == null ? null : io.gluebench.report.Exports.refusal(export.get(0));
        if (refusedExport != null) {
            throw new io.gluebench.run.UsageException(refusedExport);
        }
        String badName = io.gluebench.run.Fingerprint.checkMachineName(machineName);
        if (badName != null) {
            throw new io.gluebench.run.UsageException(badName);
        }
        if (blasThreads < 0 || blasThreads > 1024) {
            throw new io.gluebench.run.UsageException("--blas-threads " + blasThreads
                    + " is not a thread count: give 1 (the default), another count, or 0 for the library's default");
        }
        String badBaseline = io.gluebench.run.Baselines.checkName(saveBaseline);
        if (badBaseline != null) {
            throw new io.gluebench.run.UsageException(badBaseline);
        }
        System.setProperty(io.gluebench.pattern.BlasThreads.PROPERTY, Integer.toString(blasThreads));
        if (resume != null && (!jvmArgs.isEmpty() || !profilers.isEmpty())) {
            throw new io.gluebench.run.UsageException("--resume keeps the run's own JVM flags and profilers: leave out "
                    + "--jvm-arg and --prof");
        }
        io.gluebench.run.ForkOptions forkOptions = io.gluebench.run.ForkOptions.of(jvmArgs, profilers);
        PatternEnv env = PatternEnv.fromSystem().withAllowInterpreter(allowInterpreter);
        if (resume != null) {
            if (!selection.workloads.isEmpty() || !selection.patterns.isEmpty() || !selection.sizes.isEmpty()
                    || !placements.isEmpty() || machineName != null || results != null || !selection.workloadFiles.isEmpty()) {
                throw new io.gluebench.run.UsageException("--resume takes the run's own plan, profile and folder: "
                        + "leave out --workload, --workload-file, --pattern, --size, --placement, --machine-name and --results");
            }
            if (saveBaseline != null) {
                io.gluebench.run.Baselines.refuseTaken(RunDirs.resolve(resume).toAbsolutePath().getParent(), saveBaseline);
            }
            return finish(new RunPipeline(env, System.out, verbose).withStartup(!noStartup).withScaling(!noScaling)
                    .withAllowConcurrent(allowConcurrent).withPublish(Publisher::afterRun)
                    .resume(RunDirs.resolve(resume).toAbsolutePath()));
        }
        Path resultsRoot = results == null ? env.resultsDir() : results.toAbsolutePath();
        if (saveBaseline != null) {
            io.gluebench.run.Baselines.refuseTaken(resultsRoot.resolve(new io.gluebench.run.Fingerprint(env)
                    .machine(java.util.Map.of(), java.time.Instant.now(), machineName).id()), saveBaseline);
        }
        io.gluebench.run.Profile profile = Profiles.load().get(selection.profile);
        List<String> workloads = new java.util.ArrayList<>(selection.workloads);
        List<io.gluebench.workload.UserWorkload> user = List.of();
        List<Path> files = io.gluebench.run.UserWorkloads.filesFor(profile, selection.workloadFiles, selection.workloads,
                env.home());
        if (!files.isEmpty()) {
            if (selection.workloadFiles.isEmpty()) {
                workloads.addAll(profile.workloads());     // the profile's own files run beside its workloads
            }
            user = io.gluebench.run.UserWorkloads.prepare(env, profile, files, selection.sizes, selection.patterns);
            user.forEach(w -> workloads.add(w.name()));
        }
        Plan plan = Plan.of(profile, workloads, selection.patterns, selection.sizes, placements);
        RunPipeline pipeline = new RunPipeline(env, System.out, verbose).withStartup(!noStartup).withScaling(!noScaling)
                .withMachineName(machineName).withUserWorkloads(user).withPublish(Publisher::afterRun)
                .withAllowConcurrent(allowConcurrent).withForkOptions(forkOptions);
        if (seed != null) {
            pipeline.withSeed(seed);
        }
        return finish(pipeline.run(plan, resultsRoot));
    }

    /** Writes the --export file of the stored run, then gives the exit code. */
    private int finish(Path runDir) throws Exception {
        if (export != null) {
            Path file = io.gluebench.report.Exports.write(new io.gluebench.result.RunStore().read(runDir), export.get(0),
                    Path.of(export.get(1)));
            System.out.println("export: " + file);
        }
        int code = exitCode(runDir);
        if (saveBaseline != null) {
            if (code == Main.STOPPED) {
                System.out.println("baseline " + saveBaseline + " not saved: the run did not finish (--resume it with "
                        + "--save-baseline " + saveBaseline + ")");
            } else {
                System.out.println("baseline " + saveBaseline + ": " + io.gluebench.run.Baselines.save(runDir, saveBaseline)
                        + (code == Main.OK ? "" : " (some points failed; compare gates the points both runs measured)"));
            }
        }
        return code;
    }

    /**
     * {@value Main#OK} when everything planned was measured (or skipped with its reason);
     * {@value Main#FAILED} when a point, a start-up or a callers measurement failed;
     * {@value Main#STOPPED} when the run did not finish (interrupted: --resume finishes it).
     */
    public static int exitCode(Path runDir) throws Exception {
        io.gluebench.result.Run run = new io.gluebench.result.RunStore().read(runDir);
        if (!"complete".equals(run.status())) {
            return Main.STOPPED;
        }
        return RunPipeline.anyFailed(run) ? Main.FAILED : Main.OK;
    }
}
