package trellis.spec.validation.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How Go's encoding/json and strings see what Jackson parsed: strings as UTF-8 (a lone
 * surrogate becomes U+FFFD), keys sorted byte-wise as json.Marshal sorts map keys, struct field
 * names matched case-insensitively as the decoder folds them, and numbers as float64.
 */
final class GoJson {
    private GoJson() {
    }

    /** A Java string as Go holds it after decoding JSON: lone surrogates are U+FFFD. */
    static String goString(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone;
            if (Character.isHighSurrogate(c)) {
                lone = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!lone) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                lone = Character.isLowSurrogate(c);
            }
            if (lone && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(lone ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Go's len(s): the UTF-8 byte count. */
    static long utf8Length(String s) {
        String g = goString(s);
        long n = 0;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Go's string order (bytes of UTF-8), which is code point order. */
    static final Comparator<String> BYTE_ORDER = (a, b) -> {
        String x = goString(a);
        String y = goString(b);
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    };

    /** An object's members in the order json.Marshal writes a map: keys sorted byte-wise. */
    static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode obj) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            fields.add(it.next());
        }
        fields.sort(Map.Entry.comparingByKey(BYTE_ORDER));
        return fields;
    }

    /**
     * Whether a JSON key selects the struct field of that (ASCII, lower case) JSON name: an exact
     * match, or equal after Go's foldName (ASCII letters upper-cased, and U+017F and U+212A,
     * whose fold sets hold 's' and 'k').
     */
    static boolean matchesField(String key, String field) {
        if (key.equals(field)) {
            return true;
        }
        int i = 0;
        int j = 0;
        while (i < key.length() && j < field.length()) {
            int c = key.codePointAt(i);
            i += Character.charCount(c);
            int folded;
            if (c >= 'a' && c <= 'z') {
                folded = c - ('a' - 'A');
            } else if (c == 0x17F) {
                folded = 'S';
            } else if (c == 0x212A) {
                folded = 'K';
            } else {
                folded = c;
            }
            int f = field.charAt(j++);
            if (f >= 'a' && f <= 'z') {
                f -= 'a' - 'A';
            }
            if (folded != f) {
                return false;
            }
        }
        return i == key.length() && j == field.length();
    }

    /** The first number, in document order, that does not fit a float64: Go refuses the whole request for it. */
    static String[] firstOverflowingNumber(JsonNode root) {
        Deque<Step> stack = new ArrayDeque<>();
        stack.push(new Step(root, null, ""));
        while (!stack.isEmpty()) {
            Step top = stack.pop();
            JsonNode n = top.node();
            if (n == null) {
                continue;
            }
            if (n.isNumber()) {
                double d = n.doubleValue();
                if (Double.isInfinite(d) || Double.isNaN(d)) {
                    return new String[] {path(top), n.asText()};
                }
            } else if (n.isArray()) {
                for (int i = n.size() - 1; i >= 0; i--) {
                    stack.push(new Step(n.get(i), top, "[" + i + "]"));
                }
            } else if (n.isObject()) {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                n.fields().forEachRemaining(fields::add);
                for (int i = fields.size() - 1; i >= 0; i--) {
                    String key = fields.get(i).getKey();
                    stack.push(new Step(fields.get(i).getValue(), top, top.parent() == null ? key : "." + key));
                }
            }
        }
        return null;
    }

    private record Step(JsonNode node, Step parent, String segment) {
    }

    /** The path of a step, built only for the one reported (building it on the way would be quadratic). */
    private static String path(Step step) {
        Deque<String> segments = new ArrayDeque<>();
        for (Step s = step; s != null; s = s.parent()) {
            segments.push(s.segment());
        }
        return String.join("", segments);
    }

    /** A float64 as json.Marshal writes it ('f' between 1e-6 and 1e21, else 'e'). */
    static String marshalFloat(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        double abs = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = exp < 0 ? "-" + (exp > -10 ? "0" : "") + (-exp) : "+" + (exp < 10 ? "0" : "") + exp;
        if (e.startsWith("-0")) {
            e = "-" + e.substring(2);
        }
        return (d < 0 ? "-" : "") + mantissa + "e" + e;
    }
}
