package trellis.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;

/** The grants and revokes the review says an apply runs, as the engine's PostgrestGrants runs them. */
class RoleGrantsTest {
    private static DatabaseSpec spec(String file) throws Exception {
        return TopologyBuilderTest.example(file).spec();
    }

    private static DatabaseSpec edit(DatabaseSpec s, String pointer, String field, String value) {
        ObjectNode tree = (ObjectNode) Json.toTree(s).deepCopy();
        ((ObjectNode) tree.at(pointer)).put(field, value);
        return Json.convert(tree, DatabaseSpec.class);
    }

    private static List<String> texts(DatabaseSpec a, DatabaseSpec b) {
        return RoleGrants.between(a, b, "storefront").stream().map(RoleGrants.Grant::text).toList();
    }

    @Test
    void aNewPostgrestServiceGetsTheThreeStatementsOnEveryNode() throws Exception {
        DatabaseSpec after = spec("co-located.json");
        ObjectNode none = (ObjectNode) Json.toTree(after).deepCopy();
        none.putArray("services");
        assertThat(texts(Json.convert(none, DatabaseSpec.class), after)).containsExactly(
                "+ ALTER ROLE app WITH NOINHERIT   (api, on the primary of n1)",
                "+ GRANT CONNECT ON DATABASE storefront TO app   (api, on the primary of n1)",
                "+ GRANT web_anon TO app   (api, on the primary of n1)");
    }

    @Test
    void changingTheAnonRoleRevokesTheOldOneFirst() throws Exception {
        DatabaseSpec a = spec("co-located.json");
        DatabaseSpec b = edit(a, "/services/0/config", "db_anon_role", "Web Reader");
        assertThat(texts(a, b)).containsExactly(
                "- REVOKE web_anon FROM app   (api, on the primary of n1)",
                "+ ALTER ROLE app WITH NOINHERIT   (api, on the primary of n1)",
                "+ GRANT CONNECT ON DATABASE storefront TO app   (api, on the primary of n1)",
                "+ GRANT \"Web Reader\" TO app   (api, on the primary of n1)");
    }

    @Test
    void anUnchangedServiceOrAnotherTypeRunsNothing() throws Exception {
        DatabaseSpec a = spec("multiple-instances.json");
        assertThat(texts(a, a)).isEmpty();
        DatabaseSpec mcp = spec("separate-host.json");
        assertThat(texts(mcp, edit(mcp, "/services/0", "version", "latest"))).isEmpty();
    }

    @Test
    void anonRolesAreListedOnce() throws Exception {
        assertThat(RoleGrants.anonRoles(spec("multiple-instances.json"))).containsExactly("web_anon");
        assertThat(RoleGrants.anonRoles(spec("separate-host.json"))).isEmpty();
    }
}
