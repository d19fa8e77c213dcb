package trellis.spec.validation.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import trellis.spec.validation.config.ServiceConfigRules.ConfigProblem;

/** mcp_service_config.go ParseMCPServiceConfig. */
final class McpConfig {
    static final Set<String> KNOWN = Set.of("llm_enabled", "llm_provider", "llm_model", "anthropic_api_key",
            "openai_api_key", "ollama_url", "allow_writes", "init_token", "init_users", "embedding_provider",
            "embedding_model", "embedding_api_key", "llm_temperature", "llm_max_tokens", "pool_max_conns",
            "disable_query_database", "disable_get_schema_info", "disable_similarity_search", "disable_execute_explain",
            "disable_generate_embedding", "disable_search_knowledgebase", "disable_count_rows", "kb_enabled",
            "kb_embedding_provider", "kb_embedding_model", "kb_embedding_api_key", "kb_database_host_path");
    private static final List<String> LLM_PROVIDERS = List.of("anthropic", "openai", "ollama");
    private static final List<String> EMBEDDING_PROVIDERS = List.of("voyage", "openai", "ollama");
    private static final List<String> KB_EMBEDDING_PROVIDERS = List.of("voyage", "openai");

    private McpConfig() {
    }

    static List<ConfigProblem> validate(ConfigMap c, boolean isUpdate) {
        ServiceConfigRules.Problems p = new ServiceConfigRules.Problems();
        List<String> unknown = c.unknown(KNOWN);
        if (!unknown.isEmpty()) {
            p.add(unknown.size() == 1 ? unknown.get(0) : "", ConfigMap.unknownKeysMessage(unknown));
        }
        if (isUpdate) {
            for (String key : List.of("init_token", "init_users")) {
                if (c.has(key)) {
                    p.add(key, key + " can only be set during initial provisioning; remove it from this existing service");
                }
            }
        }
        Boolean llmEnabled = bool(c, p, "llm_enabled");
        boolean isLlm = Boolean.TRUE.equals(llmEnabled);
        String embeddingProvider = string(c, p, "embedding_provider");
        String embeddingModel = string(c, p, "embedding_model");
        String embeddingApiKey = string(c, p, "embedding_api_key");
        String ollamaUrl = null;

        if (isLlm) {
            String provider = require(c, p, "llm_provider", "llm_provider is required");
            require(c, p, "llm_model", "llm_model is required");
            if (provider != null && !LLM_PROVIDERS.contains(provider)) {
                p.add("llm_provider", "llm_provider must be one of: anthropic, openai, ollama");
            }
            if (provider != null && LLM_PROVIDERS.contains(provider)) {
                String key = switch (provider) {
                    case "anthropic" -> "anthropic_api_key";
                    case "openai" -> "openai_api_key";
                    default -> "ollama_url";
                };
                String v = require(c, p, key, key + " is required when llm_provider is \"" + provider + "\"");
                if (key.equals("ollama_url")) {
                    ollamaUrl = v;
                }
            }
            var temp = c.optionalFloat("llm_temperature");
            if (temp.error() != null) {
                p.add("llm_temperature", temp.error());
            }
            var max = c.optionalInt("llm_max_tokens");
            if (max.error() != null) {
                p.add("llm_max_tokens", max.error());
            }
            if (temp.value() != null && (temp.value() < 0.0 || temp.value() > 2.0)) {
                p.add("llm_temperature", "llm_temperature must be between 0.0 and 2.0");
            }
            if (max.value() != null && max.value() <= 0) {
                p.add("llm_max_tokens", "llm_max_tokens must be a positive integer");
            }
        } else {
            for (String key : List.of("llm_provider", "llm_model", "anthropic_api_key", "openai_api_key", "llm_temperature", "llm_max_tokens")) {
                if (c.has(key)) {
                    p.add(key, key + " must not be set unless llm_enabled is true");
                }
            }
            if (c.has("ollama_url")) {
                if (!"ollama".equals(embeddingProvider)) {
                    p.add("ollama_url", "ollama_url must not be set unless llm_enabled is true");
                } else {
                    ollamaUrl = string(c, p, "ollama_url");
                }
            }
        }

        Boolean kbEnabled = bool(c, p, "kb_enabled");
        boolean isKb = Boolean.TRUE.equals(kbEnabled);
        String kbProvider = string(c, p, "kb_embedding_provider");
        String kbModel = string(c, p, "kb_embedding_model");
        String kbApiKey = string(c, p, "kb_embedding_api_key");
        String kbPath = string(c, p, "kb_database_host_path");

        bool(c, p, "allow_writes");
        string(c, p, "init_token");
        initUsers(c, p);
        var pool = c.optionalInt("pool_max_conns");
        if (pool.error() != null) {
            p.add("pool_max_conns", pool.error());
        }
        Boolean disableSearchKb = null;
        for (String key : List.of("disable_query_database", "disable_get_schema_info", "disable_similarity_search",
                "disable_execute_explain", "disable_generate_embedding", "disable_search_knowledgebase", "disable_count_rows")) {
            Boolean b = bool(c, p, key);
            if (key.equals("disable_search_knowledgebase")) {
                disableSearchKb = b;
            }
        }

        if (isKb) {
            if (Boolean.TRUE.equals(disableSearchKb)) {
                p.add("disable_search_knowledgebase", "kb_enabled and disable_search_knowledgebase cannot both be true: "
                        + "the search_knowledgebase tool would never register");
            }
            if (kbProvider == null) {
                p.add("kb_embedding_provider", "kb_embedding_provider is required when kb_enabled is true");
            } else if (kbProvider.toLowerCase(Locale.ROOT).equals("ollama")) {
                p.add("kb_embedding_provider", "kb_embedding_provider \"ollama\" is not yet supported; use \"voyage\" or \"openai\"");
            } else if (!KB_EMBEDDING_PROVIDERS.contains(kbProvider)) {
                p.add("kb_embedding_provider", "kb_embedding_provider must be one of: voyage, openai");
            } else if (kbApiKey == null) {
                p.add("kb_embedding_api_key", "kb_embedding_api_key is required when kb_embedding_provider is \"" + kbProvider + "\"");
            }
            if (kbModel == null) {
                p.add("kb_embedding_model", "kb_embedding_model is required when kb_enabled is true");
            }
            if (kbPath != null) {
                if (!kbPath.startsWith("/")) {
                    p.add("kb_database_host_path", "kb_database_host_path must be an absolute path");
                } else if (!cleanPath(kbPath).equals(kbPath)) {
                    p.add("kb_database_host_path", "kb_database_host_path must be a clean absolute path (no .. or redundant separators)");
                }
            }
        } else {
            for (String key : List.of("kb_embedding_provider", "kb_embedding_model", "kb_embedding_api_key", "kb_database_host_path")) {
                if (c.has(key)) {
                    p.add(key, key + " must not be set unless kb_enabled is true");
                }
            }
        }
        if (pool.value() != null && pool.value() <= 0) {
            p.add("pool_max_conns", "pool_max_conns must be a positive integer");
        }
        if (embeddingProvider == null) {
            if (embeddingModel != null) {
                p.add("embedding_model", "embedding_model must not be set without embedding_provider");
            }
            if (embeddingApiKey != null) {
                p.add("embedding_api_key", "embedding_api_key must not be set without embedding_provider");
            }
        } else if (!EMBEDDING_PROVIDERS.contains(embeddingProvider)) {
            p.add("embedding_provider", "embedding_provider must be one of: voyage, openai, ollama");
        } else {
            if (embeddingModel == null) {
                p.add("embedding_model", "embedding_model is required when embedding_provider is set");
            }
            if ((embeddingProvider.equals("voyage") || embeddingProvider.equals("openai")) && embeddingApiKey == null) {
                p.add("embedding_api_key", "embedding_api_key is required when embedding_provider is \"" + embeddingProvider + "\"");
            }
            if (embeddingProvider.equals("ollama") && ollamaUrl == null) {
                p.add("ollama_url", "ollama_url is required when embedding_provider is \"ollama\"");
            }
        }
        return p.list;
    }

