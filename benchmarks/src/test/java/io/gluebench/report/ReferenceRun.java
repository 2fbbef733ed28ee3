package io.gluebench.report;

import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.run.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The committed reference run, copied into a scratch folder so tests never write into results/. */
final class ReferenceRun {
    static final String RELATIVE = "results/amd-epyc-2c-24g-003596/20261125-184841-quick";

    private ReferenceRun() {
    }

    static Path source() {
        String home = System.getProperty("gluebench.home", "..");
        Path dir = Path.of(home).resolve(RELATIVE).normalize();
        if (!Files.isRegularFile(dir.resolve(RunStore.RUN_FILE))) {
            throw new IllegalStateException("reference run not found at " + dir + " (gluebench.home=" + home + ")");
        }
        return dir;
    }

    /** Copies run.json and the charts' PNGs into {@code into}; returns the completed run. */
    static Run copyTo(Path into) throws Exception {
        Path src = source();
        Files.createDirectories(into.resolve("charts"));
        Files.copy(src.resolve(RunStore.RUN_FILE), into.resolve(RunStore.RUN_FILE));
        try (Stream<Path> s = Files.list(src.resolve("charts"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().endsWith(".png")) {
                    Files.copy(p, into.resolve("charts").resolve(p.getFileName()));
                }
            }
        }
        return read(into);
    }

    static Run read(Path dir) throws Exception {
        return Catalog.complete(new RunStore().read(dir));
    }

    static long pngCount(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("charts"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".png")).count();
        }
    }
}
