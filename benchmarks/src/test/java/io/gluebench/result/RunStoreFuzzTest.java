package io.gluebench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the run.json loader: 10,000 mutations of valid run files (byte flips, truncations,
 * deleted and duplicated fields, wrong types, absurd numbers, deep nesting, path-traversal names,
 * wrong formatVersion). Each read either returns a run that passes the validator, or throws one
 * {@link ResultFormatException} whose message is one line starting with the file; nothing else
 * escapes, and each read finishes well inside a generous time guard.
 *
 * <p>The generator is plain JUnit over a seeded {@link Random}: every mutation kind gets the same
 * share of the tries, and a failure names its kind and seed, so it replays exactly.
 */
public class RunStoreFuzzTest {
    public static final int KINDS = 12;
    static final int TRIES = 10_000;
    static final long MASTER_SEED = 20261126L;
    static final Duration GUARD = Duration.ofSeconds(20);

    private static final RunStore STORE = new RunStore();
    private static Path dir;
    private static byte[][] seeds;

    @BeforeAll
    static void seeds() throws Exception {
        dir = Files.createTempDirectory("gluebench-fuzz");
        byte[] sample = STORE.mapper().writeValueAsBytes(RunStoreTest.sample());
        Path committed = Path.of(System.getProperty("gluebench.home", ".."))
                .resolve("results/amd-epyc-2c-24g-003596/20261125-235111-quick/run.json");
        seeds = Files.isRegularFile(committed) ? new byte[][] {sample, Files.readAllBytes(committed)} : new byte[][] {sample};
    }

