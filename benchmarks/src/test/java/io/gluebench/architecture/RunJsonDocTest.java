package io.gluebench.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gluebench.TestEnv;
import io.gluebench.result.Floor;
import io.gluebench.result.Fork;
import io.gluebench.result.Machine;
import io.gluebench.result.PatternInfo;
import io.gluebench.result.Point;
import io.gluebench.result.Run;
import io.gluebench.result.Scaling;
import io.gluebench.result.SkippedPattern;
import io.gluebench.result.Startup;
import io.gluebench.result.Verification;
import io.gluebench.result.WorkloadInfo;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/run-json.md documents every field of every record run.json stores, each in its own section. */
class RunJsonDocTest {
    @Test
    void everyStoredFieldIsDocumentedInItsSection() throws Exception {
        String doc = Files.readString(TestEnv.home().resolve("docs/run-json.md"));
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(Run.class, Machine.class, Point.class, Fork.class, Verification.class, Floor.class,
                SkippedPattern.class, PatternInfo.class, WorkloadInfo.class, Startup.class, Scaling.class)) {
            String heading = "\n## " + (type == Run.class ? "Run (the top level)" : type.getSimpleName()) + "\n";
            int from = doc.indexOf(heading);
            if (from < 0) {
                missing.add(type.getSimpleName() + ": no section");
                continue;
            }
            int to = doc.indexOf("\n## ", from + heading.length());
            String section = doc.substring(from, to < 0 ? doc.length() : to);
            for (RecordComponent c : type.getRecordComponents()) {
                if (!section.contains("`" + c.getName() + "`")) {
                    missing.add(type.getSimpleName() + "." + c.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "fields run.json stores that docs/run-json.md does not describe");
        assertEquals(true, doc.contains("**" + Run.FORMAT_VERSION + "**"), "the page names the current formatVersion");
    }
}
