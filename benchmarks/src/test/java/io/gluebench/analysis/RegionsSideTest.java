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
        Run run = new Run(Run.FORMAT_VERSION, "r", "smoke", "complete", null, null, null, Map.of(), List.of(),
                List.of(new io.gluebench.result.Point("dot", "jep-python", 10, null, "same-core", io.gluebench.result.Status.OK,
                        "ns/op", 1.0, 0.1, List.of(1.0), List.of(), null, null, null, List.of(), 0)),
                List.of(), List.of(
                        new PatternInfo("jep-python", io.gluebench.result.Family.of("jep"), io.gluebench.result.Kind.INTERPRETED, false, "", ""),
                        new PatternInfo("jep-numpy", io.gluebench.result.Family.of("jep"), io.gluebench.result.Kind.NATIVE, false, "", ""),
                        new PatternInfo("jep-numpy-scalar-loop", io.gluebench.result.Family.of("jep"), io.gluebench.result.Kind.INTERPRETED, true, "", "why"),
                        new PatternInfo("jni", io.gluebench.result.Family.of("jni"), io.gluebench.result.Kind.NATIVE, false, "", "")),
                List.of());
        assertEquals(io.gluebench.result.Side.INTERPRETED, Regions.side(run, "jep-python"));
        assertEquals(io.gluebench.result.Side.NATIVE_BACKED, Regions.side(run, "jep-numpy"));
        assertEquals(io.gluebench.result.Side.NEITHER, Regions.side(run, "jni"));
        assertEquals(io.gluebench.result.Side.NEITHER, Regions.side(run, "jep-numpy-scalar-loop"));
        assertEquals(io.gluebench.result.Side.INTERPRETED, Regions.side(run, "jep-python@same-core"), "a placement series is its pattern, looked up through its points");
    }
}
