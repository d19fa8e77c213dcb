package trellis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trellis.TestFiles;
import trellis.spec.Json;

/**
 * {@code trellis validate} on the documented examples with one rule of the reference page broken
 * at a time: exit 1 and a line that names the file and the path.
 */
class ValidateRulesCliTest {
    @TempDir
    Path dir;

    /** rule, example, JSON pointer of the object to change, field, new value (JSON; null removes it), expected path. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("serviceIdPattern", "co-located.json", "/spec/services/0", "service_id", "\"Api_1\"", "spec.services[0].service_id"),
                Arguments.of("serviceIdNoDoubleHyphen", "co-located.json", "/spec/services/0", "service_id", "\"a--b\"", "spec.services[0].service_id"),
                Arguments.of("serviceIdAtMost36", "co-located.json", "/spec/services/0", "service_id", "\"" + "a".repeat(37) + "\"", "spec.services[0].service_id"),
                Arguments.of("databaseIdPattern", "co-located.json", "", "id", "\"Store_Front\"", "id"),
                Arguments.of("databaseNameAtMost31", "co-located.json", "/spec", "database_name", "\"" + "d".repeat(32) + "\"", "spec.database_name"),
                Arguments.of("serviceTypeEnum", "co-located.json", "/spec/services/0", "service_type", "\"grafana\"", "spec.services[0].service_type"),
                Arguments.of("versionFormat", "co-located.json", "/spec/services/0", "version", "\"v14\"", "spec.services[0].version"),
                Arguments.of("hostIdsNonEmpty", "co-located.json", "/spec/services/0", "host_ids", "[]", "spec.services[0].host_ids"),
                Arguments.of("hostIdsUnique", "multiple-instances.json", "/spec/services/0", "host_ids", "[\"host-1\",\"host-1\"]", "spec.services[0].host_ids[1]"),
                Arguments.of("connectAsIsADatabaseUser", "co-located.json", "/spec/services/0", "connect_as", "\"ap\"", "spec.services[0].connect_as"),
                Arguments.of("connectAsRequired", "co-located.json", "/spec/services/0", "connect_as", null, "spec.services[0].connect_as"),
                Arguments.of("portRange", "co-located.json", "/spec/services/0", "port", "70000", "spec.services[0].port"),
                Arguments.of("nodeNamePattern", "co-located.json", "/spec/nodes/0", "name", "\"primary\"", "spec.nodes[0].name"),
                Arguments.of("cpusFormat", "co-located.json", "/spec/services/0", "cpus", "\"two\"", "spec.services[0].cpus"),
                Arguments.of("memoryFormat", "co-located.json", "/spec/services/0", "memory", "\"lots\"", "spec.services[0].memory"),
                Arguments.of("targetNodesExist", "co-located.json", "/spec/services/0", "database_connection", "{\"target_nodes\":[\"n9\"]}", "spec.services[0].database_connection.target_nodes[0]"),
                Arguments.of("postgrestAnonRoleRequired", "co-located.json", "/spec/services/0/config", "db_anon_role", null, "spec.services[0].config.db_anon_role"),
                Arguments.of("postgrestDbPoolRange", "co-located.json", "/spec/services/0/config", "db_pool", "31", "spec.services[0].config.db_pool"),
                Arguments.of("postgrestMaxRowsRange", "co-located.json", "/spec/services/0/config", "max_rows", "0", "spec.services[0].config.max_rows"),
                Arguments.of("postgrestJwtSecretLength", "co-located.json", "/spec/services/0/config", "jwt_secret", "\"short\"", "spec.services[0].config.jwt_secret"),
                Arguments.of("postgrestUnknownKey", "co-located.json", "/spec/services/0/config", "db_uri", "\"x\"", "spec.services[0].config.db_uri"),
                Arguments.of("mcpProviderEnum", "separate-host.json", "/spec/services/0/config", "llm_provider", "\"gemini\"", "spec.services[0].config.llm_provider"),
                Arguments.of("mcpProviderKeyRequired", "separate-host.json", "/spec/services/0/config", "anthropic_api_key", null, "spec.services[0].config.anthropic_api_key"),
                Arguments.of("mcpLlmFieldsNeedLlmEnabled", "separate-host.json", "/spec/services/0/config", "llm_enabled", "false", "spec.services[0].config.llm_provider"),
                Arguments.of("ragNeedsPipelines", "separate-host.json", "/spec/services/0", "service_type", "\"rag\"", "spec.services[0].config"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void brokenRuleExitsOneWithThePath(String rule, String example, String pointer, String field, String value, String path)
            throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(TestFiles.example(example).toFile());
        ObjectNode target = pointer.isEmpty() ? tree : (ObjectNode) tree.at(pointer);
        if (value == null) {
            target.remove(field);
        } else {
            target.set(field, Json.parse(value));
        }
        Path file = dir.resolve(rule + ".json");
        Files.writeString(file, Json.write(tree));
        CliTest.Run r = CliTest.run("validate", file.toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out().lines()).as(r.out()).anySatisfy(l -> assertThat(l).startsWith(file + ": " + path));
    }
}
