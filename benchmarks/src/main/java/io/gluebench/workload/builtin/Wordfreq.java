package io.gluebench.workload.builtin;

import io.gluebench.workload.Compound;
import io.gluebench.workload.ResultKind;
import io.gluebench.workload.SplitMix64;
import io.gluebench.workload.Tolerance;
import io.gluebench.workload.WorkloadInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * wordfreq: word frequencies in N bytes of generated text; the answer is the number of distinct words
 * and the top 10. Strings across the boundary (UTF-16 in Java, UTF-8 in C and CPython), hashing.
 */
public final class Wordfreq extends CompoundWorkload<WorkloadInput.WordFreq> {
    /** How many of the most frequent words wordfreq reports. */
    public static final int TOP_WORDS = 10;

    /** Orders word counts as wordfreq reports them: count descending, then word ascending. */
    public static final Comparator<Compound.WordCount> BY_FREQUENCY =
            Comparator.comparingLong(Compound.WordCount::count).reversed().thenComparing(Compound.WordCount::word);

    /** The 16 two-letter syllables of the vocabulary; four are accented (two UTF-8 bytes). */
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "zu", "be", "do", "fu",
        "g\u00e5", "h\u00e9", "j\u00f6", "\u00e7i"};
    private static final int VOCABULARY = 4096;

    public Wordfreq() {
        super(WorkloadInput.WordFreq.class, new Facts("wordfreq",
                "Word frequencies in N bytes of generated text (4096-word vocabulary, Zipf-like, some accented "
                        + "words); the result is the number of distinct words and the top 10 with counts, ties broken "
                        + "by word. Strings across the boundary (UTF-16 in Java, UTF-8 in C and CPython), hashing.",
                "bytes of UTF-8 text", "N", 0, 1 << 28,
                ResultKind.WORD_COUNTS, Tolerance.exact("counts and words"),
                "N bytes of text there (2N as Java chars), about 200 back", "wordfreq.py",
                "counting words is dict work: numpy cannot hash strings, and np.unique would sort every word of the "
                        + "text"));
    }

    /**
     * Words drawn with index floor(u^3 * 4096) (a Zipf-like skew), separated by ' ' and by '\n'
     * before every 16th word, for as long as the UTF-8 text stays within n bytes.
     */
    @Override
    protected WorkloadInput.WordFreq generate(int n) {
        String[] words = new String[VOCABULARY];
        int[] utf8 = new int[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            words[i] = word(i);
            utf8[i] = words[i].getBytes(StandardCharsets.UTF_8).length;
        }
        SplitMix64 rng = new SplitMix64(SEED);
        StringBuilder text = new StringBuilder();
        long used = 0;
        for (int k = 0; ; k++) {
            double u = rng.nextDouble();
            int i = (int) (u * u * u * VOCABULARY);
            int sep = k == 0 ? 0 : 1;
            if (used + sep + utf8[i] > n) {
                break;
            }
            if (sep == 1) {
                text.append(k % 16 == 0 ? '\n' : ' ');
            }
            text.append(words[i]);
            used += sep + utf8[i];
        }
        return new WorkloadInput.WordFreq(text.toString(), n);
    }

    /** Vocabulary word i: three syllables picked by the hex digits of i, most significant first. */
    private static String word(int i) {
        return SYLLABLES[(i >> 8) & 15] + SYLLABLES[(i >> 4) & 15] + SYLLABLES[i & 15];
    }

    @Override
    protected Compound compound(WorkloadInput.WordFreq input) {
        return wordfreq(input.text());
    }

    /**
     * Counts the words (maximal runs without ' ' or '\n') in a hash map, then keeps the
     * {@link #TOP_WORDS} most frequent with one pass over the distinct words.
     */
    public static Compound.WordCounts wordfreq(String text) {
        HashMap<String, int[]> counts = new HashMap<>();
        int len = text.length();
        int i = 0;
        while (i < len) {
            while (i < len && isWordSeparator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !isWordSeparator(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                counts.computeIfAbsent(text.substring(start, i), k -> new int[1])[0]++;
            }
        }
        Compound.WordCount[] top = new Compound.WordCount[TOP_WORDS];
        int kept = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Compound.WordCount c = new Compound.WordCount(e.getKey(), e.getValue()[0]);
            if (kept == TOP_WORDS && BY_FREQUENCY.compare(c, top[kept - 1]) >= 0) {
                continue;
            }
            int at = kept < TOP_WORDS ? kept++ : kept - 1;
            while (at > 0 && BY_FREQUENCY.compare(c, top[at - 1]) < 0) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = c;
        }
        return new Compound.WordCounts(counts.size(), Arrays.asList(top).subList(0, kept));
    }

    private static boolean isWordSeparator(char c) {
        return c == ' ' || c == '\n';
    }
}
