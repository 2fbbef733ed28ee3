package io.gluebench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gluebench.result.PatternInfo;
import io.gluebench.result.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which side of "glue or compute" a pattern stands for; anti-patterns stand for neither. */
class RegionsSideTest {
    @Test
    void antiPatternsNeverStandForTheirSide() {
        Run run = new Run(Run.FORMAT_VERSION, "r", "smoke", "complete", null, null, null, Map.of(), List.of(), List.of(),
                List.of(), List.of(
                        new PatternInfo("jep-python", "jep", PatternInfo.INTERPRETED, false, "", ""),
                        new PatternInfo("jep-numpy", "jep", PatternInfo.NATIVE, false, "", ""),
                        new PatternInfo("jep-numpy-scalar-loop", "jep", PatternInfo.INTERPRETED, true, "", "why"),
                        new PatternInfo("jni", "jni", PatternInfo.NATIVE, false, "", "")),
                List.of());
        assertEquals(io.gluebench.result.Side.INTERPRETED, Regions.side(run, "jep-python"));
        assertEquals(io.gluebench.result.Side.NATIVE_BACKED, Regions.side(run, "jep-numpy"));
        assertEquals(io.gluebench.result.Side.NEITHER, Regions.side(run, "jni"));
        assertEquals(io.gluebench.result.Side.NEITHER, Regions.side(run, "jep-numpy-scalar-loop"));
        assertEquals(io.gluebench.result.Side.INTERPRETED, Regions.side(run, "jep-python@same-core"), "a placement series is its pattern");
    }
}
