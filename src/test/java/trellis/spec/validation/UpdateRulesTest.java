package trellis.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.spec.validation.Specs.arr;
import static trellis.spec.validation.Specs.at;
import static trellis.spec.validation.Specs.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules the Control Plane applies to POST /v1/databases/{id} with the stored spec in hand.
 * Each display name names the place in pgEdge/control-plane (c0ce2e81) that the rule mirrors.
 */
class UpdateRulesTest {
    /** The separate-host example, with the MCP service's create-only token, as first created. */
    private static ObjectNode current() {
        ObjectNode body = Specs.example("separate-host.json");
        at(body, "/spec/services/0/config").put("init_token", "bootstrap-token");
        return (ObjectNode) body.get("spec");
    }

    private static ObjectNode update(ObjectNode spec) {
        ObjectNode body = json("{}").deepCopy();
        body.set("spec", spec);
        return body;
    }

    private static List<Problem> check(JsonNode current, ObjectNode newSpec) {
        return SpecValidator.validateUpdate("inventory", current, update(newSpec));
    }

    @Test
    @DisplayName("validateDatabaseUpdate → validateServiceSpec(isUpdate=true) → ParseMCPServiceConfig: init_token refused for an existing service")
    void initTokenRefusedForAnExistingService() {
        ObjectNode next = current().deepCopy();
        assertThat(check(current(), next)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("spec.services[0].config.init_token");
            assertThat(p.message()).contains("only be set during initial provisioning");
        });
    }

    @Test
    @DisplayName("validateDatabaseUpdate → validateServiceSpec(isUpdate=true) → parseInitUsers: init_users refused for an existing service")
    void initUsersRefusedForAnExistingService() {
        ObjectNode next = current().deepCopy();
        at(next, "/services/0/config").remove("init_token");
        at(next, "/services/0/config").set("init_users", json("[{\"username\":\"ops\",\"password\":\"p\"}]"));
        assertThat(Specs.paths(check(current(), next))).containsExactly("spec.services[0].config.init_users");
    }

    @Test
    @DisplayName("validateDatabaseUpdate: existingServiceIDs — a service the update adds may carry init_token and init_users")
    void initTokenAllowedForAServiceTheUpdateAdds() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode next = cur.deepCopy();
        ObjectNode added = at(next, "/services/0").deepCopy();
        added.put("service_id", "mcp-2");
        at(added, "/config").put("init_token", "t");
        at(added, "/config").set("init_users", json("[{\"username\":\"ops\",\"password\":\"p\"}]"));
        arr(next, "/services").add(added);
        assertThat(check(cur, next)).isEmpty();
    }

    @Test
    @DisplayName("validateDatabaseUpdate: without init_token the existing service updates cleanly")
    void anExistingServiceWithoutCreateOnlyKeysIsFine() {
        ObjectNode next = current().deepCopy();
        at(next, "/services/0/config").remove("init_token");
        at(next, "/services/0").put("version", "1.1.0");
        assertThat(check(current(), next)).isEmpty();
    }

    @Test
    @DisplayName("validateDatabaseUpdate → validateServiceSpec(dbUsers = new.DatabaseUsers): connect_as checked against the update's own users")
    void connectAsCheckedAgainstTheUpdatesUsers() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode next = cur.deepCopy();
        next.remove("database_users");
        assertThat(check(cur, next)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.path()).isEqualTo("spec.services[0].connect_as"));
    }

    @Test
    @DisplayName("validateDatabaseUpdate: source_node of a node added by the update must name a node of the current spec")
    void aNewNodeMustCopyFromAnExistingNode() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode next = cur.deepCopy();
        arr(next, "/nodes").add(json("{\"name\":\"n3\",\"host_ids\":[\"host-4\"]}"));
        arr(next, "/nodes").add(json("{\"name\":\"n4\",\"host_ids\":[\"host-5\"],\"source_node\":\"n3\"}"));
        assertThat(check(cur, next)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("spec.nodes[3].source_node");
            assertThat(p.message()).contains("existing node");
        });
        ObjectNode ok = cur.deepCopy();
        arr(ok, "/nodes").add(json("{\"name\":\"n3\",\"host_ids\":[\"host-4\"],\"source_node\":\"n1\"}"));
        assertThat(check(cur, ok)).isEmpty();
    }

    @Test
    @DisplayName("UpdateDatabase → apiToDatabaseSpec → validateDatabaseSpec: the create rules hold on update too")
    void theCreateRulesHoldOnUpdate() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode next = cur.deepCopy();
        at(next, "/services/0").put("service_id", "MCP");
        assertThat(Specs.paths(check(cur, next))).contains("spec.services[0].service_id");
    }

    @Test
    @DisplayName("validateServiceSpec: the 53 characters count the database id of the path")
    void theDatabaseIdOfTheUpdateCountsTowardThe53() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode next = cur.deepCopy();
        at(next, "/services/0").put("service_id", "s".repeat(36));
        assertThat(SpecValidator.validateUpdate("d".repeat(18), cur, update(next))).isNotEmpty();
        assertThat(SpecValidator.validateUpdate("d".repeat(17), cur, update(next))).isEmpty();
    }

    @Test
    @DisplayName("validateDatabaseUpdate → validateConfLibraries: shared_preload_libraries must keep spock on every node")
    void sharedPreloadLibrariesOnANode() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode next = cur.deepCopy();
        at(next, "/nodes/1").set("postgresql_conf", json("{\"shared_preload_libraries\":\"pg_cron\"}"));
        assertThat(Specs.paths(check(cur, next))).contains("spec.nodes[1].postgresql_conf[shared_preload_libraries]");
    }

    @Test
    @DisplayName("without the current spec, the rules that need it are skipped and named")
    void withoutTheCurrentSpec() {
        ObjectNode next = current().deepCopy();
        assertThat(SpecValidator.validateUpdate("inventory", null, update(next))).isEmpty();
        assertThat(SpecValidator.rulesNeedingCurrentSpec()).hasSize(2);
    }

    @Test
    @DisplayName("ValidateUpdateDatabaseRequestBody: spec is required")
    void specIsRequired() {
        assertThat(SpecValidator.validateUpdate("inventory", current(), json("{}").deepCopy()))
                .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("spec"));
    }
}
