package io.gluebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gluebench.result.ResultFormatException;
import io.gluebench.result.Run;
import io.gluebench.result.RunStore;
import io.gluebench.result.RunStoreFuzzTest;
import io.gluebench.result.RunStoreTest;
import io.gluebench.result.RunValidator;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal alike: a corpus of hostile run folders (the fuzzer's refused mutations of each kind,
 * and the named hostile cases: a huge file, a 10⁶-character string, 5,000 levels of nesting, a
 * duplicate key, NaN, a name climbing out of the folder, links where files belong) is given to each
 * verb that reads a run. Each refusal exits 2, in one line that starts "gluebench: " and names the
 * file, in the project's words: no exception or library name reaches the user.
 */
class RefusalCorpusTest {
    /** Words that only a library or a stack trace would print. */
    static final Pattern LIBRARY = Pattern.compile(
            "(?i)exception|jackson|fasterxml|JsonReadFeature|StreamReadConstraints|JsonParser|JsonToken|picocli"
                    + "|java\\.(lang|util|io|nio)|\\bat [a-z]+\\.[a-z]|\\bio\\.gluebench\\.");
    static final int PER_KIND = 3;

    @TempDir
    Path root;

    private final RunStore store = new RunStore();

    @Test
    void everyHostileRunFolderIsRefusedInOneLineWithExitTwo() throws Exception {
        Map<String, Path> corpus = new LinkedHashMap<>();
        fuzzed(corpus);
        named(corpus);
        Path good = folder("good", store.mapper().writeValueAsBytes(RunStoreTest.sample()));
        int refusals = 0;
        List<String> problems = new ArrayList<>();
        for (var e : corpus.entrySet()) {
            Path dir = e.getValue();
            for (String[] args : List.of(new String[] {"report", dir.toString()}, new String[] {"chart", dir.toString()},
                    new String[] {"advise", "--run", dir.toString(), "--workload", "dot", "--size", "1000"},
                    new String[] {"compare", good.toString(), dir.toString()})) {
                CliRun o = CliRun.run(args);
                String line = o.err().strip();
                String what = e.getKey() + " / " + args[0] + ": exit " + o.code() + ": " + line;
                if (o.code() != Main.USAGE || line.lines().count() != 1 || !line.startsWith("gluebench: ")
                        || !line.contains(dir.getFileName().toString()) || LIBRARY.matcher(line).find()) {
                    problems.add(what);
                }
                refusals++;
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " of " + refusals + " refusals are not alike:\n"
                + String.join("\n", problems));
        assertTrue(corpus.size() >= 30, "the corpus has every kind: " + corpus.keySet());
        System.out.println("refusal corpus: " + corpus.size() + " hostile folders, " + refusals + " refusals, all exit 2 in one line");
    }

    /** The fuzzer's mutations that the loader refuses: the first few of each kind. */
    private void fuzzed(Map<String, Path> corpus) throws Exception {
        byte[] base = store.mapper().writeValueAsBytes(RunStoreTest.sample());
        Random master = new Random(20261204L);
        for (int kind = 0; kind < RunStoreFuzzTest.KINDS; kind++) {
            int kept = 0;
            for (int i = 0; i < 200 && kept < PER_KIND; i++) {
                long seed = master.nextLong();
                byte[] bytes = RunStoreFuzzTest.mutate(kind, base, new Random(seed));
                Path dir = folder("fuzz-" + kind + "-" + seed, bytes);
                if (refused(dir)) {
                    corpus.put("fuzz kind " + kind + " seed " + seed, dir);
                    kept++;
                }
            }
        }
    }

    private void named(Map<String, Path> corpus) throws Exception {
        String sample = new String(store.mapper().writeValueAsBytes(RunStoreTest.sample()), StandardCharsets.UTF_8);
        corpus.put("a 10^6-character string", folder("long-string",
                edit(sample, "\"host\"", "\"" + "x".repeat(1_000_000) + "\"")));
        corpus.put("5,000 levels of nesting", folder("deep", edit(sample, "\"settings\"\\s*:\\s*\\{",
                "\"settings\" : {\"deep\": " + "[".repeat(5000) + "]".repeat(5000) + ",")));
        corpus.put("a duplicate key", folder("duplicate", edit(sample, "\"runId\"\\s*:", "\"runId\" : \"x\", \"runId\" :")));
        corpus.put("NaN", folder("nan", edit(sample, "\"score\"\\s*:\\s*[0-9.eE+-]+", "\"score\" : NaN")));
        corpus.put("a name climbing out", folder("traversal", edit(sample, "\"dot\"", "\"../../etc/passwd\"")));
        corpus.put("a formatVersion from the future", folder("future", edit(sample, "\"formatVersion\"\\s*:\\s*\\d+",
                "\"formatVersion\" : 99")));
        corpus.put("an empty file", folder("empty", new byte[0]));
        corpus.put("not UTF-8", folder("binary", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '{'}));
        corpus.put("a JSON list", folder("list", "[1, 2, 3]"));
        Path huge = folder("huge", new byte[0]);
        try (RandomAccessFile f = new RandomAccessFile(huge.resolve(RunStore.RUN_FILE).toFile(), "rw")) {
            f.setLength(300L << 20);        // sparse: 300 MB announced, nothing written
        }
        corpus.put("a 300 MB file", huge);
        Path dirInstead = Files.createDirectories(root.resolve("dir-instead"));
        Files.createDirectories(dirInstead.resolve(RunStore.RUN_FILE));
        corpus.put("run.json is a folder", dirInstead);
        Path outside = Files.writeString(root.resolve("outside.json"), sample);
        Path linked = Files.createDirectories(root.resolve("linked"));
        Files.createSymbolicLink(linked.resolve(RunStore.RUN_FILE), outside);
        corpus.put("run.json is a link", linked);
        Path missing = Files.createDirectories(root.resolve("missing"));
        corpus.put("no run.json", missing);
        for (var e : corpus.entrySet()) {
            assertTrue(refused(e.getValue()), "the loader refuses " + e.getKey());
        }
    }

    /** The sample with its first match of regex replaced; fails if nothing matched. */
    private static String edit(String sample, String regex, String replacement) {
        String out = sample.replaceFirst(regex, replacement);
        assertFalse(out.equals(sample), "the sample holds " + regex);
        return out;
    }

    private boolean refused(Path dir) {
        try {
            Run run = store.read(dir);
            RunValidator.validate(run, dir.resolve(RunStore.RUN_FILE).toString());
            return false;
        } catch (ResultFormatException e) {
            return true;
        }
    }

    private Path folder(String name, String json) throws Exception {
        return folder(name, json.getBytes(StandardCharsets.UTF_8));
    }

    private Path folder(String name, byte[] bytes) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.write(dir.resolve(RunStore.RUN_FILE), bytes);
        return dir;
    }
}
