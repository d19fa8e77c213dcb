package trellis.spec.validation.config;

import static trellis.spec.validation.config.ConfigCase.editPipeline;
import static trellis.spec.validation.config.ConfigCase.invalid;
import static trellis.spec.validation.config.ConfigCase.valid;
import static trellis.spec.validation.config.ConfigCase.with;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ParseRAGServiceConfig (rag_service_config.go), the cases of rag_service_config_test.go, then
 * what its typed decode (DisallowUnknownFields, after json.Marshal of the map) does with JSON.
 */
class RagConfigRulesTest {
    private static final String T = "rag";
    private static final String PIPE = "{'name':'my-pipeline','tables':[{'table':'documents_content_chunks','text_column':'content','vector_column':'embedding'}],"
            + "'embedding_llm':{'provider':'openai','model':'text-embedding-3-small','api_key':'sk-openai-key'},"
            + "'rag_llm':{'provider':'anthropic','model':'claude-sonnet-4-20250514','api_key':'sk-ant-key'}}";
    private static final String MINIMAL = "{'pipelines':[" + PIPE + "]}";

    static ConfigCase ok(String name, String config) {
        return valid(T, name, config);
    }

    static ConfigCase bad(String name, String config, String path, String fragment) {
        return invalid(T, name, config, path, fragment);
    }

    /** MINIMAL with its pipeline edited. */
    static String pipe(Consumer<ObjectNode> edit) {
        return editPipeline(MINIMAL, edit);
    }

    /** MINIMAL with these members set on the pipeline. */
    static String pipeWith(String members) {
        return pipe(p -> p.setAll((ObjectNode) ConfigCase.json(members)));
    }

