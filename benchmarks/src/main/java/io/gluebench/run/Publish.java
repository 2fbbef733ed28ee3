package io.gluebench.run;

import io.gluebench.result.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The step after measuring: turns a stored run into what people read (analysis, charts, reports, the
 * summary). The caller hands it to {@link RunPipeline}, so that run/ measures and stores and never
 * draws or writes a report itself; {@code run}, {@code chart} and {@code report} all use the same step
 * ({@code publish/Publisher}).
 */
@FunctionalInterface
public interface Publish {
    /**
     * Publishes a finished run (its pattern information filled in) into its folder.
     *
     * @return the lines to print after the run: its summary table, its floors, where the files are
     */
    List<String> publish(Run run, Path runDir) throws IOException;

    /** Publishes nothing (a caller that only measures). */
    Publish NONE = (run, runDir) -> List.of();
}
