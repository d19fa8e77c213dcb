package trellis.spec.validation.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import trellis.spec.validation.config.ServiceConfigRules.ConfigProblem;

/**
 * rag_service_config.go ParseRAGServiceConfig. The Control Plane refuses unknown top-level keys
 * (exact names), then re-marshals the map (keys sorted) and decodes it into typed structs with
 * DisallowUnknownFields; the first decode error is the only error. {@link Decoder} reproduces
 * encoding/json there: keys in sorted order, field names matched exactly or case-insensitively,
 * a JSON null leaves a value field unchanged and clears a pointer or slice, a second key for
 * the same field decodes into what the first left (structs merge, slices reuse their
 * elements), an integer field refuses fractions and values beyond int64. Then
 * validateRAGPipeline, validateRAGTable and validateRAGLLMConfig run on the typed values.
 */
final class RagConfig {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9_][a-z0-9_-]*$");
    private static final List<String> EMBEDDING_PROVIDERS = List.of("anthropic", "openai", "voyage", "ollama");
    private static final List<String> LLM_PROVIDERS = List.of("anthropic", "openai", "ollama");
    private static final double TWO_63 = 9.223372036854775808E18;

    private RagConfig() {
    }

    // The typed structs: a String field is Go's string ("" when unset), a nullable field is a pointer.

    static final class Llm {
        String provider = "";
        String model = "";
        String apiKey;
        String baseUrl;
    }

    static final class Table {
        String table = "";
        String textColumn = "";
        String vectorColumn = "";
        String idColumn;
    }

    static final class Search {
        Boolean hybridEnabled;
        Double vectorWeight;
    }

    static final class Pipeline {
        String name = "";
        String description;
        final Slice<Table> tables = new Slice<>();
        final Llm embeddingLlm = new Llm();
        final Llm ragLlm = new Llm();
        Long tokenBudget;
        Long topN;
        String systemPrompt;
        Search search;
    }

    static final class Defaults {
        Long tokenBudget;
        Long topN;
    }

    static final class Cfg {
        final Slice<Pipeline> pipelines = new Slice<>();
        Defaults defaults;
    }

    /** A Go slice: elements past the length stay in the backing array and are reused. */
    static final class Slice<T> {
        final List<T> backing = new ArrayList<>();
        int len;

        List<T> elements() {
            return backing.subList(0, len);
        }
    }

    static List<ConfigProblem> validate(ConfigMap c) {
        ServiceConfigRules.Problems p = new ServiceConfigRules.Problems();
        List<String> unknown = new ArrayList<>();
        for (String k : c.keys()) {
            if (!k.equals("pipelines") && !k.equals("defaults")) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> quoted = new ArrayList<>(unknown.stream().map(ConfigMap::quote).toList());
            quoted.sort(GoJson.BYTE_ORDER);
            p.add(unknown.size() == 1 ? unknown.get(0) : "", "unknown config key(s): " + String.join(", ", quoted)
                    + " (RAG takes: pipelines, defaults)");
            return p.list;
        }
        Decoder d = new Decoder();
        Cfg cfg = d.config(c.raw());
        if (d.failure != null) {
            p.add(d.failure.path(), "invalid config: " + d.failure.message());
            return p.list;
        }
        if (cfg.pipelines.len == 0) {
            p.add("pipelines", "pipelines is required and must contain at least one pipeline");
        }
        Set<String> seen = new HashSet<>();
        List<Pipeline> pipelines = cfg.pipelines.elements();
        for (int i = 0; i < pipelines.size(); i++) {
            pipeline(pipelines.get(i), i, seen, p);
        }
        if (cfg.defaults != null) {
            if (cfg.defaults.tokenBudget != null && cfg.defaults.tokenBudget <= 0) {
                p.add("defaults.token_budget", "defaults.token_budget must be a positive integer");
            }
            if (cfg.defaults.topN != null && cfg.defaults.topN <= 0) {
                p.add("defaults.top_n", "defaults.top_n must be a positive integer");
            }
        }
        return p.list;
    }

    /** validateRAGPipeline. */
    private static void pipeline(Pipeline pl, int i, Set<String> seen, ServiceConfigRules.Problems p) {
        String prefix = "pipelines[" + i + "]";
        String name = GoJson.goString(pl.name);
        if (name.isEmpty()) {
            p.add(prefix + ".name", prefix + ".name is required");
        } else if (!NAME.matcher(name).matches()) {
            p.add(prefix + ".name", prefix + ".name " + ConfigMap.quote(name) + " is invalid: must match ^[a-z0-9_][a-z0-9_-]*$");
        } else if (seen.contains(name)) {
            p.add(prefix + ".name", "pipelines contains duplicate name " + ConfigMap.quote(name));
        } else {
            seen.add(name);
        }
        List<Table> tables = pl.tables.elements();
        if (tables.isEmpty()) {
            p.add(prefix + ".tables", prefix + ".tables is required and must contain at least one table");
        }
        for (int j = 0; j < tables.size(); j++) {
            String tp = prefix + ".tables[" + j + "]";
            Table t = tables.get(j);
            if (t.table.isEmpty()) {
                p.add(tp + ".table", tp + ".table is required");
            }
            if (t.textColumn.isEmpty()) {
                p.add(tp + ".text_column", tp + ".text_column is required");
            }
            if (t.vectorColumn.isEmpty()) {
                p.add(tp + ".vector_column", tp + ".vector_column is required");
            }
        }
        llm(pl.embeddingLlm, prefix + ".embedding_llm", EMBEDDING_PROVIDERS, p);
        llm(pl.ragLlm, prefix + ".rag_llm", LLM_PROVIDERS, p);
        if (pl.tokenBudget != null && pl.tokenBudget <= 0) {
            p.add(prefix + ".token_budget", prefix + ".token_budget must be a positive integer");
        }
        if (pl.topN != null && pl.topN <= 0) {
            p.add(prefix + ".top_n", prefix + ".top_n must be a positive integer");
        }
        if (pl.search != null && pl.search.vectorWeight != null) {
            double vw = pl.search.vectorWeight;
            if (vw < 0.0 || vw > 1.0) {
                p.add(prefix + ".search.vector_weight", prefix + ".search.vector_weight must be between 0.0 and 1.0");
            }
        }
    }

    /** validateRAGLLMConfig. */
    private static void llm(Llm llm, String prefix, List<String> providers, ServiceConfigRules.Problems p) {
        if (llm.provider.isEmpty()) {
            p.add(prefix + ".provider", prefix + ".provider is required");
            return;
        }
        if (!providers.contains(llm.provider)) {
            p.add(prefix + ".provider", prefix + ".provider must be one of: " + String.join(", ", providers));
            return;
        }
        if (llm.model.isEmpty()) {
            p.add(prefix + ".model", prefix + ".model is required");
        }
        if (!llm.provider.equals("ollama") && (llm.apiKey == null || llm.apiKey.isEmpty())) {
            p.add(prefix + ".api_key", prefix + ".api_key is required when provider is " + ConfigMap.quote(llm.provider));
        }
    }

    /** encoding/json's Decoder with DisallowUnknownFields, for these structs only. */
    static final class Decoder {
        record Failure(String path, String message) {
        }

        Failure failure;
        /** Go's errorContext: the struct being decoded and the JSON names of the fields on the way. */
        private String struct;
        private final List<String> fieldStack = new ArrayList<>();

        private interface FieldHandler {
            /** Decodes value into the field of that JSON name; path is where the value sits. */
            void decode(String field, JsonNode value, String path);
        }

        private void save(String path, String message) {
            if (failure == null) {
                failure = new Failure(path, message);
            }
        }

        /** An UnmarshalTypeError, worded as Go words it. */
        private void mismatch(String path, JsonNode value, String goType, boolean intTarget) {
            String what;
            if (value.isTextual()) {
                what = "string";
            } else if (value.isNumber()) {
                what = intTarget ? "number " + GoJson.marshalFloat(value.doubleValue()) : "number";
            } else if (value.isBoolean()) {
                what = "bool";
            } else if (value.isArray()) {
                what = "array";
            } else {
                what = "object";
            }
            String at = struct == null && fieldStack.isEmpty() ? "Go value"
                    : "Go struct field " + (struct == null ? "" : struct) + "." + String.join(".", fieldStack);
            save(path, "json: cannot unmarshal " + what + " into " + at + " of type " + goType);
        }

        /** d.object for a struct: members in sorted order, each to its field or refused as unknown. */
        private void object(JsonNode obj, String structName, List<String> fields, String path, FieldHandler handler) {
            for (Map.Entry<String, JsonNode> e : GoJson.sortedFields(obj)) {
                String key = e.getKey();
                String at = path.isEmpty() ? key : path + "." + key;
                String field = fields.contains(key) ? key
                        : fields.stream().filter(f -> GoJson.matchesField(key, f)).findFirst().orElse(null);
                if (field == null) {
                    save(at, "json: unknown field " + ConfigMap.quote(key));
                    continue;
                }
                String canonicalAt = path.isEmpty() ? field : path + "." + field;
                String savedStruct = struct;
                fieldStack.add(field);
                struct = structName;
                handler.decode(field, e.getValue(), canonicalAt);
                fieldStack.remove(fieldStack.size() - 1);
                struct = savedStruct;
            }
        }

        /** Whether a value can go into a struct: an object (true), null (false, nothing to do) or a mismatch. */
        private boolean isObjectFor(JsonNode v, String goType, String path) {
            if (v.isNull()) {
                return false;
            }
            if (!v.isObject()) {
                mismatch(path, v, goType, false);
                return false;
            }
            return true;
        }

        /** Go string: a JSON string sets it, null leaves it. */
        private String string(JsonNode v, String old, String path) {
            if (v.isNull()) {
                return old;
            }
            if (!v.isTextual()) {
                mismatch(path, v, "string", false);
                return old;
            }
            return v.asText();
        }

        /** Go *string: a JSON string sets it, null clears it. */
        private String stringPtr(JsonNode v, String old, String path) {
            return v.isNull() ? null : string(v, old, path);
        }

        /** Go *int: json.Marshal wrote the float64 in full, ParseInt must take it back. */
        private Long intPtr(JsonNode v, Long old, String path) {
            if (v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                mismatch(path, v, "int", false);
                return old;
            }
            double d = v.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || d >= TWO_63 || d <= -TWO_63) {
                mismatch(path, v, "int", true);
                return old;
            }
            return (long) d;
        }

        private Double floatPtr(JsonNode v, Double old, String path) {
            if (v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                mismatch(path, v, "float64", false);
                return old;
            }
            return v.doubleValue();
        }

        private Boolean boolPtr(JsonNode v, Boolean old, String path) {
            if (v.isNull()) {
                return null;
            }
            if (!v.isBoolean()) {
                mismatch(path, v, "bool", false);
                return old;
            }
            return v.asBoolean();
        }

        /** d.array into a slice of structs: elements decoded into what the backing array holds. */
        private <T> void slice(JsonNode v, Slice<T> s, String goType, String elemType, Supplier<T> zero, String path,
                ElementDecoder<T> elem) {
            if (v.isNull()) {
                s.backing.clear();
                s.len = 0;
                return;
            }
            if (!v.isArray()) {
                mismatch(path, v, goType, false);
                return;
            }
            int n = v.size();
            for (int i = 0; i < n; i++) {
                if (i >= s.backing.size()) {
                    s.backing.add(zero.get());
                }
                if (i >= s.len) {
                    s.len = i + 1;
                }
                JsonNode item = v.get(i);
                String at = path + "[" + i + "]";
                if (isObjectFor(item, elemType, at)) {
                    elem.decode(item, s.backing.get(i), at);
                }
            }
            if (n < s.len) {
                s.len = n;
            }
            if (n == 0) {
                s.backing.clear();
                s.len = 0;
            }
        }

        private interface ElementDecoder<T> {
            void decode(JsonNode obj, T into, String path);
        }

        Cfg config(JsonNode root) {
            Cfg cfg = new Cfg();
            if (root == null || !root.isObject()) {
                return cfg;
            }
            object(root, "RAGServiceConfig", List.of("pipelines", "defaults"), "", (f, v, at) -> {
                if (f.equals("pipelines")) {
                    slice(v, cfg.pipelines, "[]database.RAGPipeline", "database.RAGPipeline", Pipeline::new, at, this::pipeline);
                } else if (v.isNull()) {
                    cfg.defaults = null;
                } else if (isObjectFor(v, "database.RAGDefaults", at)) {
                    if (cfg.defaults == null) {
                        cfg.defaults = new Defaults();
                    }
                    Defaults d = cfg.defaults;
                    object(v, "RAGDefaults", List.of("token_budget", "top_n"), at, (f2, v2, at2) -> {
                        if (f2.equals("token_budget")) {
                            d.tokenBudget = intPtr(v2, d.tokenBudget, at2);
                        } else {
                            d.topN = intPtr(v2, d.topN, at2);
                        }
                    });
                }
            });
            return cfg;
        }

        private void pipeline(JsonNode obj, Pipeline pl, String path) {
            object(obj, "RAGPipeline", List.of("name", "description", "tables", "embedding_llm", "rag_llm", "token_budget",
                    "top_n", "system_prompt", "search"), path, (f, v, at) -> {
                        switch (f) {
                            case "name" -> pl.name = string(v, pl.name, at);
                            case "description" -> pl.description = stringPtr(v, pl.description, at);
                            case "tables" -> slice(v, pl.tables, "[]database.RAGPipelineTable", "database.RAGPipelineTable",
                                    Table::new, at, this::table);
                            case "embedding_llm" -> {
                                if (isObjectFor(v, "database.RAGPipelineLLMConfig", at)) {
                                    llm(v, pl.embeddingLlm, at);
                                }
                            }
                            case "rag_llm" -> {
                                if (isObjectFor(v, "database.RAGPipelineLLMConfig", at)) {
                                    llm(v, pl.ragLlm, at);
                                }
                            }
                            case "token_budget" -> pl.tokenBudget = intPtr(v, pl.tokenBudget, at);
                            case "top_n" -> pl.topN = intPtr(v, pl.topN, at);
                            case "system_prompt" -> pl.systemPrompt = stringPtr(v, pl.systemPrompt, at);
                            default -> {
                                if (v.isNull()) {
                                    pl.search = null;
                                } else if (isObjectFor(v, "database.RAGPipelineSearch", at)) {
                                    if (pl.search == null) {
                                        pl.search = new Search();
                                    }
                                    search(v, pl.search, at);
                                }
                            }
                        }
                    });
        }

        private void table(JsonNode obj, Table t, String path) {
            object(obj, "RAGPipelineTable", List.of("table", "text_column", "vector_column", "id_column"), path, (f, v, at) -> {
                switch (f) {
                    case "table" -> t.table = string(v, t.table, at);
                    case "text_column" -> t.textColumn = string(v, t.textColumn, at);
                    case "vector_column" -> t.vectorColumn = string(v, t.vectorColumn, at);
                    default -> t.idColumn = stringPtr(v, t.idColumn, at);
                }
            });
        }

        private void llm(JsonNode obj, Llm l, String path) {
            object(obj, "RAGPipelineLLMConfig", List.of("provider", "model", "api_key", "base_url"), path, (f, v, at) -> {
                switch (f) {
                    case "provider" -> l.provider = string(v, l.provider, at);
                    case "model" -> l.model = string(v, l.model, at);
                    case "api_key" -> l.apiKey = stringPtr(v, l.apiKey, at);
                    default -> l.baseUrl = stringPtr(v, l.baseUrl, at);
                }
            });
        }

        private void search(JsonNode obj, Search s, String path) {
            object(obj, "RAGPipelineSearch", List.of("hybrid_enabled", "vector_weight"), path, (f, v, at) -> {
                if (f.equals("hybrid_enabled")) {
                    s.hybridEnabled = boolPtr(v, s.hybridEnabled, at);
                } else {
                    s.vectorWeight = floatPtr(v, s.vectorWeight, at);
                }
            });
        }
    }
}
