package trellis.spec.validation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static trellis.spec.validation.config.ConfigCase.invalid;
import static trellis.spec.validation.config.ConfigCase.valid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import trellis.spec.validation.config.ServiceConfigRules.ConfigProblem;

/** The entry point: which types have rules, what a config that is no object gets, and hostile input. */
class ServiceConfigRulesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("postgrest", "mcp", "rag");

    @ParameterizedTest(name = "type \"{0}\"")
    @ValueSource(strings = {"grafana", "", "POSTGREST", "Mcp", "rag "})
    void otherServiceTypesHaveNoConfigRules(String type) {
        assertThat(ServiceConfigRules.validate(type, ConfigCase.json("{'x':1,'db_pool':0}"), true)).isEmpty();
        assertThat(ServiceConfigRules.validate(type, F.arrayNode(), false)).isEmpty();
        assertThat(ServiceConfigRules.validate(null, F.arrayNode(), false)).isEmpty();
    }

    static Stream<Arguments> notAnObject() {
        List<Arguments> out = new ArrayList<>();
        for (String type : TYPES) {
            for (JsonNode n : List.of(F.arrayNode(), F.textNode("s"), F.numberNode(7), F.booleanNode(true), F.textNode(""),
                    ConfigCase.json("[{'db_anon_role':'a'}]"))) {
                out.add(Arguments.of(type, n));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} config {1}")
    @MethodSource("notAnObject")
    void configMustBeAnObject(String type, JsonNode config) {
        assertThat(ServiceConfigRules.validate(type, config, false)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEmpty();
            assertThat(p.message()).startsWith("config must be an object");
        });
    }

    static Stream<ConfigCase> absentConfig() {
        return Stream.of(
                invalid("postgrest", "postgrest, no config", null, "db_anon_role", "db_anon_role is required"),
                valid("mcp", "mcp, no config", null),
                valid("mcp", "mcp, config null", "null"),
                invalid("rag", "rag, no config", null, "pipelines", "pipelines is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absentConfig")
    void missingOrNullConfigIsAnEmptyMap(ConfigCase c) {
        c.check();
        // a MissingNode (svc.path("config")) means the same as no config
        assertThat(ServiceConfigRules.validate(c.type(), MissingNode.getInstance(), false)).isEqualTo(c.run());
    }

    static Stream<ConfigCase> overflow() {
        return Stream.of(
                invalid("postgrest", "postgrest number beyond float64", "{'db_anon_role':'a','db_pool':1e400}", "db_pool", "cannot unmarshal number"),
                invalid("mcp", "mcp number beyond float64, even where a bool goes", "{'allow_writes':-1e309}", "allow_writes", "into Go value of type float64"),
                invalid("mcp", "deep inside init_users", "{'init_users':[{'username':'u','password':'p','x':[1,2e999]}]}", "init_users[0].x[1]", "cannot unmarshal number"),
                invalid("rag", "rag unknown key with such a number", "{'x':1e400}", "x", "cannot unmarshal number"),
                valid("mcp", "tiny numbers round to zero", "{'llm_enabled':true,'llm_provider':'ollama','llm_model':'m','ollama_url':'u','llm_temperature':1e-400}"),
                invalid("postgrest", "a big integer fits a float64 but no int", "{'db_anon_role':'a','max_rows':123456789012345678901234567890}",
                        "max_rows", "max_rows must be an integer"),
                valid("mcp", "a big integer is a float64 like any other", "{'pool_max_conns':123456789012345678}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overflow")
    void numbersAreFloat64(ConfigCase c) {
        c.check();
    }

    /** Whatever the mapper: plain doubles, BigDecimal, long and BigInteger nodes decide alike. */
    @Test
    void numberNodeKindsDecideAlike() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        for (String cfg : List.of("{\"db_anon_role\":\"a\",\"db_pool\":10.0}", "{\"db_anon_role\":\"a\",\"db_pool\":10.5}",
                "{\"db_anon_role\":\"a\",\"db_pool\":1e1}", "{\"db_anon_role\":\"a\",\"max_rows\":12345678901234567890}")) {
            assertThat(ServiceConfigRules.validate("postgrest", plain.readTree(cfg), false))
                    .isEqualTo(ServiceConfigRules.validate("postgrest", ConfigCase.json(cfg.replace('"', '\'')), false));
        }
        ObjectNode o = F.objectNode().put("db_anon_role", "a");
        assertThat(ServiceConfigRules.validate("postgrest", o.deepCopy().put("db_pool", new BigDecimal("30.000")), false)).isEmpty();
        assertThat(ServiceConfigRules.validate("postgrest", o.deepCopy().put("db_pool", 30L), false)).isEmpty();
        assertThat(ServiceConfigRules.validate("postgrest", o.deepCopy().put("db_pool", 30.0f), false)).isEmpty();
        assertThat(ServiceConfigRules.validate("postgrest", o.deepCopy().put("db_pool", (short) 30), false)).isEmpty();
        assertThat(ServiceConfigRules.validate("postgrest", o.deepCopy().put("db_pool", new BigInteger("9".repeat(400))), false))
                .extracting(ConfigProblem::message).first().asString().contains("cannot unmarshal number");
    }

    static Stream<Arguments> hostile() {
        String mb = "x".repeat(1 << 20);
        List<JsonNode> configs = new ArrayList<>();
        configs.add(null);
        configs.add(MissingNode.getInstance());
        configs.add(F.nullNode());
        configs.add(F.arrayNode());
        configs.add(F.textNode(mb));
        configs.add(F.numberNode(Double.NaN));
        configs.add(F.numberNode(Double.POSITIVE_INFINITY));
        configs.add(F.binaryNode(new byte[] {1, 2}));
        configs.add(F.pojoNode(new Object()));
        configs.add(F.objectNode().put(mb, 1));
        configs.add(F.objectNode().put("db_anon_role", mb).put("jwt_secret", mb).put("db_schemas", mb));
        configs.add(F.objectNode().put("init_token", mb).set("init_users", F.arrayNode().add(F.objectNode().put("username", mb).put("password", mb))
                .add(F.objectNode().put("username", mb).put("password", mb))));
        configs.add(F.objectNode().put("kb_enabled", true).put("kb_database_host_path", "/" + "a/".repeat(200_000))
                .put("kb_embedding_provider", mb).put("kb_embedding_model", mb));
        configs.add(F.objectNode().put("llm_enabled", true).put("llm_provider", mb).set("llm_model", F.objectNode()));
        configs.add(F.objectNode().set("pipelines", F.arrayNode().add(F.nullNode()).add(1).add("a").add(F.arrayNode())
                .add(F.objectNode().put("name", mb).set("tables", F.textNode(mb)))));
        configs.add(F.objectNode().set("pipelines", F.arrayNode().add(F.objectNode().put("name", "ok")
                .set("tables", F.arrayNode().add(F.objectNode().put(mb, mb))))));
        configs.add(F.objectNode().set("pipelines", F.arrayNode().add(F.objectNode().put("\uD800", 1).put("name", "a\uDC00"))));
        configs.add(F.objectNode().set("init_users", F.arrayNode().add(F.objectNode().put("username", "a\uD800").put("password", "p"))
                .add(F.objectNode().put("username", "a\uD801").put("password", "p"))));
        // wrong types everywhere
        for (String key : List.of("db_anon_role", "db_pool", "llm_enabled", "init_users", "pipelines", "defaults", "kb_enabled", "llm_temperature")) {
            for (JsonNode v : List.of(F.nullNode(), F.arrayNode().add(F.arrayNode()), F.objectNode().set("a", F.objectNode()), F.textNode(""),
                    F.numberNode(-0.0), F.booleanNode(false), F.numberNode(new BigDecimal("1e-999")))) {
                configs.add(F.objectNode().set(key, v));
            }
        }
        List<Arguments> out = new ArrayList<>();
        for (String type : List.of("postgrest", "mcp", "rag", "other")) {
            for (int i = 0; i < configs.size(); i++) {
                out.add(Arguments.of(type, i, configs.get(i)));
            }
        }
        return out.stream();
    }

    private static ArrayNode deepArray(int depth) {
        ArrayNode root = F.arrayNode();
        ArrayNode at = root;
        for (int i = 0; i < depth; i++) {
            ArrayNode next = F.arrayNode();
            at.add(next);
            at = next;
        }
        return root;
    }

    private static ObjectNode deepObject(int depth) {
        ObjectNode root = F.objectNode();
        ObjectNode at = root;
        for (int i = 0; i < depth; i++) {
            ObjectNode next = F.objectNode();
            at.set("a", next);
            at = next;
        }
        return root;
    }

    @ParameterizedTest(name = "{0} hostile config #{1}")
    @MethodSource("hostile")
    void hostileInputNeverThrows(String type, int index, JsonNode config) {
        assertThatCode(() -> ServiceConfigRules.validate(type, config, index % 2 == 0)).doesNotThrowAnyException();
        List<ConfigProblem> problems = ServiceConfigRules.validate(type, config, false);
        assertThat(problems).isNotNull().allSatisfy(p -> {
            assertThat(p.path()).isNotNull();
            assertThat(p.message()).isNotBlank().doesNotContain("could not be checked");
        });
    }

    /** Trees far deeper than Go decodes (10000) or Jackson parses: built by hand, never printed. */
    @Test
    void deepTreesNeverThrow() {
        List<JsonNode> deep = List.of(deepArray(100_000), F.objectNode().set("pipelines", deepArray(100_000)),
                F.objectNode().set("init_users", F.arrayNode().add(deepObject(100_000))),
                F.objectNode().set("pipelines", F.arrayNode().add(F.objectNode().set("search", deepObject(100_000)))),
                F.objectNode().set("x", deepObject(100_000)), F.objectNode().set("db_anon_role", deepArray(100_000)));
        for (String type : List.of("postgrest", "mcp", "rag")) {
            for (JsonNode config : deep) {
                List<ConfigProblem> problems = ServiceConfigRules.validate(type, config, true);
                assertThat(problems).as(type).isNotEmpty();
                assertThat(problems).extracting(ConfigProblem::message).noneMatch(m -> m.contains("could not be checked"));
            }
        }
    }

    @Test
    void hostileVerdicts() {
        String mb = "x".repeat(1 << 20);
        // 1 MB strings are fine where any string is
        assertThat(ServiceConfigRules.validate("postgrest", F.objectNode().put("db_anon_role", mb).put("jwt_secret", mb), false)).isEmpty();
        // a config nested far deeper than any rule looks is refused for its unknown key, at once
        assertThat(ServiceConfigRules.validate("rag", F.objectNode().set("x", deepObject(100_000)), false))
                .extracting(ConfigProblem::path).containsExactly("x");
        // pipelines nested as arrays is a type error on the first element
        assertThat(ServiceConfigRules.validate("rag", F.objectNode().set("pipelines", deepArray(100_000)), false))
                .extracting(ConfigProblem::path).containsExactly("pipelines[0]");
        // init_users whose entry is deep: the entry lacks username and password
        assertThat(ServiceConfigRules.validate("mcp", F.objectNode().set("init_users", F.arrayNode().add(deepObject(100_000))), false))
                .extracting(ConfigProblem::path).containsExactly("init_users[0].username", "init_users[0].password");
        // Go turns lone surrogates into U+FFFD: these two usernames are the same there
        assertThat(ServiceConfigRules.validate("mcp", F.objectNode().set("init_users", F.arrayNode()
                .add(F.objectNode().put("username", "a\uD800").put("password", "p"))
                .add(F.objectNode().put("username", "a\uD801").put("password", "p"))), false))
                .extracting(ConfigProblem::message).containsExactly("init_users contains duplicate username \"a\uFFFD\"");
        // NaN and infinities cannot come from JSON; if a caller builds them, they are refused
        assertThat(ServiceConfigRules.validate("mcp", F.objectNode().put("pool_max_conns", Double.NaN), false)).isNotEmpty();
    }
}
