package trellis.engine.local;

import static trellis.engine.local.Yaml.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;

/**
 * The MCP server's config.yaml as the Control Plane generates it (orchestrator/swarm/mcp_config.go
 * GenerateMCPConfig): one database with every target node, the connect_as credentials, the pool and
 * write switch, the LLM, embedding and knowledge-base blocks only when enabled, and the tool toggles.
 */
final class McpConfigYaml {
    static final ObjectMapper YAML = Yaml.MAPPER;

    private McpConfigYaml() {
    }

    static String generate(JsonNode cfg, String database, List<PostgrestConf.Endpoint> hosts, String targetSessionAttrs,
                           String user, String password) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("http", map("enabled", true, "address", ":8080",
                "auth", map("enabled", true, "token_file", "/app/data/tokens.yaml", "user_file", "/app/data/users.yaml")));
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("name", database);
        List<Map<String, Object>> hs = new ArrayList<>();
        hosts.forEach(h -> hs.add(map("host", h.host(), "port", h.port())));
        db.put("hosts", hs);
        if (targetSessionAttrs != null && !targetSessionAttrs.isEmpty()) {
            db.put("target_session_attrs", targetSessionAttrs);
        }
        db.put("database", database);
        db.put("user", user);
        db.put("password", password == null ? "" : password);
        db.put("sslmode", "prefer");
        // a JSON boolean only, as the Control Plane's typed config and resolveTargetSessionAttrs read it
        db.put("allow_writes", cfg.path("allow_writes").isBoolean() && cfg.get("allow_writes").booleanValue());
        db.put("pool", Map.of("max_conns", cfg.path("pool_max_conns").isNumber() ? cfg.get("pool_max_conns").asInt() : 4));
        root.put("databases", List.of(db));
        if (cfg.path("llm_enabled").asBoolean(false)) {
            Map<String, Object> llm = map("enabled", true, "provider", cfg.path("llm_provider").asText(""),
                    "model", cfg.path("llm_model").asText(""));
            switch (cfg.path("llm_provider").asText("")) {
                case "anthropic" -> putText(llm, "anthropic_api_key", cfg, "anthropic_api_key");
                case "openai" -> putText(llm, "openai_api_key", cfg, "openai_api_key");
                case "ollama" -> putText(llm, "ollama_url", cfg, "ollama_url");
                default -> { }
            }
            llm.put("temperature", cfg.path("llm_temperature").isNumber() ? cfg.get("llm_temperature").asDouble() : 0.7);
            llm.put("max_tokens", cfg.path("llm_max_tokens").isNumber() ? cfg.get("llm_max_tokens").asInt() : 4096);
            root.put("llm", llm);
        }
        if (cfg.path("embedding_provider").isTextual()) {
            String provider = cfg.get("embedding_provider").asText();
            Map<String, Object> emb = map("enabled", true, "provider", provider, "model", cfg.path("embedding_model").asText(""));
            if (provider.equals("voyage")) {
                putText(emb, "voyage_api_key", cfg, "embedding_api_key");
            } else if (provider.equals("openai")) {
                putText(emb, "openai_api_key", cfg, "embedding_api_key");
            } else if (provider.equals("ollama")) {
                putText(emb, "ollama_url", cfg, "ollama_url");
            }
            root.put("embedding", emb);
        }
        if (cfg.path("kb_enabled").asBoolean(false)) {
            String path = cfg.path("kb_database_host_path").isTextual()
                    ? "/app/kb/" + Path.of(cfg.get("kb_database_host_path").asText()).getFileName() : "/app/kb/nla-kb.db";
            String provider = cfg.path("kb_embedding_provider").asText("");
            Map<String, Object> kb = map("enabled", true, "database_path", path, "embedding_provider", provider,
                    "embedding_model", cfg.path("kb_embedding_model").asText(""));
            putText(kb, provider.equals("voyage") ? "embedding_voyage_api_key" : "embedding_openai_api_key", cfg, "kb_embedding_api_key");
            root.put("knowledgebase", kb);
        }
        Map<String, Object> tools = new LinkedHashMap<>();
        for (String[] t : new String[][]{{"disable_query_database", "query_database"}, {"disable_get_schema_info", "get_schema_info"},
                {"disable_similarity_search", "similarity_search"}, {"disable_execute_explain", "execute_explain"},
                {"disable_generate_embedding", "generate_embedding"}, {"disable_search_knowledgebase", "search_knowledgebase"},
                {"disable_count_rows", "count_rows"}}) {
            if (cfg.path(t[0]).asBoolean(false)) {
                tools.put(t[1], false);
            }
        }
        // always off: the Control Plane owns the database connection
        tools.put("llm_connection_selection", false);
        root.put("builtins", Map.of("tools", tools));
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the MCP config: " + e.getOriginalMessage(), e);
        }
    }

    private static void putText(Map<String, Object> m, String key, JsonNode cfg, String from) {
        if (cfg.path(from).isTextual()) {
            m.put(key, cfg.get(from).asText());
        }
    }

}
