package io.gluebench.report;

/**
 * A tiny HTML writer that escapes every text and attribute value it is given. Tag and attribute
 * names are the caller's constants; only {@link #trusted} writes markup as is, and it is used for
 * the report's own fixed style sheet and doctype.
 */
final class HtmlWriter {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /** Opens a tag; attrs are name, value pairs (values escaped; a null value omits the attribute). */
    HtmlWriter open(String tag, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
        return this;
    }

    HtmlWriter close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A void element such as img or meta. */
    HtmlWriter empty(String tag, String... attrs) {
        return open(tag, attrs);
    }

    HtmlWriter text(String s) {
        out.append(escape(s));
        return this;
    }

    /** An element holding only text. */
    HtmlWriter element(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    HtmlWriter newline() {
        out.append('\n');
        return this;
    }

    /** Markup written as is: only for the report's own constants (doctype, style sheet). */
    HtmlWriter trusted(String markup) {
        out.append(markup);
        return this;
    }

    private void attributes(String... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                out.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
            }
        }
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
