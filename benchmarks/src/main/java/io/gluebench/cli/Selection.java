package io.gluebench.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The filters shared by run and verify. */
public final class Selection {
    @Option(names = "--workload", split = ",", paramLabel = "W", description = "Workload(s) to include (default: the profile's).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--pattern", split = ",", paramLabel = "P", description = "Pattern(s) to include (default: the profile's).")
    List<String> patterns = new ArrayList<>();

    @Option(names = "--size", split = ",", paramLabel = "N", converter = SizeConverter.class,
            description = "Size(s) N, replacing the profile's sizes (e.g. 1000 or 1e6).")
    List<Integer> sizes = new ArrayList<>();

    @Option(names = "--workload-file", paramLabel = "FILE",
            description = "A Python file that declares a workload (NAME, SUMMARY, N_COUNTS, SHAPE, compute(data)); "
                    + "repeat it for several. Without --workload, only these are run.")
    List<java.nio.file.Path> workloadFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "Profile: smoke, quick or standard (default: ${DEFAULT-VALUE}).")
    String profile = "quick";
}
