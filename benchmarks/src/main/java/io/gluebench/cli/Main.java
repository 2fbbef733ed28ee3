package io.gluebench.cli;

import io.gluebench.result.ResultFormatException;
import io.gluebench.run.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The gluebench command line. One class per verb; user mistakes print one line and exit 2. */
@Command(name = "gluebench", mixinStandardHelpOptions = true, version = "gluebench 0.1.0",
        description = "When to glue, when to compute: JVM -> Python/native boundary benchmarks.",
        footer = {"", "The launcher's own verbs:", "  setup   only the set-up (JDK, Maven build with native/, the Python venv)",
                "  test    every Java and Python test, and a smoke run of the real suite",
                "Exit codes: 0 all measured, 1 internal error, 2 a refusal, 3 something failed, 4 stopped (--resume)."},
        subcommands = {RunCommand.class, VerifyCommand.class, DoctorCommand.class, ListCommand.class,
                ChartCommand.class, ReportCommand.class, AdviseCommand.class, CompareCommand.class, ImportCommand.class,
                SoakCommand.class,
                CurveCommand.class})
public final class Main implements Runnable {
    /** Every verb, the launcher's own (setup, test) included: what "did you mean" chooses from. */
    static final java.util.List<String> VERBS = java.util.List.of("run", "verify", "doctor", "list", "chart", "report",
            "advise", "compare", "import", "soak", "curve", "setup", "test");

    /** Everything planned was measured (or skipped with its reason). */
    public static final int OK = 0;
    /** Something went wrong inside gluebench (a bug or the machine): the message says what. */
    public static final int INTERNAL = 1;
    /** A user mistake or a refusal (bad name, bad file, a busy machine): one line naming the fix. */
    public static final int USAGE = 2;
    /** The run finished, but a point, a start-up or a callers measurement failed: its last line counts them. */
    public static final int FAILED = 3;
    /** The run stopped before it finished (interrupted); ./gluebench run --resume finishes it. */
    public static final int STOPPED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, verify, doctor, list, chart, report, advise, compare, import or curve");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                    && ex.getCommandLine().getParent() == null) {
                hint = io.gluebench.run.Suggest.closest(u.getUnmatched().get(0), VERBS);
            }
            err.println("gluebench: " + ex.getMessage().lines().findFirst().orElse("") + hint
                    + " (see: gluebench " + (ex.getCommandLine().getParent() == null ? "" : ex.getCommandLine().getCommandName() + " ") + "--help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UsageException || ex instanceof ResultFormatException
                    || ex instanceof io.gluebench.result.Names.LinkRefused) {
                err.println("gluebench: " + ex.getMessage());
                return USAGE;
            }
            if (ex instanceof io.gluebench.run.RunStopped) {
                err.println("gluebench: " + ex.getMessage());
                return STOPPED;
            }
            err.println("gluebench: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            if (Boolean.getBoolean("gluebench.trace")) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Warns, on stderr, that a format-1 run's intervals ignore fork-to-fork variation. */
    static void warnFormat(io.gluebench.result.Run run) {
        String w = run.formatWarning();
        if (w != null) {
            System.err.println("warning: " + w + "; rerun it with this gluebench for intervals that hold from run to run");
        }
    }
}
