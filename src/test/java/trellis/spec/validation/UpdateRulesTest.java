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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    @Test
    @DisplayName("UpdateDatabase → apiToDatabaseSpec → identToString(database_id of the path): the id must be a valid identifier")
    void theDatabaseIdOfThePathMustBeAnIdentifier() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        assertThat(SpecValidator.validateUpdate("Inventory_DB", cur, update(cur.deepCopy())))
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo("id");
                    assertThat(p.message()).contains("valid IDs must be 1-36 characters long");
                });
    }

    @Test
    @DisplayName("UpdateDatabase → apiToDatabaseSpec → identToString(tenant_id); ValidateUpdateDatabaseRequestBody: tenant_id 1-36 chars")
    void tenantIdMustBeAnIdentifier() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode body = update(cur.deepCopy());
        body.put("tenant_id", "Tenant One");
        assertThat(Specs.paths(SpecValidator.validateUpdate("inventory", cur, body))).containsExactly("tenant_id");
        body.put("tenant_id", "t".repeat(37));
        assertThat(Specs.paths(SpecValidator.validateUpdate("inventory", cur, body))).containsExactly("tenant_id");
        body.put("tenant_id", "tenant-1");
        assertThat(SpecValidator.validateUpdate("inventory", cur, body)).isEmpty();
    }

    @Test
    @DisplayName("UpdateDatabaseRequestBody has no id field: an id in the update body is ignored, the path's id counts")
    void anIdInTheUpdateBodyIsIgnored() {
        ObjectNode cur = current();
        at(cur, "/services/0/config").remove("init_token");
        ObjectNode body = update(cur.deepCopy());
        body.put("id", "Not A Valid Id");
        assertThat(SpecValidator.validateUpdate("inventory", cur, body)).isEmpty();
    }

    @Test
    @DisplayName("validateDatabaseUpdate → validateServiceSpec(isExistingService): a current spec given as a whole database object is read from its spec")
    void aWholeDatabaseObjectAsTheCurrentSpec() {
        ObjectNode database = json("{}").deepCopy();
        database.put("id", "inventory");
        database.set("spec", current());
        assertThat(Specs.paths(SpecValidator.validateUpdate("inventory", database, update(current().deepCopy()))))
                .containsExactly("spec.services[0].config.init_token");
    }

    // TestValidateDatabaseUpdate_ServiceBootstrapFields and TestValidateDatabaseUpdate_LibraryConf of validate_test.go

    private static final String MCP = "'llm_enabled':true,'llm_provider':'anthropic','llm_model':'claude-sonnet-4-5','anthropic_api_key':'sk-ant-...'";
    private static final String BOOTSTRAP = ",'init_token':'my-token','init_users':[{'username':'alice','password':'pw'}]";

    private static String mcpService(String id, String config) {
        return "{'service_id':'" + id + "','service_type':'mcp','version':'latest','host_ids':['host-1'],'connect_as':'app','config':{" + config + "}}";
    }

    static Arguments u(String name, String currentSpecFields, String newSpecFields, String... expected) {
        return Arguments.of(name, currentSpecFields, newSpecFields, List.of(expected));
    }

    static java.util.stream.Stream<Arguments> updateCases() {
        return java.util.stream.Stream.of(
                u("new service added via update-database - bootstrap fields allowed", "",
                        "'services':[" + mcpService("appmcp", MCP + BOOTSTRAP) + "]"),
                u("no existing services - bootstrap fields allowed", "'services':[]",
                        "'services':[" + mcpService("appmcp", MCP + BOOTSTRAP) + "]"),
                u("existing service updated - bootstrap fields rejected", "'services':[" + mcpService("appmcp", MCP) + "]",
                        "'services':[" + mcpService("appmcp", MCP + BOOTSTRAP) + "]",
                        "spec.services[0].config.init_token|init_token can only be set during initial provisioning",
                        "spec.services[0].config.init_users|init_users can only be set during initial provisioning"),
                u("existing service updated without bootstrap fields - no error", "'services':[" + mcpService("appmcp", MCP) + "]",
                        "'services':[" + mcpService("appmcp", MCP) + "]"),
                u("another service existed - this one is new", "'services':[" + mcpService("other", MCP) + "]",
                        "'services':[" + mcpService("other", MCP) + "," + mcpService("appmcp", MCP + BOOTSTRAP) + "]"),
                u("absent valid", "", ""),
                u("invalid spec-level conf missing spock", "", "'postgresql_conf':{'shared_preload_libraries':'pg_stat_statements'}",
                        "spec.postgresql_conf[shared_preload_libraries]|\"spock\" must be included in shared_preload_libraries"),
                u("invalid node-level conf missing spock", "",
                        "'nodes':[{'name':'n1','host_ids':['host-1'],'postgresql_conf':{'shared_preload_libraries':'pg_stat_statements'}}]",
                        "spec.nodes[0].postgresql_conf[shared_preload_libraries]|\"spock\" must be included in shared_preload_libraries"),
                u("added node copies from an existing node", "",
                        "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2'],'source_node':'n1'}]"),
                u("added node copies from another added node", "",
                        "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2']},{'name':'n3','host_ids':['host-3'],'source_node':'n2'}]",
                        "spec.nodes[2].source_node|source node must refer to an existing node"),
                u("an existing node keeps its source_node", "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2']}]",
                        "'nodes':[{'name':'n1','host_ids':['host-1']},{'name':'n2','host_ids':['host-2'],'source_node':'n1'}]"),
                u("connect_as against the update's users only", "",
                        "'database_users':[{'username':'admin','db_owner':true}],'services':[" + mcpService("appmcp", MCP) + "]",
                        "spec.services[0].connect_as|connect_as \"app\" does not match any database_users entry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateCases")
    @DisplayName("validateDatabaseUpdate (validate.go) cases of validate_test.go")
    void validateDatabaseUpdateCases(String name, String currentFields, String newFields, List<String> expected) {
        JsonNode current = ControlPlaneCasesTest.body(currentFields).get("spec");
        ObjectNode body = ControlPlaneCasesTest.body(newFields);
        body.remove("id");
        List<Problem> problems = SpecValidator.validateUpdate("test-db", current, body);
        if (expected.isEmpty()) {
            assertThat(problems).as(name).isEmpty();
            return;
        }
        for (String e : expected) {
            String path = e.substring(0, e.indexOf('|'));
            String part = e.substring(e.indexOf('|') + 1);
            assertThat(problems).as(name + ": " + e + " in " + problems)
                    .anySatisfy(p -> {
                        assertThat(p.path()).isEqualTo(path);
                        assertThat(p.message()).contains(part);
                    });
        }
    }
}