    @AfterAll
    static void clean() throws Exception {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void tenThousandMutatedRunFilesReadOrAreRefusedInOneLine() throws Exception {
        Random master = new Random(MASTER_SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < TRIES; i++) {
            int kind = i % KINDS;
            long seed = master.nextLong();
            outcomes.merge(tryOne(kind, seed), 1, Integer::sum);
        }
        assertEquals(TRIES, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.getOrDefault("read", 0) > 0 && outcomes.getOrDefault("refused", 0) > 0,
                "the mutations both keep and break files: " + outcomes);
        System.out.println("fuzzed run.json: " + TRIES + " mutations, " + outcomes);
    }

    /** One mutation of one kind from one seed: replays exactly. */
    static String tryOne(int kind, long seed) throws Exception {
        Random rnd = new Random(seed);
        // The small sample most of the time, the committed run (56 KB) now and then.
        byte[] base = seeds[seeds.length > 1 && rnd.nextInt(16) == 0 ? 1 : 0];
        byte[] mutated = mutate(kind, base, rnd);
        Path file = dir.resolve(RunStore.RUN_FILE);
        Files.write(file, mutated);
        return assertTimeoutPreemptively(GUARD, () -> check(file), () -> "mutation kind " + kind + ", seed " + seed);
    }

    /** "read" or "refused"; fails on anything else. */
    private static String check(Path file) {
        try {
            Run run = STORE.read(dir);
            RunValidator.validate(run, file.toString());
            Path charts = Path.of("/results/m/r/charts");
            for (Point p : run.points()) {
                Path chart = charts.resolve(p.workload() + "-overhead.png").normalize();
                assertTrue(chart.getParent().equals(charts), "a workload name stays a file name: " + p.workload());
            }
            return "read";
        } catch (ResultFormatException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith(file + ": "), "names the file: " + m);
            assertEquals(1, m.lines().count(), "one line: " + m);
            assertTrue(m.chars().noneMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x85), "no control characters: " + m);
            assertTrue(m.length() < 3000, "bounded: " + m.length());
            return "refused";
        } catch (Throwable t) {
            return fail("escaped as " + t, t);
        }
    }

    // ---------------------------------------------------------------- mutations

    public static byte[] mutate(int kind, byte[] base, Random rnd) throws Exception {
        return switch (kind) {
            case 0 -> flipBytes(base, rnd);
            case 1 -> truncateAnywhere(base, rnd);
            case 2 -> truncateAtStructure(base, rnd);
            case 3 -> tree(base, rnd, RunStoreFuzzTest::deleteField);
            case 4 -> duplicateField(base, rnd);
            case 5 -> tree(base, rnd, RunStoreFuzzTest::wrongType);
            case 6 -> rawNumber(base, rnd);
            case 7 -> deepNesting(base, rnd);
            case 8 -> tree(base, rnd, RunStoreFuzzTest::hostileName);
            case 9 -> tree(base, rnd, RunStoreFuzzTest::formatVersion);
            case 10 -> spliceBytes(base, rnd);
            default -> {
                byte[] b = base;
                for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                    b = mutate(rnd.nextInt(KINDS - 1), b, rnd);
                }
                yield b;
            }
        };
    }

    static byte[] flipBytes(byte[] base, Random rnd) {
        byte[] b = base.clone();
        for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
            int at = rnd.nextInt(b.length);
            b[at] = rnd.nextBoolean() ? (byte) (b[at] ^ (1 << rnd.nextInt(8))) : (byte) rnd.nextInt(256);
        }
        return b;
    }

    static byte[] truncateAnywhere(byte[] base, Random rnd) {
        return Arrays.copyOf(base, rnd.nextInt(base.length));
    }

    /** Cuts just before or after one kind of token: a brace, bracket, colon, comma, quote, digit or letter. */
    static byte[] truncateAtStructure(byte[] base, Random rnd) {
        String kinds = "{}[]:,\"0123456789-.etrufnal";
        char want = kinds.charAt(rnd.nextInt(kinds.length()));
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            if (base[i] == want) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return truncateAnywhere(base, rnd);
        }
        int i = at.get(rnd.nextInt(at.size())) + (rnd.nextBoolean() ? 1 : 0);
        return Arrays.copyOf(base, i);
    }

    static byte[] spliceBytes(byte[] base, Random rnd) {
        int from = rnd.nextInt(base.length);
        int len = Math.min(base.length - from, 1 + rnd.nextInt(64));
        byte[] piece = Arrays.copyOfRange(base, from, from + len);
        int to = rnd.nextInt(base.length);
        byte[] out = new byte[base.length + len];
        System.arraycopy(base, 0, out, 0, to);
        System.arraycopy(piece, 0, out, to, len);
        System.arraycopy(base, to, out, to + len, base.length - to);
        return rnd.nextBoolean() ? out : Arrays.copyOf(out, out.length - 2 * len);
    }

    /** Copies one "key" : value line of the pretty-printed file next to itself. */
    static byte[] duplicateField(byte[] base, Random rnd) {
        List<String> lines = new ArrayList<>(new String(base, StandardCharsets.UTF_8).lines().toList());
        List<Integer> fields = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\" : ")) {
                fields.add(i);
            }
        }
        int i = fields.get(rnd.nextInt(fields.size()));
        String line = lines.get(i).stripTrailing();
        lines.add(i, line.endsWith(",") || line.endsWith("{") || line.endsWith("[") ? line : line + ",");
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    interface TreeMutation {
        void apply(ObjectNode root, Slot slot, Random rnd);
    }

    /** One place in the tree: a field of an object or an element of an array. */
    record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    static byte[] tree(byte[] base, Random rnd, TreeMutation m) throws Exception {
        RunStore store = STORE;
        JsonNode root;
        try {
            root = store.mapper().readTree(base);
        } catch (Exception notJson) {
            return flipBytes(base, rnd); // an earlier mutation broke the syntax already
        }
        if (!(root instanceof ObjectNode obj)) {
            return base;
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        m.apply(obj, slots.get(rnd.nextInt(slots.size())), rnd);
        String json = store.mapper().writeValueAsString(root);
        // Raw tokens that a tree cannot hold (absurd numbers, deep nesting) are put in as placeholders.
        for (int i = 0; i < RAW.length; i++) {
            json = json.replace("\"" + RAW_MARK + i + "\"", RAW[i]);
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static void collect(JsonNode node, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                String f = it.next();
                out.add(new Slot(o, f, -1));
                collect(o.get(f), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out);
            }
        }
    }

    static void deleteField(ObjectNode root, Slot slot, Random rnd) {
        slot.remove();
    }

    static final String RAW_MARK = "@@RAW@@";
    static final String[] RAW = {
        "1e400", "-1e400", "1" + "0".repeat(60), "9".repeat(500), "-0", "NaN", "Infinity", "0.0000000000000000000001e-400",
        "[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(200) + "1" + "}".repeat(200), "2147483648", "-2147483649",
        "9223372036854775808", "1.7976931348623157e309", "0x10", "01", "+1", ".5", "1.", "\"" + "x".repeat(1_100_000) + "\"",
    };
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static JsonNode hostileValue(Random rnd) {
        return switch (rnd.nextInt(16)) {
            case 0 -> NODES.textNode("");
            case 1 -> NODES.textNode("NaN");
            case 2 -> NODES.textNode(rnd.nextBoolean() ? "Infinity" : "-Infinity");
            case 3 -> NODES.numberNode(-1 - rnd.nextInt(1000));
            case 4 -> NODES.numberNode(rnd.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE);
            case 5 -> NODES.numberNode(rnd.nextLong());
            case 6 -> NODES.booleanNode(rnd.nextBoolean());
            case 7 -> NODES.nullNode();
            case 8 -> NODES.arrayNode().add(1).add("x").addNull();
            case 9 -> NODES.objectNode().put("a", 1).put("@class", "java.lang.ProcessBuilder");
            case 10 -> NODES.numberNode(rnd.nextDouble() * 1e6);
            case 11 -> NODES.textNode("x".repeat(rnd.nextBoolean() ? 200 : RunValidator.MAX_STRING + 1));
            case 12 -> NODES.textNode(hostileName(rnd));
            case 13 -> NODES.numberNode(rnd.nextInt());
            default -> NODES.textNode(RAW_MARK + rnd.nextInt(RAW.length));
        };
    }

    static void wrongType(ObjectNode root, Slot slot, Random rnd) {
        slot.set(hostileValue(rnd));
    }

    static String hostileName(Random rnd) {
        String[] names = {"../../etc/x", "a/b", "..", ".", "/etc/passwd", "a\\b", "x\ny", "con", "a\u0000b", "a b",
            "%2e%2e%2f", "..\\..\\x", "~/x", "a@b", "x".repeat(129), "\u202e", "dot\r\n", "é", "-", "a..b"};
        return names[rnd.nextInt(names.length)];
    }

    /** Puts a hostile name into a string field (names, statuses, file references alike). */
    static void hostileName(ObjectNode root, Slot slot, Random rnd) {
        if (slot.get().isTextual() || rnd.nextInt(4) == 0) {
            slot.set(NODES.textNode(hostileName(rnd)));
        }
    }

    static void formatVersion(ObjectNode root, Slot slot, Random rnd) {
        JsonNode v = switch (rnd.nextInt(6)) {
            case 0 -> NODES.numberNode(rnd.nextInt());
            case 1 -> NODES.numberNode(0);
            case 2 -> NODES.numberNode(2);
            case 3 -> NODES.textNode("1");
            case 4 -> NODES.numberNode(1.5);
            default -> hostileValue(rnd);
        };
        if (rnd.nextInt(5) == 0) {
            root.remove("formatVersion");
        } else {
            root.set("formatVersion", v);
        }
    }

    static byte[] rawNumber(byte[] base, Random rnd) throws Exception {
        return tree(base, rnd, (root, slot, r) -> {
            if (slot.get().isNumber() || r.nextInt(4) == 0) {
                slot.set(NODES.textNode(RAW_MARK + r.nextInt(RAW.length)));
            }
        });
    }

    static byte[] deepNesting(byte[] base, Random rnd) throws Exception {
        int depth = rnd.nextBoolean() ? 10 + rnd.nextInt(60) : 100 + rnd.nextInt(20_000);
        boolean array = rnd.nextBoolean();
        String deep = (array ? "[" : "{\"k\":").repeat(depth) + "1" + (array ? "]" : "}").repeat(depth);
        byte[] marked = tree(base, rnd, (root, slot, r) -> slot.set(NODES.textNode(DEEP_MARK)));
        return new String(marked, StandardCharsets.UTF_8).replace("\"" + DEEP_MARK + "\"", deep).getBytes(StandardCharsets.UTF_8);
    }

    static final String DEEP_MARK = "@@DEEP@@";
}
