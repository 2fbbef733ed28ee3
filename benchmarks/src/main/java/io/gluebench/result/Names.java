package io.gluebench.result;

import java.util.regex.Pattern;

/**
 * The names a run gives its things (run id, machine id, workload, pattern, series, placement,
 * transport) become folder and file names, so they are held to one safe set: letters, digits, '.',
 * '_' and '-' ('@' too in a series name "pattern@placement"), 1 to {@value #MAX_LENGTH} characters,
 * never "." or "..". Nothing from a results file reaches the file system without passing here.
 */
public final class Names {
    public static final int MAX_LENGTH = 128;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");
    private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");

    private Names() {
    }

    /** A plain name: letters, digits, '.', '_', '-'; not "." or "..". */
    public static boolean isName(String s) {
        return s != null && NAME.matcher(s).matches() && !s.equals(".") && !s.equals("..");
    }

    /** A series name: a plain name, or plain names joined by '@'. */
    public static boolean isSeries(String s) {
        return s != null && SERIES.matcher(s).matches() && !s.equals(".") && !s.equals("..");
    }

    /** What {@link #isName} accepts, in words, for messages. */
    public static String rule(boolean series) {
        return "1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-'" + (series ? " (and '@')" : "")
                + ", not '.' or '..'";
    }

    /**
     * A file name built from names (e.g. a chart named after its workload): refused, never
     * rewritten, when it is not one safe name, so that a name can never point outside its folder.
     */
    public static String fileName(String s) {
        if (!isSeries(s)) {
            throw new IllegalArgumentException("refusing the file name '" + quote(s, 80) + "': a name must be " + rule(true));
        }
        return s;
    }

    /** Turns any text into a plain name (for names made from foreign input, e.g. a JMH method name). */
    public static String sanitise(String s, String fallback) {
        String t = s == null ? "" : s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (t.length() > MAX_LENGTH) {
            t = t.substring(0, MAX_LENGTH);
        }
        return isName(t) ? t : fallback;
    }

    /**
     * Refuses to read or write through a symbolic link: a run folder copied from elsewhere could hold
     * one (charts/ or report.html pointing anywhere), and reading or writing would then reach outside
     * the folder.
     */
    public static void refuseLink(java.nio.file.Path p) throws LinkRefused {
        if (java.nio.file.Files.isSymbolicLink(p)) {
            throw new LinkRefused(oneLine(p + " is a symbolic link; gluebench does not follow links in a run folder"
                    + " (remove it, or copy what it points to in its place, and try again)"));
        }
    }

    /** A symbolic link where a run folder's own file or folder belongs: refused like any bad input (exit 2). */
    public static final class LinkRefused extends java.io.IOException {
        public LinkRefused(String message) {
            super(message);
        }
    }

    /** Text from a file, cut and with control characters escaped, for a one-line message. */
    public static String quote(String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= max && s.length() > max) {
            b.append("…");
        }
        return b.toString();
    }

    /** A message on one line: control characters and line breaks escaped, length bounded. */
    public static String oneLine(String s) {
        return quote(s == null ? null : s.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+\\s*", " "), 2000);
    }
}
