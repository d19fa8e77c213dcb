package trellis.ui.wizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A place inside a service's {@code config}, written as the validator writes its paths:
 * {@code db_pool}, {@code pipelines[0].embedding_llm.model}. Reads and writes JSON trees; no JavaFX.
 */
final class ConfigPath {
    private ConfigPath() {
    }

    /** The steps of a path: field names as strings, array indexes as integers. */
    static List<Object> steps(String path) {
        List<Object> out = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                out.add(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                out.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return out;
    }

    static JsonNode get(JsonNode root, String path) {
        JsonNode n = root;
        for (Object step : steps(path)) {
            if (n == null) {
                return MissingNode.getInstance();
            }
            n = step instanceof Integer i ? n.get(i) : n.get((String) step);
        }
        return n == null ? MissingNode.getInstance() : n;
    }

    /** Sets the value at the path, making objects and arrays on the way; a null value removes the key. */
    static void set(ObjectNode root, String path, JsonNode value) {
        List<Object> steps = steps(path);
        JsonNode n = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            boolean nextIsIndex = steps.get(i + 1) instanceof Integer;
            JsonNode child = step instanceof Integer idx ? n.get(idx) : n.get((String) step);
            if (child == null || !(child.isObject() || child.isArray())) {
                if (value == null) {
                    return;
                }
                child = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                put(n, step, child);
            }
            n = child;
        }
        Object last = steps.get(steps.size() - 1);
        if (value == null) {
            if (n instanceof ObjectNode o && last instanceof String key) {
                o.remove(key);
            }
            return;
        }
        put(n, last, value);
    }

    private static void put(JsonNode parent, Object step, JsonNode value) {
        if (step instanceof Integer idx) {
            ArrayNode a = (ArrayNode) parent;
            while (a.size() <= idx) {
                a.addNull();
            }
            a.set(idx, value);
        } else {
            ((ObjectNode) parent).set((String) step, value);
        }
    }

    /**
     * What a person typed into a number field: a whole number is sent as a number, anything else as
     * the text it is, so the validator says what is wrong with it; empty removes the key.
     */
    static JsonNode number(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("-?\\d{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(t));
        }
        if (t.matches("-?\\d+\\.\\d+")) {
            return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(t));
        }
        return TextNode.valueOf(t);
    }

    /** Text, or no key when empty. */
    static JsonNode text(String text) {
        return text == null || text.isEmpty() ? null : TextNode.valueOf(text);
    }

}
