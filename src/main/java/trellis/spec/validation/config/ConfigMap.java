package trellis.spec.validation.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service config as the Go code sees it: {@code map[string]any}. {@link #has} is "the key is
 * present" (also with a JSON null), and the typed getters follow the shared helpers of
 * server/internal/database (optionalString, optionalBool, optionalInt, optionalFloat64,
 * requireString).
 */
final class ConfigMap {
    private final JsonNode node;

    private ConfigMap(JsonNode node) {
        this.node = node;
    }

    /** Null when the config is present but not an object (the request decoder refuses it). */
    static ConfigMap of(JsonNode config) {
        if (config == null || config.isNull() || config.isMissingNode()) {
            return new ConfigMap(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        return config.isObject() ? new ConfigMap(config) : null;
    }

    boolean has(String key) {
        return node.has(key);
    }

    JsonNode get(String key) {
        return node.get(key);
    }

    JsonNode raw() {
        return node;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Result of a typed read: the value (or null) and an error (or null). */
    record Read<T>(T value, String error) {
        static <T> Read<T> none() {
            return new Read<>(null, null);
        }
    }

    /** optionalString: absent ok; a non-string or "" is an error. */
    Read<String> optionalString(String key) {
        if (!has(key)) {
            return Read.none();
        }
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            return new Read<>(null, key + " must be a string");
        }
        if (v.asText().isEmpty()) {
            return new Read<>(null, key + " must not be empty");
        }
        return new Read<>(v.asText(), null);
    }

    /** requireString / requireStringForProvider. */
    Read<String> requireString(String key, String missingMessage) {
        if (!has(key)) {
            return new Read<>(null, missingMessage);
        }
        return optionalString(key);
    }

    Read<Boolean> optionalBool(String key) {
        if (!has(key)) {
            return Read.none();
        }
        JsonNode v = node.get(key);
        return v.isBoolean() ? new Read<>(v.asBoolean(), null) : new Read<>(null, key + " must be a boolean");
    }

    Read<Double> optionalFloat(String key) {
        if (!has(key)) {
            return Read.none();
        }
        JsonNode v = node.get(key);
        return v.isNumber() ? new Read<>(v.doubleValue(), null) : new Read<>(null, key + " must be a number");
    }

    /** optionalInt: a float64 that converts to int and back unchanged. */
    Read<Long> optionalInt(String key) {
        if (!has(key)) {
            return Read.none();
        }
        Long i = goInt(node.get(key));
        return i == null ? new Read<>(null, key + " must be an integer") : new Read<>(i, null);
    }

    /** A JSON number as Go's {@code int(float64)} keeps it, or null when that loses the value. */
    static Long goInt(JsonNode v) {
        if (v == null || !v.isNumber()) {
            return null;
        }
        double d = v.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
            return null;
        }
        long i = (long) d;
        return (double) i == d ? i : null;
    }

    /** Unknown keys, sorted as the Go code sorts them (sort.Strings: byte order). */
    List<String> unknown(java.util.Set<String> known) {
        Map<String, Boolean> sorted = new TreeMap<>(GoJson.BYTE_ORDER);
        for (String k : keys()) {
            if (!known.contains(k)) {
                sorted.put(k, true);
            }
        }
        return new ArrayList<>(sorted.keySet());
    }

    /** Go's %q (strconv.Quote): printable runes as they are, the rest escaped. */
    static String quote(String s) {
        String g = GoJson.goString(s);
        StringBuilder b = new StringBuilder(g.length() + 2).append('"');
        for (int i = 0; i < g.length(); ) {
            int c = g.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else if (c < 0x80 || printable(c)) {
                        b.appendCodePoint(c);
                    } else if (c < 0x10000) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append(String.format("\\U%08x", c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Close to Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols; no space but U+0020. */
    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** The unknown-key error of the PostgREST and MCP parsers. */
    static String unknownKeysMessage(List<String> unknown) {
        if (unknown.size() == 1) {
            return "unknown config key " + quote(unknown.get(0));
        }
        return "unknown config keys: " + String.join(", ", unknown.stream().map(ConfigMap::quote).toList());
    }
}
