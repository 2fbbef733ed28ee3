package io.gluebench.pattern.worker;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How the JVM reaches its worker. The request and reply payloads are the same on every transport. */
public enum Transport {
    /** The worker's stdin and stdout: u32-length-prefixed frames. */
    PIPE("pipe"),
    /** A Unix domain socket in a private 0700 directory: the same frames. */
    UDS("uds"),
    /** One shared memory-mapped file with a sequence-number handshake; the payloads are not copied. */
    SHM("shm");

    private final String id;

    Transport(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Transport> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Transport::id).toList();
    }
}
