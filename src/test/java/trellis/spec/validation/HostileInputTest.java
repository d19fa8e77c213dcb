package trellis.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever comes in, the validator answers with problems and never throws. */
class HostileInputTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String MB = "x".repeat(1 << 20);

    /** Asserts: no exception, at least one problem, every path sensible and every message short. */
    private static List<Problem> refused(JsonNode body) {
        List<Problem>[] out = new List[1];
        assertThatCode(() -> out[0] = SpecValidator.validateCreate(body)).doesNotThrowAnyException();
        assertThat(out[0]).as(String.valueOf(out[0])).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path()).isNotNull().doesNotStartWith(".").doesNotStartWith("$").doesNotContain("..");
            assertThat(p.path().length()).isLessThan(2000);
            assertThat(p.message()).isNotBlank();
            assertThat(p.message().length()).isLessThan(2000);
        });
        return out[0];
    }

    private static ObjectNode example() {
        return Specs.example("co-located.json");
    }

    private static JsonNode deep(int depth, boolean arrays) {
        JsonNode n = F.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            if (arrays) {
                n = F.arrayNode().add(n);
            } else {
                ObjectNode o = F.objectNode();
                o.set("a", n);
                n = o;
            }
        }
        return n;
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("/spec", "database_name", F.numberNode(7), "spec.database_name"),
                Arguments.of("/spec", "nodes", F.objectNode(), "spec.nodes"),
                Arguments.of("/spec", "nodes", F.textNode("n1"), "spec.nodes"),
                Arguments.of("/spec", "port", F.textNode("5432"), "spec.port"),
                Arguments.of("/spec", "port", F.numberNode(5432.5), "spec.port"),
                Arguments.of("/spec", "database_users", F.objectNode(), "spec.database_users"),
                Arguments.of("/spec", "services", F.objectNode().put("service_id", "api"), "spec.services"),
                Arguments.of("/spec", "postgresql_conf", F.arrayNode(), "spec.postgresql_conf"),
                Arguments.of("/spec", "scripts", F.arrayNode().add("SELECT 1"), "spec.scripts"),
                Arguments.of("/spec/nodes/0", "host_ids", F.textNode("host-1"), "spec.nodes[0].host_ids"),
                Arguments.of("/spec/nodes/0", "name", F.booleanNode(true), "spec.nodes[0].name"),
                Arguments.of("/spec/database_users/0", "db_owner", F.textNode("true"), "spec.database_users[0].db_owner"),
                Arguments.of("/spec/database_users/0", "attributes", F.textNode("LOGIN"), "spec.database_users[0].attributes"),
                Arguments.of("/spec/services/0", "config", F.arrayNode(), "spec.services[0].config"),
                Arguments.of("/spec/services/0", "config", F.textNode("db_anon_role=web_anon"), "spec.services[0].config"),
                Arguments.of("/spec/services/0", "host_ids", F.arrayNode().add(F.objectNode()), "spec.services[0].host_ids[0]"),
                Arguments.of("/spec/services/0", "port", F.textNode("8080"), "spec.services[0].port"),
                Arguments.of("/spec/services/0", "connect_as", F.numberNode(1), "spec.services[0].connect_as"),
                Arguments.of("/spec/services/0", "database_connection", F.textNode("n1"), "spec.services[0].database_connection"),
                Arguments.of("/spec/services/0", "orchestrator_opts", F.arrayNode(), "spec.services[0].orchestrator_opts"),
                Arguments.of("", "id", F.numberNode(42), "id"),
                Arguments.of("", "spec", F.arrayNode(), "spec"),
                Arguments.of("", "spec", F.textNode("{}"), "spec"),
                Arguments.of("", "tenant_id", F.objectNode(), "tenant_id"));
    }

    @ParameterizedTest(name = "{3} as {2}")
    @MethodSource("wrongTypes")
    void wrongTypesAtManyDepths(String parent, String field, JsonNode value, String path) {
        ObjectNode body = example();
        ((ObjectNode) body.at(parent)).set(field, value);
        assertThat(refused(body)).anySatisfy(p -> assertThat(p.path()).startsWith(path));
    }

    @Test
    void missingRequiredFields() {
        for (String[] f : new String[][] {{"/spec", "database_name"}, {"/spec", "nodes"}, {"/spec/nodes/0", "host_ids"},
                {"/spec/nodes/0", "name"}, {"/spec/services/0", "service_id"}, {"/spec/services/0", "service_type"},
                {"/spec/services/0", "version"}, {"/spec/services/0", "host_ids"}, {"/spec/services/0", "connect_as"},
                {"/spec/database_users/0", "username"}, {"", "spec"}}) {
            ObjectNode body = example();
            ((ObjectNode) body.at(f[0])).remove(f[1]);
            String parent = f[0].isEmpty() ? "" : f[0].substring(1).replace("/0", "[0]").replace('/', '.') + ".";
            assertThat(refused(body)).as(f[0] + "/" + f[1]).anySatisfy(p -> assertThat(p.path()).isEqualTo(parent + f[1]));
        }
    }

    @Test
    void oneMegabyteStrings() {
        for (String[] f : new String[][] {{"", "id"}, {"/spec", "database_name"}, {"/spec", "cpus"}, {"/spec", "memory"},
                {"/spec/nodes/0", "name"}, {"/spec/services/0", "service_id"}, {"/spec/services/0", "connect_as"},
                {"/spec/services/0", "version"}, {"/spec/database_users/0", "password"}}) {
            ObjectNode body = example();
            ((ObjectNode) body.at(f[0])).put(f[1], f[1].equals("password") ? MB + "'" : MB);
            if (f[1].equals("password")) {
                // a 1 MB password is fine for the Control Plane; break something else too
                ((ObjectNode) body.at("/spec")).put("port", -1);
            }
            refused(body);
        }
        ObjectNode body = example();
        ((ArrayNode) body.at("/spec/nodes/0/host_ids")).add(MB);
        refused(body);
        body = example();
        ((ObjectNode) body.at("/spec")).putObject("postgresql_conf").put(MB, "x").put("hba_file", MB);
        refused(body);
        body = example();
        ((ObjectNode) body.at("/spec")).putArray("pg_hba_conf").add(MB);
        assertThat(refused(body)).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("spec.pg_hba_conf[0]"));
        body = example();
        ((ObjectNode) body.at("/spec")).putObject("scripts").putArray("post_init").add("SELECT '" + MB);
        refused(body);
    }

    @Test
    void deepNestingBuiltProgrammatically() {
        for (boolean arrays : new boolean[] {false, true}) {
            ObjectNode body = example();
            ((ObjectNode) body.at("/spec")).set("nodes", deep(150, arrays));
            refused(body);
            body = example();
            ((ObjectNode) body.at("/spec/services/0")).set("config", deep(150, arrays));
            refused(body);
            body = example();
            ((ObjectNode) body.at("/spec/nodes/0")).set("host_ids", deep(150, arrays));
            refused(body);
            body = example();
            body.set("spec", deep(150, arrays));
            refused(body);
            body = example();
            ((ObjectNode) body.at("/spec")).set("database_name", deep(150, arrays));
            refused(body);
        }
    }

    @Test
    void deeperThanGoDecodes() {
        ObjectNode body = example();
        ((ObjectNode) body.at("/spec")).putObject("postgresql_conf").set("x", deep(20_000, false));
        assertThat(refused(body)).singleElement().satisfies(p -> assertThat(p.message()).contains("exceeded max depth"));
    }

    @Test
    void deepButValidWhereTheControlPlaneTakesAnything() {
        // postgresql_conf is map[string]any: any value nests, validateConfLibraries looks at one key only
        ObjectNode body = example();
        ((ObjectNode) body.at("/spec")).putObject("postgresql_conf").set("custom.setting", deep(150, false));
        assertThat(SpecValidator.validateCreate(body)).isEmpty();
    }

    @Test
    void emptyAndWrongShapedBodies() {
        refused(F.objectNode());
        refused(F.arrayNode());
        refused(F.textNode("spec"));
        refused(F.numberNode(1));
        refused(F.nullNode());
        refused(F.objectNode().set("spec", F.objectNode()));
        refused(F.objectNode().set("spec", F.nullNode()));
        assertThatCode(() -> SpecValidator.validateCreate(null)).doesNotThrowAnyException();
        assertThat(SpecValidator.validateCreate(null)).isNotEmpty();
    }

    @Test
    void arraysInsteadOfObjects() {
        ObjectNode body = example();
        ArrayNode nodes = (ArrayNode) body.at("/spec/nodes");
        nodes.set(0, F.arrayNode().add("n1").add("host-1"));
        assertThat(refused(body)).anySatisfy(p -> assertThat(p.path()).startsWith("spec.nodes[0]"));
        body = example();
        ((ArrayNode) body.at("/spec/services")).set(0, F.arrayNode());
        assertThat(refused(body)).anySatisfy(p -> assertThat(p.path()).startsWith("spec.services[0]"));
        body = example();
        ((ArrayNode) body.at("/spec/services")).add(F.nullNode());
        refused(body);
    }

    @Test
    void hostileUpdatesAndBareSpecs() {
        JsonNode current = example().get("spec");
        for (JsonNode bad : new JsonNode[] {F.objectNode(), F.arrayNode(), F.nullNode(), deep(150, false),
                F.objectNode().set("spec", deep(150, true)), F.objectNode().put("spec", MB)}) {
            assertThatCode(() -> SpecValidator.validateUpdate("storefront", current, bad)).doesNotThrowAnyException();
            assertThat(SpecValidator.validateUpdate("storefront", current, bad)).isNotEmpty();
            assertThatCode(() -> SpecValidator.validateSpec("storefront", bad)).doesNotThrowAnyException();
            assertThat(SpecValidator.validateSpec("storefront", bad)).isNotEmpty();
            // a current spec of any shape is not the caller's mistake: the update is still checked
            ObjectNode update = F.objectNode();
            update.set("spec", example().get("spec"));
            assertThatCode(() -> SpecValidator.validateUpdate(MB, bad, update)).doesNotThrowAnyException();
        }
        assertThatCode(() -> SpecValidator.validateUpdate(null, null, null)).doesNotThrowAnyException();
        assertThat(SpecValidator.validateSpec(null, null)).isNotEmpty();
    }
}
