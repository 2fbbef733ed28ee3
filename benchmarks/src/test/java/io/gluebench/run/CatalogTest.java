package io.gluebench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gluebench.pattern.Patterns;
import io.gluebench.result.Family;
import io.gluebench.result.Kind;
import io.gluebench.result.PatternInfo;
import org.junit.jupiter.api.Test;

/** A stored pattern lacking a field added since gets it from this build's catalogue, for the names it knows. */
class CatalogTest {
    private static PatternInfo old(String name, Family family) {
        return new PatternInfo(name, family, Kind.NATIVE, false, "", "", "-Xmx2g");
    }

    @Test
    void anOldRunsPatternsGetTheirRolesFromTheCatalogue() {
        PatternInfo copy = Catalog.withRoles(old("jni-copy", Family.JNI));
        assertEquals("jni", copy.zeroCopyTwin());
        assertEquals(false, copy.chatty());
        assertEquals("-Xmx2g", copy.config(), "the rest as stored");
        assertEquals(true, Catalog.withRoles(old("worker-chatty", Family.WORKER)).chatty());
        PatternInfo zero = Catalog.withRoles(old("jni", Family.JNI));
        assertNull(zero.zeroCopyTwin());
        assertEquals(false, zero.chatty());
        for (var spec : Patterns.ALL) {
            assertEquals(spec.info(), Catalog.withRoles(spec.info()), spec.name());
            PatternInfo stored = spec.info();
            PatternInfo before = new PatternInfo(stored.name(), stored.family(), stored.kind(), stored.antiPattern(),
                    stored.measures(), stored.whyItHurts());
            assertEquals(stored, Catalog.withRoles(before), spec.name() + " stored before the roles existed");
        }
    }

    @Test
    void anUnknownPatternGetsNoRoleAndAStoredRoleIsKept() {
        PatternInfo unknown = Catalog.withRoles(old("my-copy", Family.OTHER));
        assertNull(unknown.zeroCopyTwin());
        assertNull(unknown.chatty());
        PatternInfo stored = new PatternInfo("jni-copy", Family.JNI, Kind.NATIVE, false, "", "", null, "ffm", true);
        assertEquals(stored, Catalog.withRoles(stored));
    }
}
