package trellis.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;

class PlanTest {
    private static DatabaseSpec spec(String file) throws Exception {
        return TopologyBuilderTest.example(file).spec();
    }

    private static DatabaseSpec edit(DatabaseSpec s, String pointer, String field, String value) {
        ObjectNode tree = (ObjectNode) Json.toTree(s).deepCopy();
        ((ObjectNode) tree.at(pointer)).put(field, value);
        return Json.convert(tree, DatabaseSpec.class);
    }

    private static List<String> lines(DatabaseSpec a, DatabaseSpec b) {
        return Plan.between(a, b).stream().map(PlanChange::toString).toList();
    }

    @Test
    void coLocatedToMultipleInstancesAddsTheInstanceOnHost2() throws Exception {
        List<PlanChange> plan = Plan.between(spec("co-located.json"), spec("multiple-instances.json"));
        assertThat(plan).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(PlanChange.Kind.INSTANCE_ADDED);
            assertThat(c.hostId()).isEqualTo("host-2");
            assertThat(c.text()).isEqualTo("add instance of 'api' on host-2");
        });
        assertThat(plan).noneMatch(c -> c.kind() == PlanChange.Kind.INSTANCE_REMOVED);
    }

    @Test
    void oneHostGivenUpForAnotherIsSaidAsAMoveAndAnyOtherGainOrLossApart() throws Exception {
        DatabaseSpec a = spec("multiple-instances.json");
        DatabaseSpec moved = InstanceEdits.move(a, "api", "host-1", "host-3");
        List<PlanChange> plan = Plan.between(a, moved);
        assertThat(plan).containsExactly(new PlanChange(PlanChange.Kind.INSTANCE_MOVED, "api", "host-3",
                "move 'api' from host-1 to host-3"));
        assertThat(plan.get(0).toString()).isEqualTo("~ move 'api' from host-1 to host-3");
        // moved and another added: which lost host went where is not the spec's to say
        assertThat(lines(a, InstanceEdits.add(moved, "api", "host-4"))).containsExactly(
                "+ add instance of 'api' on host-3", "+ add instance of 'api' on host-4", "- remove instance of 'api' from host-1");
    }

    @Test
    void changingTheAnonRoleGrantsTheNewAndRevokesTheOld() throws Exception {
        DatabaseSpec a = spec("co-located.json");
        DatabaseSpec b = edit(a, "/services/0/config", "db_anon_role", "web_reader");
        assertThat(lines(a, b)).containsExactly(
                "~ 'api' config db_anon_role web_anon → web_reader",
                "+ GRANT web_reader TO app  -- for 'api', on every primary",
                "- REVOKE web_anon FROM app  -- old anon role of 'api', on every primary");
    }

    @Test
    void aNewPostgrestServiceBringsItsGrants() throws Exception {
        DatabaseSpec a = spec("separate-host.json");
        ObjectNode tree = (ObjectNode) Json.toTree(a).deepCopy();
        tree.withArray("/services").add(Json.toTree(spec("co-located.json").services().get(0)));
        List<String> plan = lines(a, Json.convert(tree, DatabaseSpec.class));
        assertThat(plan).contains(
                "+ add service 'api' (postgrest 14.5) as app on host-1",
                "+ add instance of 'api' on host-1",
                "+ ALTER ROLE app NOINHERIT  -- for 'api', on every primary",
                "+ GRANT CONNECT ON DATABASE inventory TO app  -- for 'api', on every primary",
                "+ GRANT web_anon TO app  -- for 'api', on every primary");
    }

    @Test
    void aSecretChangeIsShownWithoutItsValue() throws Exception {
        DatabaseSpec a = spec("separate-host.json");
        DatabaseSpec b = edit(a, "/services/0/config", "anthropic_api_key", "sk-ant-NEW");
        List<String> plan = lines(a, b);
        assertThat(plan).containsExactly("~ 'mcp' config anthropic_api_key changed (secret)");
        assertThat(String.join("\n", plan)).doesNotContain("sk-ant");
        DatabaseSpec c = edit(a, "/database_users/1", "password", "other");
        assertThat(lines(a, c)).containsExactly("~ user app password changed (secret)");
    }

    @Test
    void removingAServiceSaysTheUserStays() throws Exception {
        DatabaseSpec a = spec("co-located.json");
        ObjectNode tree = (ObjectNode) Json.toTree(a).deepCopy();
        tree.withArray("/services").removeAll();
        assertThat(lines(a, Json.convert(tree, DatabaseSpec.class)))
                .containsExactly("- remove service 'api': its 1 instance is deleted; user 'app' and its grants stay");
    }

    @Test
    void versionConnectAsAndPortChangesAreNamed() throws Exception {
        DatabaseSpec a = spec("co-located.json");
        DatabaseSpec b = edit(edit(a, "/services/0", "version", "14.6"), "/services/0", "connect_as", "admin");
        ObjectNode tree = (ObjectNode) Json.toTree(b).deepCopy();
        ((ObjectNode) tree.at("/services/0")).put("port", 3100);
        List<String> plan = lines(a, Json.convert(tree, DatabaseSpec.class));
        assertThat(plan).contains("~ 'api' version 14.5 → 14.6",
                "~ 'api' connect_as app → admin (user 'app' keeps its grants)",
                "~ 'api' port 0 → 3100",
                "+ GRANT web_anon TO admin  -- for 'api', on every primary");
    }

    @Test
    void sameSpecHasNoChanges() throws Exception {
        assertThat(Plan.between(spec("co-located.json"), spec("co-located.json"))).isEmpty();
    }

    @Test
    void quotingFollowsPostgres() {
        assertThat(Plan.quoteIdent("app")).isEqualTo("app");
        assertThat(Plan.quoteIdent("App")).isEqualTo("\"App\"");
        assertThat(Plan.quoteIdent("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
