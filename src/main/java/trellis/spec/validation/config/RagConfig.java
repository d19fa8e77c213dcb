package trellis.spec.validation.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import trellis.spec.validation.config.ServiceConfigRules.ConfigProblem;

/**
 * rag_service_config.go ParseRAGServiceConfig. The Control Plane decodes the config into typed
 * structs with unknown fields disallowed at every depth; {@link Decoder} reproduces what Go's
 * encoding/json accepts there (nulls leave a field unset, keys match case-insensitively, an
 * integer field refuses fractions), so the first decode error is the only error, as in Go.
 */
final class RagConfig {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9_][a-z0-9_-]*$");
    private static final List<String> EMBEDDING_PROVIDERS = List.of("anthropic", "openai", "voyage", "ollama");
    private static final List<String> LLM_PROVIDERS = List.of("anthropic", "openai", "ollama");

    enum Kind { STRING, INT, FLOAT, BOOL }

    /** Field name to its type: a Kind, a Map (struct) or a List of one Map (slice of struct). */
    private static final Map<String, Object> LLM = Map.of("provider", Kind.STRING, "model", Kind.STRING,
            "api_key", Kind.STRING, "base_url", Kind.STRING);
    private static final Map<String, Object> TABLE = Map.of("table", Kind.STRING, "text_column", Kind.STRING,
            "vector_column", Kind.STRING, "id_column", Kind.STRING);
    private static final Map<String, Object> SEARCH = Map.of("hybrid_enabled", Kind.BOOL, "vector_weight", Kind.FLOAT);
    private static final Map<String, Object> PIPELINE = Map.of("name", Kind.STRING, "description", Kind.STRING,
            "tables", List.of(TABLE), "embedding_llm", LLM, "rag_llm", LLM, "token_budget", Kind.INT,
            "top_n", Kind.INT, "system_prompt", Kind.STRING, "search", SEARCH);
    private static final Map<String, Object> DEFAULTS = Map.of("token_budget", Kind.INT, "top_n", Kind.INT);
    private static final Map<String, Object> CONFIG = Map.of("pipelines", List.of(PIPELINE), "defaults", DEFAULTS);

    private RagConfig() {
    }

    static List<ConfigProblem> validate(ConfigMap c) {
        ServiceConfigRules.Problems p = new ServiceConfigRules.Problems();
        Set<String> unknown = new TreeSet<>();
        for (String k : c.keys()) {
            if (!k.equals("pipelines") && !k.equals("defaults")) {
                unknown.add(ConfigMap.quote(k));
            }
        }
        if (!unknown.isEmpty()) {
            p.add(unknown.size() == 1 ? c.keys().stream().filter(k -> !k.equals("pipelines") && !k.equals("defaults"))
                    .findFirst().orElse("") : "", "unknown config key(s): " + String.join(", ", unknown)
                    + " (RAG takes: pipelines, defaults)");
            return p.list;
        }
        Decoder.Failure failure = Decoder.check(c.raw(), CONFIG, "");
        if (failure != null) {
            p.add(failure.path(), "invalid config: " + failure.message());
            return p.list;
        }
        JsonNode pipelines = field(c.raw(), "pipelines");
        if (pipelines == null || !pipelines.isArray() || pipelines.isEmpty()) {
            p.add("pipelines", "pipelines is required and must contain at least one pipeline");
        }
        Set<String> seen = new HashSet<>();
        if (pipelines != null && pipelines.isArray()) {
            for (int i = 0; i < pipelines.size(); i++) {
                pipeline(pipelines.get(i), i, seen, p);
            }
        }
        JsonNode defaults = field(c.raw(), "defaults");
        if (defaults != null && defaults.isObject()) {
            positive(defaults, "token_budget", "defaults.token_budget", p);
            positive(defaults, "top_n", "defaults.top_n", p);
        }
        return p.list;
    }

    private static void pipeline(JsonNode pl, int i, Set<String> seen, ServiceConfigRules.Problems p) {
        String prefix = "pipelines[" + i + "]";
        String name = text(pl, "name");
        if (name.isEmpty()) {
            p.add(prefix + ".name", prefix + ".name is required");
        } else if (!NAME.matcher(name).matches()) {
            p.add(prefix + ".name", prefix + ".name " + ConfigMap.quote(name) + " is invalid: must match ^[a-z0-9_][a-z0-9_-]*$");
        } else if (!seen.add(name)) {
            p.add(prefix + ".name", "pipelines contains duplicate name " + ConfigMap.quote(name));
        }
        JsonNode tables = field(pl, "tables");
        if (tables == null || !tables.isArray() || tables.isEmpty()) {
            p.add(prefix + ".tables", prefix + ".tables is required and must contain at least one table");
        } else {
            for (int j = 0; j < tables.size(); j++) {
                String tp = prefix + ".tables[" + j + "]";
                for (String col : List.of("table", "text_column", "vector_column")) {
                    if (text(tables.get(j), col).isEmpty()) {
                        p.add(tp + "." + col, tp + "." + col + " is required");
                    }
                }
            }
        }
        llm(field(pl, "embedding_llm"), prefix + ".embedding_llm", EMBEDDING_PROVIDERS, p);
        llm(field(pl, "rag_llm"), prefix + ".rag_llm", LLM_PROVIDERS, p);
        positive(pl, "token_budget", prefix + ".token_budget", p);
        positive(pl, "top_n", prefix + ".top_n", p);
        JsonNode search = field(pl, "search");
        if (search != null && search.isObject()) {
            JsonNode vw = field(search, "vector_weight");
            if (vw != null && vw.isNumber() && (vw.doubleValue() < 0.0 || vw.doubleValue() > 1.0)) {
                p.add(prefix + ".search.vector_weight", prefix + ".search.vector_weight must be between 0.0 and 1.0");
            }
        }
    }

    private static void llm(JsonNode llm, String prefix, List<String> providers, ServiceConfigRules.Problems p) {
        String provider = text(llm, "provider");
        if (provider.isEmpty()) {
            p.add(prefix + ".provider", prefix + ".provider is required");
            return;
        }
        if (!providers.contains(provider)) {
            p.add(prefix + ".provider", prefix + ".provider must be one of: " + String.join(", ", providers));
            return;
        }
        if (text(llm, "model").isEmpty()) {
            p.add(prefix + ".model", prefix + ".model is required");
        }
        if (!provider.equals("ollama") && text(llm, "api_key").isEmpty()) {
            p.add(prefix + ".api_key", prefix + ".api_key is required when provider is " + ConfigMap.quote(provider));
        }
    }

    private static void positive(JsonNode obj, String key, String path, ServiceConfigRules.Problems p) {
        JsonNode v = field(obj, key);
        if (v != null && v.isNumber() && ConfigMap.goInt(v) != null && ConfigMap.goInt(v) <= 0) {
            p.add(path, path + " must be a positive integer");
        }
    }

    /** A string field as decoded: "" when absent, null or empty. */
    private static String text(JsonNode obj, String key) {
        JsonNode v = field(obj, key);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    /** The value Go's decoder would put in the field: the last key that matches, exactly or case-insensitively; null for a JSON null. */
    static JsonNode field(JsonNode obj, String key) {
        if (obj == null || !obj.isObject()) {
            return null;
        }
        JsonNode found = null;
        var it = obj.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (Decoder.matches(e.getKey(), key) && !e.getValue().isNull()) {
                found = e.getValue();
            }
        }
        return found;
    }

    /** What encoding/json with DisallowUnknownFields refuses, for the typed RAG structs. */
    static final class Decoder {
        record Failure(String path, String message) {
        }

        static boolean matches(String jsonKey, String field) {
            return jsonKey.equals(field) || jsonKey.toLowerCase(Locale.ROOT).equals(field)
                    || jsonKey.equalsIgnoreCase(field);
        }

        @SuppressWarnings("unchecked")
        static Failure check(JsonNode node, Object type, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (type instanceof Kind kind) {
                return switch (kind) {
                    case STRING -> node.isTextual() ? null : mismatch(node, "string", path);
                    case BOOL -> node.isBoolean() ? null : mismatch(node, "bool", path);
                    case FLOAT -> node.isNumber() ? null : mismatch(node, "float64", path);
                    case INT -> node.isNumber() && ConfigMap.goInt(node) != null ? null : mismatch(node, "int", path);
                };
            }
            if (type instanceof List<?> list) {
                if (!node.isArray()) {
                    return mismatch(node, "array", path);
                }
                for (int i = 0; i < node.size(); i++) {
                    Failure f = check(node.get(i), list.get(0), path + "[" + i + "]");
                    if (f != null) {
                        return f;
                    }
                }
                return null;
            }
            Map<String, Object> struct = (Map<String, Object>) type;
            if (!node.isObject()) {
                return mismatch(node, "object", path);
            }
            var it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                String fieldName = struct.keySet().stream().filter(f -> matches(e.getKey(), f)).findFirst().orElse(null);
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (fieldName == null) {
                    return new Failure(at, "json: unknown field " + ConfigMap.quote(e.getKey()));
                }
                Failure f = check(e.getValue(), struct.get(fieldName), at);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }

        private static Failure mismatch(JsonNode node, String goType, String path) {
            String what = node.isTextual() ? "string" : node.isNumber() ? "number " + node.asText()
                    : node.isBoolean() ? "bool" : node.isArray() ? "array" : "object";
            return new Failure(path, "json: cannot unmarshal " + what + " into Go struct field " + path + " of type " + goType);
        }
    }
}
