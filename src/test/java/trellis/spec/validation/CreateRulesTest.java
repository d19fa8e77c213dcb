package trellis.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.spec.validation.Specs.arr;
import static trellis.spec.validation.Specs.at;
import static trellis.spec.validation.Specs.colocated;
import static trellis.spec.validation.Specs.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trellis.TestFiles;
import trellis.spec.Json;

/**
 * One test per rule the Control Plane enforces on a create body: each starts from a valid
 * example, breaks exactly that rule, and checks the path a person is sent to.
 */
class CreateRulesTest {
    private static List<Problem> check(JsonNode body) {
        return SpecValidator.validateCreate(body);
    }

    private static void assertOnly(JsonNode body, String path, String messagePart) {
        List<Problem> problems = check(body);
        assertThat(problems).as(problems.toString()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.path()).isEqualTo(path));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains(messagePart));
    }

    private static void assertValid(JsonNode body) {
        assertThat(check(body)).isEmpty();
    }

    @Test
    void theThreeExamplesAreValid() throws Exception {
        for (var f : TestFiles.examples()) {
            assertThat(check(Json.MAPPER.readTree(f.toFile()))).as(f.toString()).isEmpty();
        }
    }

    @Test
    void specIsRequired() {
        assertOnly(json("{\"id\":\"db\"}"), "spec", "required");
    }

    @Test
    void databaseNameIsRequired() {
        assertOnly(colocated(b -> at(b, "/spec").remove("database_name")), "spec.database_name", "required");
    }

    @Test
    void databaseNameAtMost31Chars() {
        assertOnly(colocated(b -> at(b, "/spec").put("database_name", "d".repeat(32))), "spec.database_name", "31");
    }

    @Test
    void databaseIdMustBeAValidIdentifier() {
        assertOnly(colocated(b -> b.put("id", "Store_Front")), "id", "valid IDs");
    }

    @Test
    void databaseIdAtMost36Chars() {
        assertOnly(colocated(b -> b.put("id", "a".repeat(37))), "id", "36");
    }

    @Test
    void nodesAtLeastOne() {
        assertOnly(colocated(b -> arr(b, "/spec/nodes").removeAll()), "spec.nodes", "1");
    }

    @Test
    void nodeNameMustLookLikeN1() {
        assertOnly(colocated(b -> at(b, "/spec/nodes/0").put("name", "node-a")), "spec.nodes[0].name", "n[0-9]+");
    }

    @Test
    void nodeNamesMustBeUnique() {
        ObjectNode body = colocated(b -> arr(b, "/spec/nodes").add(json("{\"name\":\"n1\",\"host_ids\":[\"host-2\"]}")));
        assertOnly(body, "spec.nodes[1]", "node names must be unique");
    }

    @Test
    void nodeHostIdsMustBeIdentifiers() {
        assertOnly(colocated(b -> arr(b, "/spec/nodes/0/host_ids").set(0, json("\"Host_1\""))), "spec.nodes[0].host_ids[0]", "valid IDs");
    }

    @Test
    void nodeHostIdsMustBeUnique() {
        assertOnly(colocated(b -> arr(b, "/spec/nodes/0/host_ids").add("host-1")), "spec.nodes[0].host_ids[1]", "unique within a node");
    }

    @Test
    void usernamesMustBeUnique() {
        assertOnly(colocated(b -> arr(b, "/spec/database_users").add(json("{\"username\":\"app\",\"password\":\"x\"}"))),
                "spec.database_users[2]", "usernames must be unique");
    }

    @Test
    void onlyOneDbOwner() {
        assertOnly(colocated(b -> at(b, "/spec/database_users/1").put("db_owner", true)), "spec.database_users[1]", "db_owner");
    }

    @Test
    void serviceIdMustMatchIdentifierPattern() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("service_id", "API")), "spec.services[0].service_id", "valid IDs");
    }

    @Test
    void serviceIdMustNotHaveDoubleHyphen() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("service_id", "my--api")), "spec.services[0].service_id", "two consecutive hyphens");
    }

    @Test
    void serviceIdAtMost36Chars() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("service_id", "a".repeat(37))), "spec.services[0].service_id", "36");
    }

    @Test
    void serviceIdsMustBeUnique() {
        ObjectNode body = colocated(b -> {
            JsonNode copy = b.at("/spec/services/0").deepCopy();
            ((ObjectNode) copy).put("port", 0);
            arr(b, "/spec/services").add(copy);
        });
        assertOnly(body, "spec.services[1]", "service IDs must be unique");
    }

    @Test
    void databaseAndServiceIdAtMost53Chars() {
        ObjectNode body = colocated(b -> {
            b.put("id", "d".repeat(30));
            at(b, "/spec/services/0").put("service_id", "s".repeat(24));
        });
        assertOnly(body, "spec.services[0].service_id", "53");
        ObjectNode exactly = colocated(b -> {
            b.put("id", "d".repeat(30));
            at(b, "/spec/services/0").put("service_id", "s".repeat(23));
        });
        assertValid(exactly);
    }

    @Test
    @DisplayName("without an id the Control Plane makes a 36-character UUID, which counts toward the 53")
    void generatedIdCountsTowardTheLimit() {
        assertOnly(colocated(b -> {
            b.remove("id");
            at(b, "/spec/services/0").put("service_id", "s".repeat(18));
        }), "spec.services[0].service_id", "53");
    }

    @Test
    void serviceTypeMustBeKnown() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("service_type", "grafana")), "spec.services[0].service_type", "mcp");
    }

    @Test
    void versionMustBeSemverOrLatest() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("version", "14")), "spec.services[0].version", "");
        assertValid(colocated(b -> at(b, "/spec/services/0").put("version", "latest")));
        assertValid(colocated(b -> at(b, "/spec/services/0").put("version", "14.5.1")));
    }

    @Test
    void hostIdsMustNotBeEmpty() {
        assertOnly(colocated(b -> arr(b, "/spec/services/0/host_ids").removeAll()), "spec.services[0].host_ids", "");
    }

    @Test
    void hostIdsMustBeUnique() {
        assertOnly(colocated(b -> arr(b, "/spec/services/0/host_ids").add("host-1")), "spec.services[0].host_ids[1]", "unique within a service");
    }

    @Test
    void serviceHostIdsMustBeIdentifiers() {
        assertOnly(colocated(b -> arr(b, "/spec/services/0/host_ids").set(0, json("\"host 1\""))), "spec.services[0].host_ids[0]", "valid IDs");
    }

    @Test
    void connectAsIsRequired() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").remove("connect_as")), "spec.services[0].connect_as", "required");
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("connect_as", "")), "spec.services[0].connect_as", "required");
    }

    @Test
    void connectAsMustNameADatabaseUser() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("connect_as", "ap")), "spec.services[0].connect_as",
                "connect_as \"ap\" does not match any database_users entry (known: admin, app)");
    }

    @Test
    void connectAsWithoutDatabaseUsers() {
        assertOnly(colocated(b -> at(b, "/spec").remove("database_users")), "spec.services[0].connect_as", "no database_users");
    }

    @Test
    void portRange() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("port", 65536)), "spec.services[0].port", "65535");
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("port", -1)), "spec.services[0].port", "0");
    }

    @Test
    void publishedPortsMustNotClashOnAHost() {
        ObjectNode body = colocated(b -> {
            at(b, "/spec/services/0").put("port", 3000);
            ObjectNode mcp = (ObjectNode) Specs.example("separate-host.json").at("/spec/services/0").deepCopy();
            mcp.put("port", 3000);
            mcp.set("host_ids", json("[\"host-1\"]"));
            arr(b, "/spec/services").add(mcp);
        });
        List<Problem> problems = check(body);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.services[1].port");
            assertThat(p.message()).contains("duplicate ports allocated on host 'host-1': must be unique: '3000' duplicated in: "
                    + "services[0].port, services[1].port");
        });
    }

    @Test
    void aServicePortMustNotClashWithPostgres() {
        ObjectNode body = colocated(b -> {
            at(b, "/spec").put("port", 5432);
            at(b, "/spec/services/0").put("port", 5432);
        });
        assertThat(check(body)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.services[0].port");
            assertThat(p.message()).contains("'5432' duplicated in: nodes[0].port, services[0].port");
        });
    }

    @Test
    void portZeroOrNoPortNeverClashes() {
        assertValid(colocated(b -> {
            ObjectNode copy = (ObjectNode) b.at("/spec/services/0").deepCopy();
            copy.put("service_id", "api2");
            copy.put("port", 0);
            arr(b, "/spec/services").add(copy);
        }));
        assertValid(colocated(b -> at(b, "/spec/services/0").remove("port")));
    }

    @Test
    void samePortOnDifferentHostsIsFine() {
        assertValid(Specs.example("multiple-instances.json").deepCopy().put("id", "catalog"));
        ObjectNode body = Specs.example("separate-host.json");
        at(body, "/spec/services/0").put("port", 5432);
        at(body, "/spec").put("port", 5432);
        assertValid(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500m", "1", "1.5", "0.001", "2.125", "0"})
    void cpusFormatAccepted(String cpus) {
        assertValid(colocated(b -> at(b, "/spec/services/0").put("cpus", cpus)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2345", "abc", "1.5m", "-1", "1 ", "0.5c"})
    void cpusFormat(String cpus) {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("cpus", cpus)), "spec.services[0].cpus", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"512M", "1GiB", "2GB", "1024", "1.5Gi", "512 MiB", "1,024K", "64kb"})
    void memoryFormatAccepted(String memory) {
        assertValid(colocated(b -> at(b, "/spec/services/0").put("memory", memory)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "1XB", "-1G", "1e3", "12345678901234567"})
    void memoryFormat(String memory) {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("memory", memory)), "spec.services[0].memory", "");
    }

    @Test
    void targetNodesMustExist() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").set("database_connection", json("{\"target_nodes\":[\"n9\"]}"))),
                "spec.services[0].database_connection.target_nodes[0]", "node \"n9\" does not exist");
    }

    @Test
    void targetNodesMustNotRepeat() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").set("database_connection", json("{\"target_nodes\":[\"n1\",\"n1\"]}"))),
                "spec.services[0].database_connection.target_nodes[1]", "duplicate node name");
    }

    @Test
    void targetSessionAttrsEnum() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").set("database_connection", json("{\"target_session_attrs\":\"primary-ish\"}"))),
                "spec.services[0].database_connection.target_session_attrs", "");
        assertValid(colocated(b -> at(b, "/spec/services/0").set("database_connection",
                json("{\"target_nodes\":[\"n1\"],\"target_session_attrs\":\"prefer-standby\"}"))));
    }

    @Test
    void mcpAllowWritesNeedsAWritableSession() {
        ObjectNode body = Specs.example("separate-host.json");
        at(body, "/spec/services/0/config").put("allow_writes", true);
        at(body, "/spec/services/0").set("database_connection", json("{\"target_session_attrs\":\"standby\"}"));
        assertOnly(body, "spec.services[0].database_connection.target_session_attrs", "allow_writes requires");
        at(body, "/spec/services/0").set("database_connection", json("{\"target_session_attrs\":\"read-write\"}"));
        assertValid(body);
    }

    @Test
    void reservedLabelsAreRefused() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").set("orchestrator_opts",
                json("{\"swarm\":{\"extra_labels\":{\"pgedge.role\":\"x\"}}}"))), "spec.services[0].orchestrator_opts.swarm.extra_labels[pgedge.role]", "reserved");
    }

    @Test
    void servicesCannotMountExtraVolumes() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").set("orchestrator_opts",
                json("{\"swarm\":{\"extra_volumes\":[{\"host_path\":\"/a\",\"destination_path\":\"/b\"}]}}"))),
                "spec.services[0].orchestrator_opts.swarm.extra_volumes", "not supported for services");
    }

    @Test
    void sharedPreloadLibrariesMustKeepSpock() {
        assertOnly(colocated(b -> at(b, "/spec").set("postgresql_conf", json("{\"shared_preload_libraries\":\"pg_stat_statements\"}"))),
                "spec.postgresql_conf[shared_preload_libraries]", "spock");
        assertValid(colocated(b -> at(b, "/spec").set("postgresql_conf", json("{\"shared_preload_libraries\":\"pg_stat_statements, spock\"}"))));
    }

    @Test
    @DisplayName("ValidateDatabaseSpecRequestBody: postgresql_conf holds at most 64 settings (Goa checks len(map))")
    void postgresqlConfAtMost64Settings() {
        ObjectNode conf = (ObjectNode) json("{}").deepCopy();
        for (int i = 0; i < 65; i++) {
            conf.put("work_mem_" + i, "4MB");
        }
        assertOnly(colocated(b -> at(b, "/spec").set("postgresql_conf", conf)), "spec.postgresql_conf", "");
        conf.remove("work_mem_0");
        assertValid(colocated(b -> at(b, "/spec").set("postgresql_conf", conf)));
    }

    @Test
    void hbaFileOverrideIsRefused() {
        assertOnly(colocated(b -> at(b, "/spec").set("postgresql_conf", json("{\"hba_file\":\"/etc/hba\"}"))),
                "spec.postgresql_conf[hba_file]", "not allowed");
    }

    @Test
    void pgHbaEntriesMustParse() {
        assertOnly(colocated(b -> at(b, "/spec").set("pg_hba_conf", json("[\"# comment\", \"host all all\"]"))),
                "spec.pg_hba_conf[1]", "requires database, user, address");
        assertValid(colocated(b -> at(b, "/spec").set("pg_hba_conf", json("[\"host all all 10.0.0.0/8 scram-sha-256\"]"))));
    }

    @Test
    void sourceNodeMustExist() {
        ObjectNode body = colocated(b -> arr(b, "/spec/nodes").add(json("{\"name\":\"n2\",\"host_ids\":[\"host-2\"],\"source_node\":\"n7\"}")));
        assertOnly(body, "spec.nodes[1].source_node", "source node does not exist");
    }

    @Test
    void aNodeCannotBeItsOwnSource() {
        assertThat(Specs.paths(check(colocated(b -> at(b, "/spec/nodes/0").put("source_node", "n1")))))
                .contains("spec.nodes[0].source_node");
    }

    @Test
    void backupRepositoryNeedsItsBucket() {
        assertOnly(colocated(b -> at(b, "/spec").set("backup_config", json("{\"repositories\":[{\"type\":\"s3\"}]}"))),
                "spec.backup_config.repositories[0].s3_bucket", "s3_bucket is required");
    }

    @Test
    void wrongTypesAreProblemsNotExceptions() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("port", "80")), "spec.services[0].port", "");
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("host_ids", "host-1")), "spec.services[0].host_ids", "");
        assertOnly(colocated(b -> at(b, "/spec").put("nodes", 3)), "spec.nodes", "");
    }

    @Test
    @DisplayName("a JSON null is the same as no field, as Go decodes it")
    void nullIsAbsent() {
        assertValid(colocated(b -> at(b, "/spec/services/0").putNull("port")));
        assertOnly(colocated(b -> at(b, "/spec/services/0").putNull("connect_as")), "spec.services[0].connect_as", "required");
    }

    @Test
    @DisplayName("Go's regexp $ is the end of the text: a trailing newline is not a version or a cpus value")
    void patternsEndAtTheEndOfTheText() {
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("version", "1.0\n")), "spec.services[0].version", "");
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("cpus", "1\n")), "spec.services[0].cpus", "");
    }

    @Test
    @DisplayName("Go's encoding/json matches keys to fields ignoring case, as Goa decodes the body")
    void keysMatchFieldsIgnoringCase() {
        assertValid(colocated(b -> b.set("Spec", b.remove("spec"))));
        assertValid(colocated(b -> at(b, "/spec/services/0").set("Service_ID", at(b, "/spec/services/0").remove("service_id"))));
        assertOnly(colocated(b -> at(b, "/spec/services/0").put("CONNECT_AS", "ap").remove("connect_as")),
                "spec.services[0].connect_as", "\"ap\"");
    }

    @Test
    void bareSpecPathsHaveNoPrefix() {
        JsonNode spec = colocated(b -> at(b, "/spec/services/0").put("connect_as", "ap")).get("spec");
        assertThat(SpecValidator.validateSpec("storefront", spec)).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("services[0].connect_as"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE ROLE", "SELECT 1; SELECT 2", "ALTER DEFAULT PRIVILEGS FOR ROLE admin GRANT ALL ON TABLES TO app",
            "SELEC 1", "SELECT 'unterminated", "SELECT (1", "-- only a comment", "GRANT SELEC ON t TO app", "GRANT ALL ON t"})
    @DisplayName("validateScripts → validateSQLStatement: each entry is exactly one statement that parses (approximated)")
    void scriptsMustParseAsOneStatement(String sql) {
        assertOnly(colocated(b -> at(b, "/spec").putObject("scripts").putArray("post_database_create").add("SELECT 1").add(sql)),
                "spec.scripts.post_database_create[1]", "failed to parse SQL statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE ROLE pgedge_superuser NOLOGIN", "SELECT 1;", "GRANT web_anon TO app",
            "ALTER DEFAULT PRIVILEGES FOR ROLE admin IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO app",
            "CREATE EXTENSION IF NOT EXISTS vector", "DO $$ BEGIN PERFORM 1; END $$", "CREATE TABLE t (id int primary key, note text DEFAULT ';')"})
    void scriptsThatParse(String sql) {
        assertValid(colocated(b -> at(b, "/spec").putObject("scripts").putArray("post_init").add(sql)));
    }

    @Test
    @DisplayName("ValidateDatabaseScriptsRequestBody: an empty statement is refused by Goa (minLength 1)")
    void scriptEntriesAreNotEmpty() {
        assertOnly(colocated(b -> at(b, "/spec").putObject("scripts").putArray("post_init").add("")), "spec.scripts.post_init[0]", "");
    }
}
