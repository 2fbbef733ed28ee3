package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gluebench.TestEnv;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --export: one row per point with its interval, in csv, json and md; the committed CSV is a fresh export. */
class ExportsTest {
    static final String RUN = "results/vm-bfab2a/20261204-192715-quick";

    @TempDir
    Path dir;

    @Test
    void aRunExportsOneRowPerPointWithItsInterval() throws Exception {
        Run run = new RunStore().read(TestEnv.home().resolve(RUN));
        Path csv = Exports.write(run, "csv", dir.resolve("points.csv"));
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            rows = it.readAll();
        }
        assertEquals(run.points().size(), rows.size());
        assertEquals(Exports.POINT_COLUMNS, List.copyOf(rows.get(0).keySet()));
        Point first = run.points().get(0);
        assertEquals(first.score(), Double.parseDouble(rows.get(0).get("score_ns")), 1e-9 * first.score());
        assertEquals(first.ciLow(), Double.parseDouble(rows.get(0).get("ci_low_ns")), 1e-9 * first.score());
        assertEquals(Integer.toString(first.forkCount()), rows.get(0).get("forks"));

        var json = new ObjectMapper().readTree(Exports.write(run, "json", dir.resolve("points.json")).toFile());
        assertEquals(run.points().size(), json.size());
        String md = Files.readString(Exports.write(run, "md", dir.resolve("points.md")));
        assertTrue(md.startsWith("| " + String.join(" | ", Exports.POINT_COLUMNS) + " |"), md.lines().findFirst().orElse(""));
        assertEquals(run.points().size() + 2, md.lines().count());
    }

    @Test
    void theCommittedCsvIsTheExportOfItsRun() throws Exception {
        Run run = new RunStore().read(TestEnv.home().resolve(RUN));
        Path fresh = Exports.write(run, "csv", dir.resolve("fresh.csv"));
        assertEquals(Files.readString(TestEnv.home().resolve(RUN).resolve("points.csv")), Files.readString(fresh),
                "regenerate it with ./gluebench report " + RUN + " --export csv " + RUN + "/points.csv");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheValidOnes() {
        assertEquals(null, Exports.refusal("csv"));
        assertTrue(Exports.refusal("xlsx").startsWith("--export xlsx is not a format; give csv, md or json"));
    }
}
