package trellis.spec.validation.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trellis.spec.Json;
import trellis.spec.validation.config.ServiceConfigRules.ConfigProblem;

/**
 * The config parsers of the Control Plane (server/internal/database/*_service_config.go), case
 * by case: a config, whether the service already exists, and the expected verdict.
 */
class ServiceConfigRulesTest {
    private static final String LLM = "\"llm_enabled\":true,\"llm_provider\":\"anthropic\",\"llm_model\":\"claude\",\"anthropic_api_key\":\"k\"";
    private static final String PIPE = "{\"name\":\"docs\",\"tables\":[{\"table\":\"t\",\"text_column\":\"body\",\"vector_column\":\"v\"}],"
            + "\"embedding_llm\":{\"provider\":\"openai\",\"model\":\"m\",\"api_key\":\"k\"},\"rag_llm\":{\"provider\":\"ollama\",\"model\":\"m\"}}";

    static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ConfigProblem> check(String type, String config, boolean existing) {
        return ServiceConfigRules.validate(type, config == null ? null : json(config), existing);
    }

    /** type, config, existing service, expected path (null = valid), message fragment. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // PostgREST
                Arguments.of("postgrestMinimal", "postgrest", "{\"db_anon_role\":\"web_anon\"}", false, null, null),
                Arguments.of("postgrestAnonRoleRequired", "postgrest", "{}", false, "db_anon_role", "db_anon_role is required"),
                Arguments.of("postgrestMissingConfigNeedsAnonRole", "postgrest", null, false, "db_anon_role", "required"),
                Arguments.of("postgrestAnonRoleNotEmpty", "postgrest", "{\"db_anon_role\":\"\"}", false, "db_anon_role", "must not be empty"),
                Arguments.of("postgrestAnonRoleString", "postgrest", "{\"db_anon_role\":7}", false, "db_anon_role", "must be a string"),
                Arguments.of("postgrestDbPoolRange", "postgrest", "{\"db_anon_role\":\"a\",\"db_pool\":31}", false, "db_pool", "between 1 and 30"),
                Arguments.of("postgrestDbPoolZero", "postgrest", "{\"db_anon_role\":\"a\",\"db_pool\":0}", false, "db_pool", "between 1 and 30"),
                Arguments.of("postgrestDbPoolInteger", "postgrest", "{\"db_anon_role\":\"a\",\"db_pool\":10.5}", false, "db_pool", "must be an integer"),
                Arguments.of("postgrestDbPoolWholeFloatIsAnInteger", "postgrest", "{\"db_anon_role\":\"a\",\"db_pool\":10.0}", false, null, null),
                Arguments.of("postgrestDbPoolString", "postgrest", "{\"db_anon_role\":\"a\",\"db_pool\":\"10\"}", false, "db_pool", "must be an integer"),
                Arguments.of("postgrestMaxRowsRange", "postgrest", "{\"db_anon_role\":\"a\",\"max_rows\":10001}", false, "max_rows", "between 1 and 10000"),
                Arguments.of("postgrestJwtSecretLength", "postgrest", "{\"db_anon_role\":\"a\",\"jwt_secret\":\"short\"}", false, "jwt_secret", "at least 32"),
                Arguments.of("postgrestJwtSecret32", "postgrest", "{\"db_anon_role\":\"a\",\"jwt_secret\":\"" + "s".repeat(32) + "\"}", false, null, null),
                Arguments.of("postgrestSchemasNotEmpty", "postgrest", "{\"db_anon_role\":\"a\",\"db_schemas\":\"\"}", false, "db_schemas", "must not be empty"),
                Arguments.of("postgrestUnknownKey", "postgrest", "{\"db_anon_role\":\"a\",\"db_uri\":\"x\"}", false, "db_uri", "unknown config key \"db_uri\""),
                Arguments.of("postgrestNullValueIsPresent", "postgrest", "{\"db_anon_role\":\"a\",\"jwt_aud\":null}", false, "jwt_aud", "must be a string"),
                Arguments.of("postgrestAllKeys", "postgrest", "{\"db_anon_role\":\"a\",\"db_schemas\":\"api\",\"db_pool\":30,\"max_rows\":1,"
                        + "\"jwt_aud\":\"x\",\"jwt_role_claim_key\":\".role\",\"server_cors_allowed_origins\":\"*\"}", false, null, null),
                // MCP
                Arguments.of("mcpEmptyIsFine", "mcp", "{}", false, null, null),
                Arguments.of("mcpLlm", "mcp", "{" + LLM + "}", false, null, null),
                Arguments.of("mcpLlmNeedsProvider", "mcp", "{\"llm_enabled\":true,\"llm_model\":\"m\"}", false, "llm_provider", "llm_provider is required"),
                Arguments.of("mcpLlmProviderEnum", "mcp", "{\"llm_enabled\":true,\"llm_provider\":\"gemini\",\"llm_model\":\"m\"}", false, "llm_provider", "one of"),
                Arguments.of("mcpProviderKeyRequired", "mcp", "{\"llm_enabled\":true,\"llm_provider\":\"openai\",\"llm_model\":\"m\"}", false, "openai_api_key", "required when llm_provider is \"openai\""),
                Arguments.of("mcpOllamaNeedsUrl", "mcp", "{\"llm_enabled\":true,\"llm_provider\":\"ollama\",\"llm_model\":\"m\"}", false, "ollama_url", "required"),
                Arguments.of("mcpLlmFieldsRefusedWhenDisabled", "mcp", "{\"llm_model\":\"m\"}", false, "llm_model", "must not be set unless llm_enabled is true"),
                Arguments.of("mcpLlmEnabledMustBeBoolean", "mcp", "{\"llm_enabled\":\"yes\"}", false, "llm_enabled", "must be a boolean"),
                Arguments.of("mcpTemperatureRange", "mcp", "{" + LLM + ",\"llm_temperature\":2.5}", false, "llm_temperature", "between 0.0 and 2.0"),
                Arguments.of("mcpMaxTokensPositive", "mcp", "{" + LLM + ",\"llm_max_tokens\":0}", false, "llm_max_tokens", "positive"),
                Arguments.of("mcpPoolMaxConnsPositive", "mcp", "{\"pool_max_conns\":-1}", false, "pool_max_conns", "positive"),
                Arguments.of("mcpInitTokenOnCreate", "mcp", "{\"init_token\":\"t\",\"init_users\":[{\"username\":\"u\",\"password\":\"p\"}]}", false, null, null),
                Arguments.of("mcpInitTokenRefusedOnExistingService", "mcp", "{\"init_token\":\"t\"}", true, "init_token", "only be set during initial provisioning"),
                Arguments.of("mcpInitUsersRefusedOnExistingService", "mcp", "{\"init_users\":[{\"username\":\"u\",\"password\":\"p\"}]}", true, "init_users", "initial provisioning"),
                Arguments.of("mcpInitUsersNotEmpty", "mcp", "{\"init_users\":[]}", false, "init_users", "at least one"),
                Arguments.of("mcpInitUsersNeedPassword", "mcp", "{\"init_users\":[{\"username\":\"u\"}]}", false, "init_users[0].password", "required"),
                Arguments.of("mcpInitUsersUnique", "mcp", "{\"init_users\":[{\"username\":\"u\",\"password\":\"p\"},{\"username\":\"u\",\"password\":\"q\"}]}", false, "init_users[1].username", "duplicate"),
                Arguments.of("mcpKbNeedsProvider", "mcp", "{\"kb_enabled\":true,\"kb_embedding_model\":\"m\"}", false, "kb_embedding_provider", "required"),
                Arguments.of("mcpKbOllamaNotYet", "mcp", "{\"kb_enabled\":true,\"kb_embedding_provider\":\"ollama\",\"kb_embedding_model\":\"m\"}", false, "kb_embedding_provider", "not yet supported"),
                Arguments.of("mcpKbFieldsRefusedWhenDisabled", "mcp", "{\"kb_embedding_model\":\"m\"}", false, "kb_embedding_model", "unless kb_enabled"),
                Arguments.of("mcpKbPathAbsolute", "mcp", "{\"kb_enabled\":true,\"kb_embedding_provider\":\"openai\",\"kb_embedding_api_key\":\"k\",\"kb_embedding_model\":\"m\",\"kb_database_host_path\":\"data/kb\"}", false, "kb_database_host_path", "absolute"),
                Arguments.of("mcpKbPathClean", "mcp", "{\"kb_enabled\":true,\"kb_embedding_provider\":\"openai\",\"kb_embedding_api_key\":\"k\",\"kb_embedding_model\":\"m\",\"kb_database_host_path\":\"/data/../kb\"}", false, "kb_database_host_path", "clean"),
                Arguments.of("mcpKbAndDisabledSearchConflict", "mcp", "{\"kb_enabled\":true,\"kb_embedding_provider\":\"voyage\",\"kb_embedding_api_key\":\"k\",\"kb_embedding_model\":\"m\",\"disable_search_knowledgebase\":true}", false, "disable_search_knowledgebase", "cannot both be true"),
                Arguments.of("mcpEmbeddingNeedsModel", "mcp", "{\"embedding_provider\":\"voyage\",\"embedding_api_key\":\"k\"}", false, "embedding_model", "required"),
                Arguments.of("mcpEmbeddingModelNeedsProvider", "mcp", "{\"embedding_model\":\"m\"}", false, "embedding_model", "without embedding_provider"),
                Arguments.of("mcpEmbeddingOllamaNeedsUrl", "mcp", "{\"embedding_provider\":\"ollama\",\"embedding_model\":\"m\"}", false, "ollama_url", "required"),
                Arguments.of("mcpEmbeddingOllamaUrlAllowedWithoutLlm", "mcp", "{\"embedding_provider\":\"ollama\",\"embedding_model\":\"m\",\"ollama_url\":\"http://o:11434\"}", false, null, null),
                Arguments.of("mcpUnknownKey", "mcp", "{\"llm_enabled\":false,\"colour\":\"red\"}", false, "colour", "unknown config key"),
                Arguments.of("mcpDisableSwitchBoolean", "mcp", "{\"disable_count_rows\":1}", false, "disable_count_rows", "boolean"),
                // RAG
                Arguments.of("ragPipeline", "rag", "{\"pipelines\":[" + PIPE + "]}", false, null, null),
                Arguments.of("ragPipelinesRequired", "rag", "{}", false, "pipelines", "at least one pipeline"),
                Arguments.of("ragMissingConfig", "rag", null, false, "pipelines", "at least one pipeline"),
                Arguments.of("ragUnknownTopLevelKey", "rag", "{\"pipelines\":[" + PIPE + "],\"cache\":true}", false, "cache", "unknown config key(s): \"cache\""),
                Arguments.of("ragUnknownKeyAtAnyDepth", "rag", "{\"pipelines\":[" + PIPE.replace("\"model\":\"m\",\"api_key\"", "\"model\":\"m\",\"temperature\":1,\"api_key\"") + "]}", false, "pipelines[0].embedding_llm.temperature", "unknown field"),
                Arguments.of("ragNamePattern", "rag", "{\"pipelines\":[" + PIPE.replace("\"docs\"", "\"-docs\"") + "]}", false, "pipelines[0].name", "must match"),
                Arguments.of("ragNameUnique", "rag", "{\"pipelines\":[" + PIPE + "," + PIPE + "]}", false, "pipelines[1].name", "duplicate name"),
                Arguments.of("ragTablesRequired", "rag", "{\"pipelines\":[" + PIPE.replaceAll("\"tables\":\\[.*?\\],", "") + "]}", false, "pipelines[0].tables", "at least one table"),
                Arguments.of("ragTableColumnsRequired", "rag", "{\"pipelines\":[" + PIPE.replace("\"text_column\":\"body\",", "") + "]}", false, "pipelines[0].tables[0].text_column", "required"),
                Arguments.of("ragApiKeyForHostedProviders", "rag", "{\"pipelines\":[" + PIPE.replace(",\"api_key\":\"k\"", "") + "]}", false, "pipelines[0].embedding_llm.api_key", "required when provider is \"openai\""),
                Arguments.of("ragRagLlmProviderEnum", "rag", "{\"pipelines\":[" + PIPE.replace("\"rag_llm\":{\"provider\":\"ollama\"", "\"rag_llm\":{\"provider\":\"voyage\"") + "]}", false, "pipelines[0].rag_llm.provider", "one of"),
                Arguments.of("ragTopNPositive", "rag", "{\"pipelines\":[" + PIPE.replace("{\"name\"", "{\"top_n\":0,\"name\"") + "]}", false, "pipelines[0].top_n", "positive"),
                Arguments.of("ragTokenBudgetInteger", "rag", "{\"pipelines\":[" + PIPE.replace("{\"name\"", "{\"token_budget\":10.5,\"name\"") + "]}", false, "pipelines[0].token_budget", "unmarshal"),
                Arguments.of("ragVectorWeightRange", "rag", "{\"pipelines\":[" + PIPE.replace("{\"name\"", "{\"search\":{\"vector_weight\":1.5},\"name\"") + "]}", false, "pipelines[0].search.vector_weight", "between 0.0 and 1.0"),
                Arguments.of("ragDefaultsPositive", "rag", "{\"pipelines\":[" + PIPE + "],\"defaults\":{\"top_n\":-2}}", false, "defaults.top_n", "positive"),
                Arguments.of("ragWrongTypeIsADecodeError", "rag", "{\"pipelines\":{}}", false, "pipelines", "cannot unmarshal"),
                Arguments.of("ragKeysMatchCaseInsensitively", "rag", "{\"pipelines\":[" + PIPE.replace("\"name\"", "\"Name\"") + "]}", false, null, null),
                Arguments.of("ragNullLeavesAFieldUnset", "rag", "{\"pipelines\":[" + PIPE.replace("{\"name\"", "{\"top_n\":null,\"name\"") + "]}", false, null, null),
                Arguments.of("configMustBeAnObject", "postgrest", "[]", false, "", "object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(String rule, String type, String config, boolean existing, String path, String fragment) {
        List<ConfigProblem> problems = check(type, config, existing);
        if (path == null) {
            assertThat(problems).as(rule).isEmpty();
        } else {
            assertThat(problems).as(rule).isNotEmpty().anySatisfy(p -> {
                assertThat(p.path()).isEqualTo(path);
                assertThat(p.message()).contains(fragment);
            });
        }
    }

    @Test
    void hostileInputNeverThrows() {
        String big = "x".repeat(1_000_000);
        for (String type : List.of("postgrest", "mcp", "rag", "other")) {
            for (String cfg : List.of("null", "[]", "\"s\"", "7", "{\"pipelines\":[null,1,\"a\",[]]}", "{\"db_pool\":1e400}",
                    "{\"init_users\":[null]}", "{\"" + big + "\":1}", "{\"db_anon_role\":\"" + big + "\"}")) {
                ServiceConfigRules.validate(type, json(cfg), false);
            }
        }
        StringBuilder deep = new StringBuilder("{\"pipelines\":");
        deep.append("[".repeat(150)).append("]".repeat(150)).append('}');
        assertThat(ServiceConfigRules.validate("rag", json(deep.toString()), false)).isNotEmpty();
    }

    @Test
    void otherTypesHaveNoConfigRules() {
        assertThat(check("grafana", "{\"x\":1}", false)).isEmpty();
    }
}
