package trellis.engine.local;

import static trellis.engine.local.Yaml.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The RAG server's pgedge-rag-server.yaml and its API-key files, as the Control Plane writes them
 * (orchestrator/swarm/rag_config.go GenerateRAGConfig, rag_service_keys_resource.go): keys never go
 * into the YAML, only the paths of files under /app/keys named {pipeline}_embedding.key and
 * {pipeline}_rag.key.
 */
final class RagConfigYaml {
    static final String KEYS_DIR = "/app/keys";
    static final ObjectMapper YAML = Yaml.MAPPER;

    private RagConfigYaml() {
    }

    /** The YAML and the key files (file name to key). */
    record Generated(String yaml, Map<String, String> keyFiles) {
    }

    static Generated generate(JsonNode cfg, String database, PostgrestConf.Endpoint host, String user, String password) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<Map<String, Object>> pipelines = new ArrayList<>();
        for (JsonNode p : cfg.path("pipelines")) {
            String name = field(p, "name").asText("");
            Map<String, Object> pl = new LinkedHashMap<>();
            pl.put("name", name);
            if (field(p, "description").isTextual()) {
                pl.put("description", field(p, "description").asText());
            }
            pl.put("database", map("host", host.host(), "port", host.port(), "database", database, "username", user,
                    "password", password == null ? "" : password, "ssl_mode", "prefer"));
            List<Map<String, Object>> tables = new ArrayList<>();
            for (JsonNode t : field(p, "tables")) {
                Map<String, Object> tb = map("table", field(t, "table").asText(""), "text_column", field(t, "text_column").asText(""),
                        "vector_column", field(t, "vector_column").asText(""));
                if (field(t, "id_column").isTextual()) {
                    tb.put("id_column", field(t, "id_column").asText());
                }
                tables.add(tb);
            }
            pl.put("tables", tables);
            JsonNode emb = field(p, "embedding_llm");
            JsonNode rag = field(p, "rag_llm");
            pl.put("embedding_llm", llm(emb));
            pl.put("rag_llm", llm(rag));
            String embProvider = field(emb, "provider").asText("");
            String ragProvider = field(rag, "provider").asText("");
            String embKey = field(emb, "api_key").asText("");
            String ragKey = field(rag, "api_key").asText("");
            if (embProvider.equals(ragProvider) && !embKey.isEmpty() && !ragKey.isEmpty() && !embKey.equals(ragKey)) {
                throw new IllegalStateException("pipeline \"" + name + "\": embedding_llm and rag_llm share provider \""
                        + embProvider + "\" but have different API keys");
            }
            Map<String, Object> apiKeys = new LinkedHashMap<>();
            if (!embKey.isEmpty() && List.of("anthropic", "openai", "voyage").contains(embProvider)) {
                keys.put(name + "_embedding.key", embKey);
                apiKeys.put(embProvider, KEYS_DIR + "/" + name + "_embedding.key");
            }
            if (!ragKey.isEmpty() && List.of("anthropic", "openai").contains(ragProvider)) {
                keys.put(name + "_rag.key", ragKey);
                apiKeys.put(ragProvider, KEYS_DIR + "/" + name + "_rag.key");
            }
            if (!apiKeys.isEmpty()) {
                pl.put("api_keys", apiKeys);
            }
            copyInt(p, "token_budget", pl);
            copyInt(p, "top_n", pl);
            if (field(p, "system_prompt").isTextual()) {
                pl.put("system_prompt", field(p, "system_prompt").asText());
            }
            JsonNode search = field(p, "search");
            if (search != null && search.isObject()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                if (field(search, "hybrid_enabled").isBoolean()) {
                    sm.put("hybrid_enabled", field(search, "hybrid_enabled").asBoolean());
                }
                if (field(search, "vector_weight").isNumber()) {
                    sm.put("vector_weight", field(search, "vector_weight").asDouble());
                }
                pl.put("search", sm);
            }
            pipelines.add(pl);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("server", map("listen_address", "0.0.0.0", "port", 8080));
        root.put("pipelines", pipelines);
        JsonNode defaults = cfg.path("defaults");
        Map<String, Object> d = new LinkedHashMap<>();
        copyInt(defaults, "token_budget", d);
        copyInt(defaults, "top_n", d);
        if (!d.isEmpty()) {
            root.put("defaults", d);
        }
        try {
            return new Generated(YAML.writeValueAsString(root), keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the RAG config: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> llm(JsonNode l) {
        Map<String, Object> m = map("provider", field(l, "provider").asText(""), "model", field(l, "model").asText(""));
        if (field(l, "base_url").isTextual()) {
            m.put("base_url", field(l, "base_url").asText());
        }
        return m;
    }

    private static void copyInt(JsonNode from, String key, Map<String, Object> to) {
        JsonNode v = field(from, key);
        if (v.isNumber()) {
            to.put(key, v.asLong());
        }
    }

    /** As the Control Plane decoded it: keys match ignoring case. */
    private static JsonNode field(JsonNode obj, String key) {
        JsonNode v = RagFieldLookup.get(obj, key);
        return v == null ? MissingNode.getInstance() : v;
    }


    /** Case-insensitive field lookup, last match wins, nulls skipped (Go's decoding of the typed config). */
    static final class RagFieldLookup {
        private RagFieldLookup() {
        }

        static JsonNode get(JsonNode obj, String key) {
            if (obj == null || !obj.isObject()) {
                return null;
            }
            JsonNode found = null;
            var it = obj.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getKey().equalsIgnoreCase(key) && !e.getValue().isNull()) {
                    found = e.getValue();
                }
            }
            return found;
        }
    }
}
