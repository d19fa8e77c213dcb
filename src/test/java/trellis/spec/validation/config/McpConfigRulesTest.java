package trellis.spec.validation.config;

import static trellis.spec.validation.config.ConfigCase.invalid;
import static trellis.spec.validation.config.ConfigCase.valid;
import static trellis.spec.validation.config.ConfigCase.with;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ParseMCPServiceConfig (mcp_service_config.go), the cases of its TestParseMCPServiceConfig
 * (json.Number cases become JSON numbers: the Control Plane decodes float64), then JSON's own.
 */
class McpConfigRulesTest {
    private static final String T = "mcp";
    private static final String ANTHROPIC = "{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-3-5-sonnet-20241022','anthropic_api_key':'sk-ant-key'}";
    private static final String OPENAI = "{'llm_enabled':true,'llm_provider':'openai','llm_model':'gpt-4o','openai_api_key':'sk-openai-key'}";
    private static final String OLLAMA = "{'llm_enabled':true,'llm_provider':'ollama','llm_model':'llama3.2','ollama_url':'http://localhost:11434'}";
    private static final String KB = "{'kb_enabled':true,'kb_embedding_provider':'voyage','kb_embedding_model':'voyage-3-lite','kb_embedding_api_key':'voy-key'}";
    private static final String USER = "{'username':'alice','password':'secret'}";

    static ConfigCase ok(String name, String config) {
        return valid(T, name, config);
    }

    static ConfigCase bad(String name, String config, String path, String fragment) {
        return invalid(T, name, config, path, fragment);
    }

