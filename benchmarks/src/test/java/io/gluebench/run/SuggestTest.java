package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void theNearestNameWhenItIsNearEnough() {
        List<String> verbs = List.of("run", "verify", "doctor", "list", "chart", "report");
        assertEquals(" (did you mean 'run'?)", Suggest.closest("rnu", verbs));
        assertEquals(" (did you mean 'report'?)", Suggest.closest("reprot", verbs));
        assertEquals(" (did you mean 'chart'?)", Suggest.closest("CHART", verbs), "case does not matter");
        assertEquals("", Suggest.closest("benchmark", verbs), "nothing near: no guess");
        assertEquals("", Suggest.closest("x", List.of()));
    }
}
