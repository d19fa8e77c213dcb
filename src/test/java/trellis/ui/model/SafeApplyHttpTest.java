package trellis.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trellis.engine.http.RestControlPlane;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.topology.PlanChange;

/** Safe apply through the REST client against a real HTTP server that keeps the spec as the Control Plane does. */
class SafeApplyHttpTest {
    SpecServer server;
    RestControlPlane cp;
    SafeApply apply;
    DatabaseSpec file;

    @BeforeEach
    void start() throws Exception {
        file = SpecMergeTest.spec(SpecMergeTest.BASE);
        server = new SpecServer("shop", Json.toTree(file));
        cp = new RestControlPlane(server.uri());
        apply = new SafeApply(cp, "shop");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The edit a person makes: api's anon role becomes web_reader. */
    static DatabaseSpec editOf(DatabaseSpec base) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.toTree(base).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/services/0/config")).put("db_anon_role", "web_reader");
        return Json.convert(tree, DatabaseSpec.class);
    }

    @Test
    void aSpecChangedMeanwhileIsAConflictAndNothingIsSentUntilThePersonReapplies() throws Exception {
        DatabaseSpec base = cp.database("shop").spec();
        DatabaseSpec edited = editOf(base);
        JsonNode theirs = server.spec();
        ((com.fasterxml.jackson.databind.node.ObjectNode) theirs.at("/services/1")).put("version", "1.1");
        server.replace(theirs);

        SafeApply.Outcome first = apply.apply(base, edited, List.of(file), Map.of());

        assertThat(first).isInstanceOf(SafeApply.Conflict.class);
        var conflict = (SafeApply.Conflict) first;
        assertThat(conflict.theirChanges()).extracting(PlanChange::toString).containsExactly("~ 'mcp' version 1.0 → 1.1");
        assertThat(conflict.merged().overlaps()).isEmpty();
        assertThat(server.updates()).as("nothing sent over their change").isEmpty();

        SafeApply.Outcome second = apply.apply(conflict.current(), conflict.merged().spec(), List.of(file), Map.of());

        assertThat(second).isInstanceOf(SafeApply.Sent.class);
        assertThat(server.updates()).hasSize(1);
        JsonNode sent = Json.parse(server.updates().get(0)).get("spec");
        assertThat(sent.at("/services/0/config/db_anon_role").asText()).isEqualTo("web_reader");
        assertThat(sent.at("/services/1/version").asText()).isEqualTo("1.1");
        assertThat(sent.at("/database_users/0/password").asText()).isEqualTo("pw-of-app");
        assertThat(sent.at("/services/1/config/anthropic_api_key").asText()).isEqualTo("sk-test");
        assertThat(sent).isEqualTo(Json.parse(SpecMergeTest.BASE.replace("\"1.0\"", "\"1.1\"").replace("\"web_anon\"", "\"web_reader\"")));
    }

    @Test
    void aSecretNobodyKnowsIsAskedForByNameAndNeverSentBlank() throws Exception {
        DatabaseSpec base = cp.database("shop").spec();
        DatabaseSpec edited = editOf(base);

        SafeApply.Outcome asked = apply.apply(base, edited, List.of(), Map.of());

        assertThat(asked).isEqualTo(new SafeApply.SecretsNeeded(List.of(
                new MissingSecrets.Secret("app", "database_users[0].password", "Password of database user 'app'"),
                new MissingSecrets.Secret("mcp-anthropic_api_key", "services[1].config.anthropic_api_key",
                        "anthropic_api_key of service 'mcp'"))));
        assertThat(apply.apply(base, edited, List.of(), Map.of("app", "", "mcp-anthropic_api_key", "sk-new")))
                .isEqualTo(new SafeApply.SecretsNeeded(List.of(
                        new MissingSecrets.Secret("app", "database_users[0].password", "Password of database user 'app'"))));
        assertThat(server.updates()).as("never sent with a blank secret").isEmpty();

        SafeApply.Outcome sent = apply.apply(base, edited, List.of(), Map.of("app", "pw-typed", "mcp-anthropic_api_key", "sk-new"));

        assertThat(sent).isInstanceOf(SafeApply.Sent.class);
        assertThat(Json.parse(server.updates().get(0)).get("spec")).isEqualTo(Json.parse(SpecMergeTest.BASE
                .replace("pw-of-app", "pw-typed").replace("sk-test", "sk-new").replace("\"web_anon\"", "\"web_reader\"")));
    }

    @Test
    void aTaskInProgressIsSaidInWordsWithARetry() throws Exception {
        DatabaseSpec base = cp.database("shop").spec();
        server.failNext(409, "operation_already_in_progress", "database shop has a task in progress");

        assertThat(apply.apply(base, editOf(base), List.of(file), Map.of())).isEqualTo(new SafeApply.Refused(
                "Database 'shop' is busy with another task; try again when it ends. Your edit is kept: retry when that task ends.", true));
        assertThat(apply.apply(base, editOf(base), List.of(file), Map.of())).isInstanceOf(SafeApply.Sent.class);
    }

    @Test
    void aRefusedEditShowsTheServersMessageAndIsKept() throws Exception {
        DatabaseSpec base = cp.database("shop").spec();
        DatabaseSpec edited = editOf(base);
        String before = Json.write(edited);
        server.failNext(400, "invalid_input", "services[0].config.db_anon_role: role web_reader does not exist");

        assertThat(apply.apply(base, edited, List.of(file), Map.of())).isEqualTo(new SafeApply.Refused(
                "The Control Plane refused the request as invalid: services[0].config.db_anon_role: role web_reader does not exist. "
                        + "Your edit is kept: change it and apply again.", false));
        assertThat(Json.write(edited)).isEqualTo(before);
        assertThat(server.spec()).isEqualTo(Json.toTree(file));
    }
}