    static Stream<ConfigCase> validConfigs() {
        return Stream.of(
                ok("minimal valid", MINIMAL),
                ok("full valid", "{'defaults':{'token_budget':2000,'top_n':10},'pipelines':[{'name':'pipeline-a','description':'First pipeline',"
                        + "'tables':[{'table':'chunks','text_column':'text','vector_column':'vec','id_column':'id'}],"
                        + "'embedding_llm':{'provider':'voyage','model':'voyage-3','api_key':'voy-key'},"
                        + "'rag_llm':{'provider':'openai','model':'gpt-4o','api_key':'sk-openai'},'token_budget':4000,'top_n':15,"
                        + "'system_prompt':'You are a helpful assistant.','search':{'hybrid_enabled':true,'vector_weight':0.7}}]}"),
                ok("ollama embedding", pipeWith("{'embedding_llm':{'provider':'ollama','model':'nomic-embed-text','base_url':'http://localhost:11434'}}")),
                ok("ollama rag_llm", pipeWith("{'rag_llm':{'provider':'ollama','model':'llama3.2'}}")),
                ok("anthropic embedding provider", pipeWith("{'embedding_llm':{'provider':'anthropic','model':'m','api_key':'k'}}")),
                ok("isUpdate is ignored", MINIMAL).onExistingService(),
                ok("vector_weight 0.0", pipeWith("{'search':{'vector_weight':0.0}}")),
                ok("vector_weight 1.0", pipeWith("{'search':{'vector_weight':1}}")),
                ok("multiple pipelines", "{'pipelines':[{'name':'pipeline-1','tables':[{'table':'t1','text_column':'tc','vector_column':'vc'}],"
                        + "'embedding_llm':{'provider':'openai','model':'text-embedding-3-small','api_key':'k1'},"
                        + "'rag_llm':{'provider':'anthropic','model':'claude-3-haiku-20240307','api_key':'k2'}},"
                        + "{'name':'pipeline-2','tables':[{'table':'t2','text_column':'tc','vector_column':'vc'}],"
                        + "'embedding_llm':{'provider':'ollama','model':'nomic-embed-text'},'rag_llm':{'provider':'ollama','model':'llama3.2'}}]}"),
                ok("empty search and defaults", with(pipeWith("{'search':{}}"), "{'defaults':{}}")),
                ok("whole floats are integers", pipeWith("{'token_budget':4000.0,'top_n':1e1}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validConfigs")
    void ragValidConfigs(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> pipelinesRequired() {
        return Stream.of(
                bad("missing pipelines", "{}", "pipelines", "pipelines is required and must contain at least one pipeline").problems(1),
                bad("no config at all", null, "pipelines", "pipelines is required"),
                bad("config null", "null", "pipelines", "pipelines is required"),
                bad("empty pipelines", "{'pipelines':[]}", "pipelines", "pipelines is required and must contain at least one pipeline").problems(1),
                bad("null pipelines", "{'pipelines':null}", "pipelines", "pipelines is required"),
                bad("defaults alone", "{'defaults':{'top_n':3}}", "pipelines", "pipelines is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelinesRequired")
    void ragPipelinesRequired(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> unknownTopLevel() {
        return Stream.of(
                bad("unknown top-level key", with(MINIMAL, "{'unknown_key':'value'}"), "unknown_key", "unknown config key(s): \"unknown_key\"").problems(1),
                bad("several, sorted", with(MINIMAL, "{'zeta':1,'alpha':2}"), "", "unknown config key(s): \"alpha\", \"zeta\"").problems(1),
                bad("top-level names are exact", "{'Pipelines':[" + PIPE + "]}", "Pipelines", "unknown config key(s): \"Pipelines\""),
                bad("refused before anything else", "{'x':1,'pipelines':[]}", "x", "unknown config key(s)").problems(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownTopLevel")
    void ragUnknownTopLevelKey(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> unknownNested() {
        return Stream.of(
                bad("unknown pipeline key", pipeWith("{'unknown_nested':'value'}"), "pipelines[0].unknown_nested", "json: unknown field \"unknown_nested\"").problems(1),
                bad("unknown table key", pipe(p -> ((ObjectNode) p.get("tables").get(0)).put("schema", "public")),
                        "pipelines[0].tables[0].schema", "json: unknown field \"schema\""),
                bad("unknown llm key", pipe(p -> ((ObjectNode) p.get("embedding_llm")).put("temperature", 1)),
                        "pipelines[0].embedding_llm.temperature", "json: unknown field \"temperature\""),
                bad("unknown rag_llm key even if null", pipe(p -> ((ObjectNode) p.get("rag_llm")).putNull("max_tokens")),
                        "pipelines[0].rag_llm.max_tokens", "json: unknown field \"max_tokens\""),
                bad("unknown search key", pipeWith("{'search':{'hybrid':true}}"), "pipelines[0].search.hybrid", "unknown field \"hybrid\""),
                bad("unknown defaults key", with(MINIMAL, "{'defaults':{'temperature':1}}"), "defaults.temperature", "unknown field \"temperature\""),
                bad("second pipeline", "{'pipelines':[" + PIPE + "," + PIPE.replace("'my-pipeline'", "'b','extra':1") + "]}",
                        "pipelines[1].extra", "unknown field \"extra\""),
                bad("only the first decode error, in sorted key order", pipeWith("{'zzz':1,'aaa':2}"), "pipelines[0].aaa", "unknown field \"aaa\"").problems(1),
                bad("a decode error hides the other rules", "{'pipelines':[{'name':'-bad','x':1}]}", "pipelines[0].x", "unknown field").problems(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownNested")
    void ragUnknownKeyAtAnyDepth(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> caseFolding() {
        return Stream.of(
                ok("field names match case-insensitively", pipe(p -> p.set("Name", p.remove("name")))),
                ok("upper-case llm fields", pipeWith("{'rag_llm':{'PROVIDER':'ollama','Model':'llama3.2'}}")),
                ok("U+017F folds to s", pipe(p -> p.set("\u017Fystem_prompt", p.textNode("x")))),
                ok("U+212A folds to k", pipe(p -> {
                    ObjectNode llm = (ObjectNode) p.get("rag_llm");
                    llm.set("api_\u212Aey", llm.remove("api_key"));
                })),
                bad("other letters do not fold", pipeWith("{'n\u0430me':'x'}"), "pipelines[0].n\u0430me", "unknown field"),
                bad("the later key in byte order wins", pipe(p -> {
                    p.put("NAME", "ok-name");
                    p.put("name", "Bad Name");
                }), "pipelines[0].name", "must match"),
                ok("the later key in byte order wins, the other way", pipe(p -> {
                    p.put("name", "ok-name");
                    p.put("Name", "Bad Name");
                })),
                ok("two spellings of one struct merge", pipe(p -> {
                    p.set("rag_llm", ConfigCase.json("{'provider':'anthropic','model':'m'}"));
                    p.set("RAG_LLM", ConfigCase.json("{'api_key':'k'}"));
                })),
                ok("a null struct under an earlier spelling changes nothing", pipe(p -> p.putNull("Embedding_llm"))),
                bad("a later null spelling clears a pointer", pipe(p -> ((ObjectNode) p.get("embedding_llm")).putNull("api_\u212Aey")),
                        "pipelines[0].embedding_llm.api_key", "api_key is required when provider is \"openai\""),
                ok("an array under two spellings: the later one decides the length", pipe(p -> {
                    p.set("Tables", ConfigCase.json("[{'table':'a','text_column':'c','vector_column':'v'},{}]"));
                    p.set("tables", ConfigCase.json("[{}]"));
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseFolding")
    void ragKeysMatchFieldsAsEncodingJsonDoes(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> names() {
        Stream<ConfigCase> validNames = Stream.of("default", "my-pipeline", "my_pipeline", "pipeline-1", "a", "abc123", "a-b_c-1", "_x", "0")
                .map(n -> ok("valid/" + n, pipeWith("{'name':'" + n + "'}")));
        Stream<ConfigCase> invalidNames = Stream.of("My Pipeline", "pipeline name", "pipeline/name", "../etc/passwd", "UPPER",
                "pipe\uD83D\uDD25line", "pipeline.name", "-pipeline", "name\\n", "caf\u00e9")
                .map(n -> bad("invalid/" + n, pipeWith("{'name':'" + n + "'}"), "pipelines[0].name", "is invalid: must match ^[a-z0-9_][a-z0-9_-]*$"));
        Stream<ConfigCase> other = Stream.of(
                bad("missing pipeline name", pipe(p -> p.remove("name")), "pipelines[0].name", "pipelines[0].name is required").problems(1),
                bad("empty pipeline name", pipeWith("{'name':''}"), "pipelines[0].name", "pipelines[0].name is required"),
                bad("null pipeline name", pipeWith("{'name':null}"), "pipelines[0].name", "pipelines[0].name is required"));
        return Stream.of(validNames, invalidNames, other).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void ragPipelineNameAllowlist(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> duplicates() {
        return Stream.of(
                bad("duplicate pipeline names", "{'pipelines':[" + PIPE + "," + PIPE + "]}", "pipelines[1].name",
                        "pipelines contains duplicate name \"my-pipeline\"").problems(1),
                bad("third is reported, not the first", "{'pipelines':[" + PIPE + "," + PIPE.replace("my-pipeline", "b") + "," + PIPE + "]}",
                        "pipelines[2].name", "duplicate name").problems(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    void ragPipelineNamesUnique(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> tables() {
        return Stream.of(
                bad("missing tables", pipe(p -> p.remove("tables")), "pipelines[0].tables", "pipelines[0].tables is required and must contain at least one table"),
                bad("empty tables", pipeWith("{'tables':[]}"), "pipelines[0].tables", "at least one table"),
                bad("null tables", pipeWith("{'tables':null}"), "pipelines[0].tables", "at least one table"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void ragTablesRequired(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> tableColumns() {
        return Stream.of(
                bad("missing table fields: table", pipeWith("{'tables':[{}]}"), "pipelines[0].tables[0].table", "pipelines[0].tables[0].table is required").problems(3),
                bad("missing table fields: text_column", pipeWith("{'tables':[{}]}"), "pipelines[0].tables[0].text_column", "text_column is required"),
                bad("missing table fields: vector_column", pipeWith("{'tables':[{}]}"), "pipelines[0].tables[0].vector_column", "vector_column is required"),
                bad("null table entry is an empty table", pipeWith("{'tables':[null]}"), "pipelines[0].tables[0].table", "table is required"),
                bad("second table", pipeWith("{'tables':[{'table':'t','text_column':'c','vector_column':'v'},{'table':'t','vector_column':'v'}]}"),
                        "pipelines[0].tables[1].text_column", "pipelines[0].tables[1].text_column is required").problems(1),
                ok("id_column optional, null allowed", pipeWith("{'tables':[{'table':'t','text_column':'c','vector_column':'v','id_column':null}]}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableColumns")
    void ragTableColumnsRequired(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> llmProviders() {
        return Stream.of(
                bad("invalid embedding provider", pipeWith("{'embedding_llm':{'provider':'invalid-provider','model':'some-model'}}"),
                        "pipelines[0].embedding_llm.provider", "pipelines[0].embedding_llm.provider must be one of: anthropic, openai, voyage, ollama").problems(1),
                bad("voyage is no rag_llm provider", pipeWith("{'rag_llm':{'provider':'voyage','model':'voyage-3','api_key':'key'}}"),
                        "pipelines[0].rag_llm.provider", "pipelines[0].rag_llm.provider must be one of: anthropic, openai, ollama"),
                bad("missing embedding_llm", pipe(p -> p.remove("embedding_llm")), "pipelines[0].embedding_llm.provider",
                        "pipelines[0].embedding_llm.provider is required").problems(1),
                bad("missing rag_llm", pipe(p -> p.remove("rag_llm")), "pipelines[0].rag_llm.provider", "pipelines[0].rag_llm.provider is required"),
                bad("null rag_llm", pipeWith("{'rag_llm':null}"), "pipelines[0].rag_llm.provider", "provider is required"),
                bad("a bad provider hides the other llm checks", pipeWith("{'rag_llm':{'provider':'x'}}"), "pipelines[0].rag_llm.provider", "must be one of").problems(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("llmProviders")
    void ragLlmProviders(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> llmModelAndKey() {
        return Stream.of(
                bad("missing embedding_llm model", pipeWith("{'embedding_llm':{'provider':'openai','api_key':'sk-key'}}"),
                        "pipelines[0].embedding_llm.model", "pipelines[0].embedding_llm.model is required"),
                bad("missing api_key anthropic", pipeWith("{'rag_llm':{'provider':'anthropic','model':'claude-sonnet-4-20250514'}}"),
                        "pipelines[0].rag_llm.api_key", "pipelines[0].rag_llm.api_key is required when provider is \"anthropic\""),
                bad("missing api_key voyage", pipeWith("{'embedding_llm':{'provider':'voyage','model':'voyage-3'}}"),
                        "pipelines[0].embedding_llm.api_key", "api_key is required when provider is \"voyage\""),
                bad("missing api_key openai", pipeWith("{'embedding_llm':{'provider':'openai','model':'text-embedding-3-small'}}"),
                        "pipelines[0].embedding_llm.api_key", "api_key is required when provider is \"openai\""),
                bad("empty api_key", pipeWith("{'embedding_llm':{'provider':'openai','model':'m','api_key':''}}"),
                        "pipelines[0].embedding_llm.api_key", "api_key is required"),
                bad("model and key both reported", pipeWith("{'rag_llm':{'provider':'openai'}}"), "pipelines[0].rag_llm.api_key", "api_key is required").problems(2),
                ok("ollama needs no api_key", pipeWith("{'embedding_llm':{'provider':'ollama','model':'m'}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("llmModelAndKey")
    void ragLlmModelAndApiKeyRequired(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> positive() {
        return Stream.of(
                bad("token_budget zero", pipeWith("{'token_budget':0}"), "pipelines[0].token_budget", "pipelines[0].token_budget must be a positive integer"),
                bad("top_n negative", pipeWith("{'top_n':-5}"), "pipelines[0].top_n", "pipelines[0].top_n must be a positive integer"),
                bad("defaults token_budget negative", with(MINIMAL, "{'defaults':{'token_budget':-1}}"), "defaults.token_budget",
                        "defaults.token_budget must be a positive integer"),
                bad("defaults top_n zero", with(MINIMAL, "{'defaults':{'top_n':0}}"), "defaults.top_n", "defaults.top_n must be a positive integer"),
                ok("null token_budget leaves it unset", pipeWith("{'token_budget':null,'top_n':null}")),
                ok("null defaults", with(MINIMAL, "{'defaults':null}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void ragTokenBudgetAndTopNPositive(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> vectorWeight() {
        return Stream.of(
                bad("vector_weight above 1", pipeWith("{'search':{'vector_weight':1.5}}"), "pipelines[0].search.vector_weight",
                        "pipelines[0].search.vector_weight must be between 0.0 and 1.0"),
                bad("vector_weight below 0", pipeWith("{'search':{'vector_weight':-0.01}}"), "pipelines[0].search.vector_weight", "between 0.0 and 1.0"),
                ok("vector_weight null", pipeWith("{'search':{'vector_weight':null,'hybrid_enabled':false}}")),
                ok("search null", pipeWith("{'search':null}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorWeight")
    void ragVectorWeightRange(ConfigCase c) {
        c.check();
    }

    static Stream<ConfigCase> decodeTypes() {
        return Stream.of(
                bad("token_budget fraction", pipeWith("{'token_budget':10.5}"), "pipelines[0].token_budget",
                        "invalid config: json: cannot unmarshal number 10.5 into Go struct field RAGPipeline.pipelines.token_budget of type int"),
                bad("token_budget string", pipeWith("{'token_budget':'100'}"), "pipelines[0].token_budget", "cannot unmarshal string into Go struct field"),
                bad("top_n beyond int64", pipeWith("{'top_n':1e19}"), "pipelines[0].top_n", "cannot unmarshal number 10000000000000000000"),
                bad("defaults top_n fraction", with(MINIMAL, "{'defaults':{'top_n':2.5}}"), "defaults.top_n", "RAGDefaults.defaults.top_n of type int"),
                bad("pipelines an object", "{'pipelines':{}}", "pipelines", "cannot unmarshal object into Go struct field RAGServiceConfig.pipelines of type []database.RAGPipeline"),
                bad("pipelines a string", "{'pipelines':'p'}", "pipelines", "cannot unmarshal string"),
                bad("a pipeline a string", "{'pipelines':['p']}", "pipelines[0]", "of type database.RAGPipeline"),
                bad("name a number", pipeWith("{'name':5}"), "pipelines[0].name", "cannot unmarshal number into Go struct field RAGPipeline.pipelines.name of type string"),
                bad("description a bool", pipeWith("{'description':true}"), "pipelines[0].description", "cannot unmarshal bool"),
                bad("tables an object", pipeWith("{'tables':{}}"), "pipelines[0].tables", "of type []database.RAGPipelineTable"),
                bad("table name an array", pipeWith("{'tables':[{'table':['t'],'text_column':'c','vector_column':'v'}]}"),
                        "pipelines[0].tables[0].table", "cannot unmarshal array into Go struct field RAGPipelineTable.pipelines.tables.table of type string"),
                bad("embedding_llm an array", pipeWith("{'embedding_llm':[]}"), "pipelines[0].embedding_llm", "of type database.RAGPipelineLLMConfig"),
                bad("api_key a number", pipeWith("{'rag_llm':{'provider':'openai','model':'m','api_key':1}}"), "pipelines[0].rag_llm.api_key", "of type string"),
                bad("search a string", pipeWith("{'search':'hybrid'}"), "pipelines[0].search", "of type database.RAGPipelineSearch"),
                bad("hybrid_enabled a string", pipeWith("{'search':{'hybrid_enabled':'yes'}}"), "pipelines[0].search.hybrid_enabled", "of type bool"),
                bad("vector_weight a string", pipeWith("{'search':{'vector_weight':'0.5'}}"), "pipelines[0].search.vector_weight", "of type float64"),
                bad("defaults an array", with(MINIMAL, "{'defaults':[]}"), "defaults", "of type database.RAGDefaults"),
                bad("defaults before pipelines in key order", "{'pipelines':[{'name':5}],'defaults':{'top_n':'x'}}", "defaults.top_n", "cannot unmarshal").problems(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodeTypes")
    void ragTypedDecodeRefusesWrongTypes(ConfigCase c) {
        c.check();
    }
}
