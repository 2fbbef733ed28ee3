package io.gluebench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as a small neutral document: sections of paragraphs, lists, tables and figures. The
 * HTML and Markdown renderers draw the same document, so both files always carry the same sections.
 * All text here is plain text (possibly from the run, so untrusted); renderers escape it.
 */
final class Doc {
    private Doc() {
    }

    /** How a span of text is set. */
    enum Style { PLAIN, STRONG, CODE, MUTED, SUB }

    record Span(String text, Style style) {
    }

    /** A line of inline text made of styled spans. */
    record Phrase(List<Span> spans) {
        static Phrase of(String text) {
            return new Phrase(List.of(new Span(text == null ? "" : text, Style.PLAIN)));
        }

        static Builder builder() {
            return new Builder();
        }

        String plain() {
            StringBuilder sb = new StringBuilder();
            spans.forEach(s -> sb.append(s.text()));
            return sb.toString();
        }

        static final class Builder {
            private final List<Span> spans = new ArrayList<>();

            Builder text(String s) {
                return add(s, Style.PLAIN);
            }

            Builder strong(String s) {
                return add(s, Style.STRONG);
            }

            Builder code(String s) {
                return add(s, Style.CODE);
            }

            Builder muted(String s) {
                return add(s, Style.MUTED);
            }

            /** Secondary text, set small on its own line inside a table cell. */
            Builder sub(String s) {
                return add(s, Style.SUB);
            }

            Builder add(String s, Style style) {
                if (s != null && !s.isEmpty()) {
                    spans.add(new Span(s, style));
                }
                return this;
            }

            Phrase build() {
                return new Phrase(List.copyOf(spans));
            }
        }
    }

    /** Cell tones: how a renderer may colour a cell. */
    enum Tone { NONE, BEST, FAILED, SKIPPED, MISSING, WARN }

    /**
     * One table cell.
     *
     * @param heat  0..1 for a heat-map shading, or null
     */
    record Cell(Phrase text, boolean numeric, Tone tone, Double heat, String title) {
        static Cell text(String s) {
            return new Cell(Phrase.of(s), false, Tone.NONE, null, null);
        }

        static Cell code(String s) {
            return new Cell(Phrase.builder().code(s).build(), false, Tone.NONE, null, null);
        }

        static Cell num(String s) {
            return new Cell(Phrase.of(s), true, Tone.NONE, null, null);
        }

        static Cell of(Phrase p) {
            return new Cell(p, false, Tone.NONE, null, null);
        }
    }

    sealed interface Block permits Heading, Para, Bullets, Table, Figure, Facts, Note {
    }

    /** A sub-heading inside a section. */
    record Heading(String text, String id) implements Block {
    }

    record Para(Phrase text) implements Block {
    }

    record Bullets(List<Phrase> items) implements Block {
    }

    /**
     * A table with a header row; {@code compact} tables are set smaller; a {@code matrix} has a
     * narrow first column naming the row and equal value columns.
     */
    record Table(String caption, List<String> header, List<List<Cell>> rows, boolean compact, boolean matrix) implements Block {
        Table(String caption, List<String> header, List<List<Cell>> rows, boolean compact) {
            this(caption, header, rows, compact, false);
        }
    }

    /** A chart: a PNG file in the run's charts folder. */
    record Figure(Path png, String caption) implements Block {
    }

    /** Key / value pairs (the machine fingerprint). */
    record Facts(List<Fact> facts) implements Block {
    }

    record Fact(String key, Phrase value) {
    }

    /** A highlighted sentence: ok (green) or warn (amber). */
    record Note(Phrase text, boolean warn) implements Block {
    }

    record Section(String id, String title, List<Block> blocks) {
    }

    /** The whole report: a title, the header facts, and the sections in order. */
    record Report(String title, String subtitle, List<Fact> header, List<Section> sections) {
        /** The key of the header fact that names the run; renderers set it as the title. */
        static final String RUN = "run";

        /** The run's id from the header, or empty. */
        String runId() {
            return header.stream().filter(f -> f.key().equals(RUN)).findFirst().map(f -> f.value().plain()).orElse("");
        }

        /** The header facts listed under the title: all but the run's id. */
        List<Fact> facts() {
            return header.stream().filter(f -> !f.key().equals(RUN)).toList();
        }
    }
}