    private static Boolean bool(ConfigMap c, ServiceConfigRules.Problems p, String key) {
        var r = c.optionalBool(key);
        if (r.error() != null) {
            p.add(key, r.error());
        }
        return r.value();
    }

    private static String string(ConfigMap c, ServiceConfigRules.Problems p, String key) {
        var r = c.optionalString(key);
        if (r.error() != null) {
            p.add(key, r.error());
        }
        return r.value();
    }

    private static String require(ConfigMap c, ServiceConfigRules.Problems p, String key, String missing) {
        var r = c.requireString(key, missing);
        if (r.error() != null) {
            p.add(key, r.error());
        }
        return r.value();
    }

    /** parseInitUsers. */
    private static void initUsers(ConfigMap c, ServiceConfigRules.Problems p) {
        if (!c.has("init_users")) {
            return;
        }
        JsonNode arr = c.get("init_users");
        if (!arr.isArray()) {
            p.add("init_users", "init_users must be an array");
            return;
        }
        if (arr.isEmpty()) {
            p.add("init_users", "init_users must contain at least one entry");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode m = arr.get(i);
            String at = "init_users[" + i + "]";
            if (!m.isObject()) {
                p.add(at, at + " must be an object");
                continue;
            }
            String user = null;
            String pass = null;
            if (!m.has("username")) {
                p.add(at + ".username", at + ".username is required");
            }
            if (!m.has("password")) {
                p.add(at + ".password", at + ".password is required");
            }
            if (m.has("username")) {
                if (!m.get("username").isTextual()) {
                    p.add(at + ".username", at + ".username must be a string");
                } else if (m.get("username").asText().isEmpty()) {
                    p.add(at + ".username", at + ".username must not be empty");
                } else {
                    user = GoJson.goString(m.get("username").asText());
                }
            }
            if (m.has("password")) {
                if (!m.get("password").isTextual()) {
                    p.add(at + ".password", at + ".password must be a string");
                } else if (m.get("password").asText().isEmpty()) {
                    p.add(at + ".password", at + ".password must not be empty");
                } else {
                    pass = m.get("password").asText();
                }
            }
            if (user != null && !seen.add(user)) {
                p.add(at + ".username", "init_users contains duplicate username \"" + user + "\"");
            }
        }
    }

    /** Go's filepath.Clean for an absolute Unix path. */
    static String cleanPath(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
