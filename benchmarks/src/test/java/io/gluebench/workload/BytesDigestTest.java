package io.gluebench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bytes answer is compared by its 64-bit FNV-1a digest, the same in Java and in gluebench_py.worker. */
class BytesDigestTest {
    @Test
    void matchesThePublishedVectors() {
        assertEquals(0xcbf29ce484222325L, ResultKind.digest(new byte[0], 0, 0));
        byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xaf63dc4c8601ec8cL, ResultKind.digest(a, 0, 1));
        byte[] foobar = "foobar".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x85944171f73967e8L, ResultKind.digestOf(foobar));
        assertEquals(0x85944171f73967e8L, ResultKind.digestOf(ByteBuffer.wrap(foobar)));
    }

    @Test
    void anythingButBytesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultKind.digestOf(42L));
        assertEquals("the function returned Long where bytes were expected", e.getMessage());
        assertEquals("bytes with FNV-1a digest 85944171f73967e8", ResultKind.BYTES.format(0x85944171f73967e8L));
    }
}