    static Stream<ConfigCase> validConfigs() {
        return Stream.of(
                ok("minimal anthropic config", ANTHROPIC),
                ok("minimal openai config", OPENAI),
                ok("minimal ollama config", OLLAMA),
                ok("minimal no-LLM config", "{}"),
                ok("no config at all", null),
                ok("config null", "null"),
                ok("explicit llm_enabled false", "{'llm_enabled':false}"),
                ok("all optional fields populated", with(ANTHROPIC, "{'allow_writes':true,'init_token':'my-init-token','init_users':[" + USER + "],"
                        + "'embedding_provider':'voyage','embedding_model':'voyage-3','embedding_api_key':'voy-key','llm_temperature':0.7,"
                        + "'llm_max_tokens':2048,'pool_max_conns':10,'disable_query_database':true,'disable_get_schema_info':false,"
                        + "'disable_similarity_search':true,'disable_execute_explain':false,'disable_generate_embedding':true,"
                        + "'disable_search_knowledgebase':false,'disable_count_rows':true}")),
                ok("all disable fields true", with(ANTHROPIC, "{'disable_query_database':true,'disable_get_schema_info':true,"
                        + "'disable_similarity_search':true,'disable_execute_explain':true,'disable_generate_embedding':true,"
                        + "'disable_search_knowledgebase':true,'disable_count_rows':true}")),
                ok("llm_temperature boundary 0.0", with(ANTHROPIC, "{'llm_temperature':0.0}")),
                ok("llm_temperature boundary 2.0", with(ANTHROPIC, "{'llm_temperature':2}")),
                ok("llm_temperature -0.0 is not below zero", with(ANTHROPIC, "{'llm_temperature':-0.0}")),
                ok("llm_temperature as a number", with(ANTHROPIC, "{'llm_temperature':1.5}")),
                ok("llm_max_tokens 4096", with(ANTHROPIC, "{'llm_max_tokens':4096}")),
                ok("llm_max_tokens 4096.0 is a whole float64", with(ANTHROPIC, "{'llm_max_tokens':4096.0}")),
                ok("pool_max_conns 20", with(ANTHROPIC, "{'pool_max_conns':20}")),
                ok("valid voyage embedding", with(ANTHROPIC, "{'embedding_provider':'voyage','embedding_model':'voyage-3','embedding_api_key':'voy-key'}")),
                ok("valid openai embedding", with(ANTHROPIC, "{'embedding_provider':'openai','embedding_model':'text-embedding-3-small','embedding_api_key':'sk'}")),
                ok("ollama embedding, ollama_url from the LLM", with(OLLAMA, "{'embedding_provider':'ollama','embedding_model':'nomic-embed-text'}")),
                ok("ollama embedding without LLM, ollama_url explicit",
                        "{'embedding_provider':'ollama','embedding_model':'nomic-embed-text','ollama_url':'http://localhost:11434'}"),
                ok("init_token valid string", with(ANTHROPIC, "{'init_token':'my-secret-token'}")),
                ok("init_users multiple users", with(ANTHROPIC, "{'init_users':[{'username':'alice','password':'pass1'},{'username':'bob','password':'pass2'}]}")),
                ok("kb voyage", KB),
                ok("kb openai", "{'kb_enabled':true,'kb_embedding_provider':'openai','kb_embedding_model':'text-embedding-3-small','kb_embedding_api_key':'sk'}"),
                ok("kb_database_host_path override", with(KB, "{'kb_database_host_path':'/data/custom/my-kb.db'}")),
                ok("kb_database_host_path root", with(KB, "{'kb_database_host_path':'/'}")),
                ok("kb_enabled false with no KB fields", "{'kb_enabled':false}"),
                ok("disable_search_knowledgebase without kb_enabled", "{'disable_search_knowledgebase':true}"),
                ok("kb disabled search false", with(KB, "{'disable_search_knowledgebase':false}")),
                ok("valid update without bootstrap fields", ANTHROPIC).onExistingService(),
                ok("disable LLM on update", "{'llm_enabled':false}").onExistingService(),
                ok("allow_writes false", "{'allow_writes':false}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validConfigs")
    void mcpValidConfigs(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> llmRequired() {
        return Stream.of(
                bad("missing llm_provider", "{'llm_enabled':true,'llm_model':'claude','anthropic_api_key':'k'}", "llm_provider", "llm_provider is required"),
                bad("missing llm_model", "{'llm_enabled':true,'llm_provider':'anthropic','anthropic_api_key':'k'}", "llm_model", "llm_model is required"),
                bad("empty llm_provider", with(ANTHROPIC, "{'llm_provider':''}"), "llm_provider", "llm_provider must not be empty"),
                bad("empty llm_model", with(ANTHROPIC, "{'llm_model':''}"), "llm_model", "llm_model must not be empty"),
                bad("llm_enabled with nothing else: provider", "{'llm_enabled':true}", "llm_provider", "llm_provider is required").problems(2),
                bad("llm_enabled with nothing else: model", "{'llm_enabled':true}", "llm_model", "llm_model is required"),
                bad("null llm_provider is present, not a string", with(ANTHROPIC, "{'llm_provider':null}"), "llm_provider", "llm_provider must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("llmRequired")
    void mcpLlmProviderAndModelRequiredWhenEnabled(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> providerKeys() {
        return Stream.of(
                bad("anthropic without anthropic_api_key", "{'llm_enabled':true,'llm_provider':'anthropic','llm_model':'m'}",
                        "anthropic_api_key", "anthropic_api_key is required when llm_provider is \"anthropic\""),
                bad("anthropic with empty anthropic_api_key", with(ANTHROPIC, "{'anthropic_api_key':''}"), "anthropic_api_key", "anthropic_api_key must not be empty"),
                bad("openai without openai_api_key", "{'llm_enabled':true,'llm_provider':'openai','llm_model':'gpt-4o'}",
                        "openai_api_key", "openai_api_key is required when llm_provider is \"openai\""),
                bad("openai with empty openai_api_key", with(OPENAI, "{'openai_api_key':''}"), "openai_api_key", "openai_api_key must not be empty"),
                bad("ollama without ollama_url", "{'llm_enabled':true,'llm_provider':'ollama','llm_model':'llama3.2'}",
                        "ollama_url", "ollama_url is required when llm_provider is \"ollama\""),
                bad("ollama with empty ollama_url", with(OLLAMA, "{'ollama_url':''}"), "ollama_url", "ollama_url must not be empty"),
                bad("anthropic_api_key wrong type", with(ANTHROPIC, "{'anthropic_api_key':12345}"), "anthropic_api_key", "anthropic_api_key must be a string"),
                ok("another provider's key is not checked", with(ANTHROPIC, "{'openai_api_key':7}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerKeys")
    void mcpLlmProviderNeedsItsKey(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> providerEnum() {
        return Stream.of(
                bad("unknown llm_provider", "{'llm_enabled':true,'llm_provider':'bedrock','llm_model':'some-model'}",
                        "llm_provider", "llm_provider must be one of: anthropic, openai, ollama").problems(1),
                bad("provider names are case-sensitive", with(ANTHROPIC, "{'llm_provider':'Anthropic'}"), "llm_provider", "must be one of"),
                bad("llm_provider wrong type", "{'llm_enabled':true,'llm_provider':42,'llm_model':'some-model'}", "llm_provider", "llm_provider must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerEnum")
    void mcpLlmProviderEnum(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> typeErrors() {
        return Stream.of(
                bad("llm_model wrong type", with(ANTHROPIC, "{'llm_model':true}"), "llm_model", "llm_model must be a string"),
                bad("allow_writes wrong type", with(ANTHROPIC, "{'allow_writes':'yes'}"), "allow_writes", "allow_writes must be a boolean"),
                bad("llm_temperature wrong type", with(ANTHROPIC, "{'llm_temperature':'warm'}"), "llm_temperature", "llm_temperature must be a number"),
                bad("llm_temperature numeric string", with(ANTHROPIC, "{'llm_temperature':'0.5'}"), "llm_temperature", "llm_temperature must be a number"),
                bad("llm_max_tokens wrong type", with(ANTHROPIC, "{'llm_max_tokens':'lots'}"), "llm_max_tokens", "llm_max_tokens must be an integer"),
                bad("llm_max_tokens non-integer float", with(ANTHROPIC, "{'llm_max_tokens':10.5}"), "llm_max_tokens", "llm_max_tokens must be an integer"),
                bad("pool_max_conns wrong type", with(ANTHROPIC, "{'pool_max_conns':false}"), "pool_max_conns", "pool_max_conns must be an integer"),
                bad("pool_max_conns fraction", "{'pool_max_conns':2.5}", "pool_max_conns", "pool_max_conns must be an integer"),
                bad("init_token wrong type", with(ANTHROPIC, "{'init_token':9999}"), "init_token", "init_token must be a string"),
                bad("init_token empty", "{'init_token':''}", "init_token", "init_token must not be empty"),
                bad("llm_enabled wrong type", "{'llm_enabled':'yes'}", "llm_enabled", "llm_enabled must be a boolean"),
                bad("llm_enabled null", "{'llm_enabled':null}", "llm_enabled", "llm_enabled must be a boolean"),
                bad("llm_enabled 1 is not a boolean", "{'llm_enabled':1}", "llm_enabled", "llm_enabled must be a boolean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeErrors")
    void mcpTypedValues(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> toggles() {
        return Stream.of(
                bad("disable_count_rows number", "{'disable_count_rows':1}", "disable_count_rows", "disable_count_rows must be a boolean"),
                bad("disable_query_database string", "{'disable_query_database':'true'}", "disable_query_database", "must be a boolean"),
                bad("disable_get_schema_info null", "{'disable_get_schema_info':null}", "disable_get_schema_info", "must be a boolean"),
                bad("disable_similarity_search", "{'disable_similarity_search':[]}", "disable_similarity_search", "must be a boolean"),
                bad("disable_execute_explain", "{'disable_execute_explain':{}}", "disable_execute_explain", "must be a boolean"),
                bad("disable_generate_embedding", "{'disable_generate_embedding':0}", "disable_generate_embedding", "must be a boolean"),
                bad("disable_search_knowledgebase", "{'disable_search_knowledgebase':'no'}", "disable_search_knowledgebase", "must be a boolean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toggles")
    void mcpDisableSwitchesAreBooleans(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> unknownKeys() {
        return Stream.of(
                bad("single unknown key", with(ANTHROPIC, "{'mystery_field':'value'}"), "mystery_field", "unknown config key \"mystery_field\""),
                bad("multiple unknown keys", with(ANTHROPIC, "{'zzz_unknown':'y','aaa_unknown':'x'}"), "",
                        "unknown config keys: \"aaa_unknown\", \"zzz_unknown\""),
                bad("unknown key plus missing required fields", "{'llm_enabled':true,'llm_provider':'anthropic','mystery_field':'oops'}",
                        "mystery_field", "mystery_field").problems(3),
                bad("a PostgREST key", "{'db_anon_role':'web_anon'}", "db_anon_role", "unknown config key \"db_anon_role\""),
                bad("case matters", "{'LLM_ENABLED':true}", "LLM_ENABLED", "unknown config key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownKeys")
    void mcpUnknownKeysRefused(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> tuning() {
        return Stream.of(
                bad("llm_temperature below zero", with(ANTHROPIC, "{'llm_temperature':-0.1}"), "llm_temperature", "llm_temperature must be between 0.0 and 2.0"),
                bad("llm_temperature above 2.0", with(ANTHROPIC, "{'llm_temperature':2.1}"), "llm_temperature", "llm_temperature must be between 0.0 and 2.0"),
                bad("llm_temperature just above 2.0", with(ANTHROPIC, "{'llm_temperature':2.0000000000000004}"), "llm_temperature", "between 0.0 and 2.0"),
                bad("llm_max_tokens zero", with(ANTHROPIC, "{'llm_max_tokens':0}"), "llm_max_tokens", "llm_max_tokens must be a positive integer"),
                bad("llm_max_tokens negative", with(ANTHROPIC, "{'llm_max_tokens':-100}"), "llm_max_tokens", "llm_max_tokens must be a positive integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tuning")
    void mcpLlmTuningRanges(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> pool() {
        return Stream.of(
                bad("pool_max_conns zero", with(ANTHROPIC, "{'pool_max_conns':0}"), "pool_max_conns", "pool_max_conns must be a positive integer"),
                bad("pool_max_conns negative", with(ANTHROPIC, "{'pool_max_conns':-5}"), "pool_max_conns", "pool_max_conns must be a positive integer"),
                bad("pool_max_conns -0.0", "{'pool_max_conns':-0.0}", "pool_max_conns", "positive integer"),
                ok("pool_max_conns 1", "{'pool_max_conns':1}"),
                ok("pool_max_conns without LLM", "{'pool_max_conns':1e3}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pool")
    void mcpPoolMaxConnsPositive(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> embedding() {
        return Stream.of(
                bad("ollama embedding without ollama_url", "{'embedding_provider':'ollama','embedding_model':'nomic-embed-text'}",
                        "ollama_url", "ollama_url is required when embedding_provider is \"ollama\""),
                bad("embedding_provider without embedding_model", with(ANTHROPIC, "{'embedding_provider':'voyage','embedding_api_key':'voy-key'}"),
                        "embedding_model", "embedding_model is required when embedding_provider is set"),
                bad("voyage without embedding_api_key", with(ANTHROPIC, "{'embedding_provider':'voyage','embedding_model':'voyage-3'}"),
                        "embedding_api_key", "embedding_api_key is required when embedding_provider is \"voyage\""),
                bad("openai embedding without embedding_api_key", with(ANTHROPIC, "{'embedding_provider':'openai','embedding_model':'t'}"),
                        "embedding_api_key", "embedding_api_key is required when embedding_provider is \"openai\""),
                bad("unknown embedding_provider", with(ANTHROPIC, "{'embedding_provider':'bedrock','embedding_model':'some-model'}"),
                        "embedding_provider", "embedding_provider must be one of: voyage, openai, ollama"),
                bad("anthropic is no embedding provider", "{'embedding_provider':'anthropic','embedding_model':'m','embedding_api_key':'k'}",
                        "embedding_provider", "must be one of"),
                bad("embedding_model without embedding_provider", with(ANTHROPIC, "{'embedding_model':'voyage-3'}"),
                        "embedding_model", "embedding_model must not be set without embedding_provider"),
                bad("embedding_api_key without embedding_provider", with(ANTHROPIC, "{'embedding_api_key':'voy-key'}"),
                        "embedding_api_key", "embedding_api_key must not be set without embedding_provider"),
                bad("embedding_provider wrong type", "{'embedding_provider':1}", "embedding_provider", "embedding_provider must be a string"),
                bad("ollama_url wrong type with ollama embedding", "{'embedding_provider':'ollama','embedding_model':'m','ollama_url':5}",
                        "ollama_url", "ollama_url must be a string"),
                bad("ollama_url wrong type with ollama embedding: then it is missing", "{'embedding_provider':'ollama','embedding_model':'m','ollama_url':5}",
                        "ollama_url", "ollama_url is required when embedding_provider is \"ollama\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("embedding")
    void mcpEmbeddingProviderNeedsModelAndCredentials(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> initUsers() {
        return Stream.of(
                ok("valid single user", with(ANTHROPIC, "{'init_users':[{'username':'alice','password':'hunter2'}]}")),
                bad("missing username", with(ANTHROPIC, "{'init_users':[{'password':'secret'}]}"), "init_users[0].username", "init_users[0].username is required"),
                bad("missing password", with(ANTHROPIC, "{'init_users':[{'username':'alice'}]}"), "init_users[0].password", "init_users[0].password is required"),
                bad("empty username", with(ANTHROPIC, "{'init_users':[{'username':'','password':'secret'}]}"), "init_users[0].username", "init_users[0].username must not be empty"),
                bad("empty password", with(ANTHROPIC, "{'init_users':[{'username':'alice','password':''}]}"), "init_users[0].password", "init_users[0].password must not be empty"),
                bad("duplicate usernames", with(ANTHROPIC, "{'init_users':[{'username':'alice','password':'pass1'},{'username':'alice','password':'pass2'}]}"),
                        "init_users[1].username", "init_users contains duplicate username \"alice\""),
                bad("empty array rejected", with(ANTHROPIC, "{'init_users':[]}"), "init_users", "init_users must contain at least one entry"),
                bad("non-array type", with(ANTHROPIC, "{'init_users':'alice'}"), "init_users", "init_users must be an array"),
                bad("an object is not an array", "{'init_users':" + USER + "}", "init_users", "init_users must be an array"),
                bad("null is not an array", "{'init_users':null}", "init_users", "init_users must be an array"),
                bad("non-object entry", with(ANTHROPIC, "{'init_users':['alice']}"), "init_users[0]", "init_users[0] must be an object"),
                bad("null entry", "{'init_users':[" + USER + ",null]}", "init_users[1]", "init_users[1] must be an object"),
                bad("username wrong type", with(ANTHROPIC, "{'init_users':[{'username':42,'password':'secret'}]}"), "init_users[0].username", "init_users[0].username must be a string"),
                bad("password wrong type", with(ANTHROPIC, "{'init_users':[{'username':'alice','password':true}]}"), "init_users[0].password", "init_users[0].password must be a string"),
                bad("username null", "{'init_users':[{'username':null,'password':'p'}]}", "init_users[0].username", "must be a string"),
                ok("extra members of an entry are ignored", "{'init_users':[{'username':'a','password':'p','role':'admin'}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initUsers")
    void mcpInitUsersEntries(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> bootstrapOnly() {
        return Stream.of(
                bad("init_token rejected on update", with(ANTHROPIC, "{'init_token':'some-token'}"), "init_token",
                        "init_token can only be set during initial provisioning").onExistingService(),
                bad("init_users rejected on update", with(ANTHROPIC, "{'init_users':[" + USER + "]}"), "init_users",
                        "init_users can only be set during initial provisioning").onExistingService(),
                bad("both rejected on update: token", with(ANTHROPIC, "{'init_token':'tok','init_users':[" + USER + "]}"), "init_token",
                        "init_token can only be set during initial provisioning").onExistingService().problems(2),
                bad("both rejected on update: users", with(ANTHROPIC, "{'init_token':'tok','init_users':[" + USER + "]}"), "init_users",
                        "init_users can only be set during initial provisioning").onExistingService(),
                bad("a null init_token is still present", "{'init_token':null}", "init_token", "initial provisioning").onExistingService(),
                ok("init_token on a new service", "{'init_token':'tok','init_users':[" + USER + "]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bootstrapOnly")
    void mcpInitTokenRefusedOnExistingService(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> llmDisabled() {
        return Stream.of(
                bad("llm_provider rejected", "{'llm_provider':'anthropic'}", "llm_provider", "llm_provider must not be set unless llm_enabled is true"),
                bad("llm_model rejected", "{'llm_model':'claude-sonnet-4-5'}", "llm_model", "llm_model must not be set unless llm_enabled is true"),
                bad("anthropic_api_key rejected", "{'anthropic_api_key':'sk-ant-key'}", "anthropic_api_key", "anthropic_api_key must not be set unless llm_enabled is true"),
                bad("openai_api_key rejected", "{'openai_api_key':'sk-openai-key'}", "openai_api_key", "openai_api_key must not be set unless llm_enabled is true"),
                bad("ollama_url rejected when no ollama embedding", "{'ollama_url':'http://localhost:11434'}", "ollama_url", "ollama_url must not be set unless llm_enabled is true"),
                bad("llm_temperature rejected", "{'llm_temperature':0.5}", "llm_temperature", "llm_temperature must not be set unless llm_enabled is true"),
                bad("llm_max_tokens rejected", "{'llm_max_tokens':1024}", "llm_max_tokens", "llm_max_tokens must not be set unless llm_enabled is true"),
                bad("explicitly false", "{'llm_enabled':false,'llm_model':'m'}", "llm_model", "unless llm_enabled is true"),
                bad("a null is a set key", "{'llm_model':null}", "llm_model", "llm_model must not be set unless llm_enabled is true"),
                bad("llm_enabled not a boolean counts as off", "{'llm_enabled':'true','llm_model':'m'}", "llm_model", "unless llm_enabled is true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("llmDisabled")
    void mcpLlmFieldsRefusedUnlessLlmEnabled(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> kbDisabled() {
        return Stream.of(
                bad("kb_embedding_provider rejected", "{'kb_embedding_provider':'openai'}", "kb_embedding_provider", "kb_embedding_provider must not be set unless kb_enabled is true"),
                bad("kb_embedding_model rejected", "{'kb_embedding_model':'text-embedding-3-small'}", "kb_embedding_model", "kb_embedding_model must not be set unless kb_enabled is true"),
                bad("kb_embedding_api_key rejected", "{'kb_embedding_api_key':'sk-x'}", "kb_embedding_api_key", "kb_embedding_api_key must not be set unless kb_enabled is true"),
                bad("kb_database_host_path rejected", "{'kb_database_host_path':'/data/kb/nla-kb.db'}", "kb_database_host_path", "kb_database_host_path must not be set unless kb_enabled is true"),
                bad("kb_enabled false rejects stale fields: provider", "{'kb_enabled':false,'kb_embedding_provider':'openai','kb_embedding_model':'m'}",
                        "kb_embedding_provider", "kb_embedding_provider must not be set unless kb_enabled is true"),
                bad("kb_enabled false rejects stale fields: model", "{'kb_enabled':false,'kb_embedding_provider':'openai','kb_embedding_model':'m'}",
                        "kb_embedding_model", "kb_embedding_model must not be set unless kb_enabled is true"),
                bad("kb_enabled wrong type", "{'kb_enabled':'yes'}", "kb_enabled", "kb_enabled must be a boolean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kbDisabled")
    void mcpKbFieldsRefusedUnlessKbEnabled(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> kbRequired() {
        return Stream.of(
                bad("missing kb_embedding_provider", "{'kb_enabled':true,'kb_embedding_model':'voyage-3-lite','kb_embedding_api_key':'voy-key'}",
                        "kb_embedding_provider", "kb_embedding_provider is required when kb_enabled is true"),
                bad("missing kb_embedding_model", "{'kb_enabled':true,'kb_embedding_provider':'voyage','kb_embedding_api_key':'voy-key'}",
                        "kb_embedding_model", "kb_embedding_model is required when kb_enabled is true"),
                bad("voyage without kb_embedding_api_key", "{'kb_enabled':true,'kb_embedding_provider':'voyage','kb_embedding_model':'voyage-3-lite'}",
                        "kb_embedding_api_key", "kb_embedding_api_key is required when kb_embedding_provider is \"voyage\""),
                bad("openai without kb_embedding_api_key", "{'kb_enabled':true,'kb_embedding_provider':'openai','kb_embedding_model':'t'}",
                        "kb_embedding_api_key", "kb_embedding_api_key is required when kb_embedding_provider is \"openai\""),
                bad("kb_embedding_provider wrong type", with(KB, "{'kb_embedding_provider':42}"), "kb_embedding_provider", "kb_embedding_provider must be a string"),
                bad("kb_embedding_model wrong type", with(KB, "{'kb_embedding_model':123}"), "kb_embedding_model", "kb_embedding_model must be a string"),
                bad("kb_embedding_api_key wrong type", with(KB, "{'kb_embedding_api_key':true}"), "kb_embedding_api_key", "kb_embedding_api_key must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kbRequired")
    void mcpKbProviderAndModelRequiredWhenEnabled(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> kbProviders() {
        return Stream.of(
                bad("ollama rejected with not yet supported message", "{'kb_enabled':true,'kb_embedding_provider':'ollama','kb_embedding_model':'nomic-embed-text'}",
                        "kb_embedding_provider", "kb_embedding_provider \"ollama\" is not yet supported; use \"voyage\" or \"openai\""),
                bad("ollama provider name case insensitive", "{'kb_enabled':true,'kb_embedding_provider':'Ollama','kb_embedding_model':'nomic-embed-text'}",
                        "kb_embedding_provider", "kb_embedding_provider \"ollama\" is not yet supported"),
                bad("unknown provider rejected", "{'kb_enabled':true,'kb_embedding_provider':'bedrock','kb_embedding_model':'m','kb_embedding_api_key':'k'}",
                        "kb_embedding_provider", "kb_embedding_provider must be one of: voyage, openai"),
                bad("other providers are case-sensitive", with(KB, "{'kb_embedding_provider':'Voyage'}"), "kb_embedding_provider", "must be one of"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kbProviders")
    void mcpKbEmbeddingProviders(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> kbSearchConflict() {
        return Stream.of(
                bad("kb_enabled and disable_search_knowledgebase both true", with(KB, "{'disable_search_knowledgebase':true}"),
                        "disable_search_knowledgebase", "kb_enabled and disable_search_knowledgebase cannot both be true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kbSearchConflict")
    void mcpKbEnabledConflictsWithDisabledSearch(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> kbPath() {
        return Stream.of(
                bad("kb_database_host_path wrong type", with(KB, "{'kb_database_host_path':99}"), "kb_database_host_path", "kb_database_host_path must be a string"),
                bad("relative path rejected", with(KB, "{'kb_database_host_path':'kb/nla-kb.db'}"), "kb_database_host_path", "kb_database_host_path must be an absolute path"),
                bad("path with .. rejected", with(KB, "{'kb_database_host_path':'/data/kb/../../etc/shadow'}"), "kb_database_host_path",
                        "kb_database_host_path must be a clean absolute path"),
                bad("trailing slash is not clean", with(KB, "{'kb_database_host_path':'/data/kb/'}"), "kb_database_host_path", "clean absolute path"),
                bad("double slash is not clean", with(KB, "{'kb_database_host_path':'/data//kb.db'}"), "kb_database_host_path", "clean absolute path"),
                bad("dot is not clean", with(KB, "{'kb_database_host_path':'/data/./kb.db'}"), "kb_database_host_path", "clean absolute path"),
                bad("empty", with(KB, "{'kb_database_host_path':''}"), "kb_database_host_path", "kb_database_host_path must not be empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kbPath")
    void mcpKbDatabaseHostPathCleanAbsolute(ConfigCase c) {
        c.check();
    }
}
