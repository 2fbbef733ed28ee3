package io.gluebench.result;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JSON parser's complaint means, in the project's words: "expected a number, found a list",
 * "nested more than 64 levels deep". The parser's own messages name its classes and settings
 * (`JsonReadFeature…`, `StreamReadConstraints…`, `java.util.ArrayList<…>`), which mean nothing to
 * someone holding a damaged run.json, so none of them reaches the user.
 */
final class JsonWords {
    private JsonWords() {
    }

    private record Rule(Pattern pattern, Function<Matcher, String> words) {
    }

    private static final List<Rule> RULES = List.of(
            rule("Cannot deserialize value of type `([^`]+)` from (\\w+) value.*",
                    m -> "expected " + kind(m.group(1)) + ", found " + found(m.group(2))),
            rule("Cannot construct instance of `[^`]+`, problem: (.*)", m -> m.group(1)),
            rule("Cannot construct instance of `([^`]+)`.*?deserialize from (\\w+) value.*",
                    m -> "expected " + kind(m.group(1)) + ", found " + found(m.group(2))),
            rule("Cannot construct instance of `([^`]+)`.*",
                    m -> "not a valid " + kind(m.group(1)).replaceFirst("^an? ", "")),
            rule("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    m -> "nesting depth over " + m.group(2) + " levels (no file gluebench reads is that deep)"),
            rule("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    m -> "a number of " + m.group(1) + " digits (at most " + m.group(2) + " are read)"),
            rule("String value length \\((\\d+)\\) exceeds the maximum (?:allowed )?(?:length )?\\((\\d+).*",
                    m -> "a text of " + m.group(1) + " characters (at most " + m.group(2) + " are read)"),
            rule("Non-standard token '([^']*)'.*",
                    m -> "'" + m.group(1) + "' is not a number in JSON (write null, or leave the field out)"),
            rule("Unexpected character \\((.*?) \\(code \\d+\\)\\) in numeric value.*",
                    m -> "unexpected character " + m.group(1) + " in a number"));

    private static final Map<String, String> FOUND = Map.of("Boolean", "true or false", "Integer", "a whole number",
            "Floating-point", "a number", "Array", "a list", "Object", "an object", "String", "text", "Null", "null");

    private static Rule rule(String regex, Function<Matcher, String> words) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), words);
    }

    /** The parser's message in plain words; anything unrecognised loses its class names and settings. */
    static String of(String original) {
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(original);
            if (m.matches()) {
                return r.words.apply(m);
            }
        }
        String s = original.replaceAll("[:;,]? *(enable|to change, use) `[^`]*`( to allow)?", "")
                .replaceAll(" *\\(from `[^`]*`\\)", "")
                .replaceAll(" \\(code \\d+\\)", "");
        Matcher m = Pattern.compile("`([^`]+)`").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(kind(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("\\b(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)", "$1");
    }

    /** What a Java type holds, as a JSON reader would say it. */
    static String kind(String type) {
        String raw = type.replaceAll("<.*", "");
        String simple = raw.substring(raw.lastIndexOf('.') + 1);
        return switch (simple) {
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "int", "Integer", "long", "Long", "short", "Short", "BigInteger" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            case "String", "char", "Character" -> "text";
            case "List", "ArrayList", "Collection", "Set", "LinkedHashSet", "HashSet" -> "a list";
            case "Map", "LinkedHashMap", "HashMap", "TreeMap", "Object", "JsonNode", "ObjectNode" -> "an object";
            default -> "an object (" + simple.replaceAll(".*\\$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + ")";
        };
    }

    private static String found(String jackson) {
        return FOUND.getOrDefault(jackson, jackson.toLowerCase() + " value");
    }
}
