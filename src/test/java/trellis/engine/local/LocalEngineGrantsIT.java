package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;

/** The local engine applies PostgREST's grants on the node's real PostgreSQL as it deploys. */
class LocalEngineGrantsIT {
    static EmbeddedPostgres pg;
    static DockerClient docker;
    LocalEngine engine;

    @BeforeAll
    static void start() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE storefront");
            st.execute("CREATE ROLE app LOGIN");
            st.execute("CREATE ROLE web_anon NOLOGIN");
            st.execute("CREATE ROLE web_reader NOLOGIN");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @AfterEach
    void cleanUp() {
        LocalEngineTesting.removeContainers(docker, "storefront");
        if (engine != null) {
            engine.close();
        }
    }

    private boolean member(String role) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_has_role('app', '" + role + "', 'MEMBER')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void deployGrantsChangeRevokesRemovalKeepsTheUser() throws Exception {
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
        engine.attachNode("n1", new trellis.engine.local.nodes.NodeConnection(pg.getJdbcUrl("postgres", "storefront"), "postgres", ""));
        CreateDatabaseRequest req = Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class);

        Task created = LocalEngineTesting.finish(engine, engine.createDatabase(req));
        assertThat(created.status()).as(String.valueOf(created.error())).isEqualTo("completed");
        assertThat(member("web_anon")).isTrue();
        assertThat(engine.taskLog("storefront", created.taskId(), null).entries())
                .anySatisfy(e -> assertThat(e.message()).contains("GRANT \"web_anon\" TO \"app\""));

        ObjectNode tree = (ObjectNode) Json.toTree(req.spec()).deepCopy();
        ((ObjectNode) tree.at("/services/0/config")).put("db_anon_role", "web_reader");
        Task changed = LocalEngineTesting.finish(engine, engine.updateDatabase("storefront", new UpdateDatabaseRequest(null,
                Json.convert(tree, trellis.spec.DatabaseSpec.class), null)));
        assertThat(changed.status()).isEqualTo("completed");
        assertThat(member("web_reader")).isTrue();
        assertThat(member("web_anon")).as("the old anon role is revoked").isFalse();

        ((ObjectNode) tree.at("/services/0/config")).put("db_anon_role", "ghost");
        Task refused = LocalEngineTesting.finish(engine, engine.updateDatabase("storefront", new UpdateDatabaseRequest(null,
                Json.convert(tree, trellis.spec.DatabaseSpec.class), null)));
        assertThat(refused.status()).isEqualTo("failed");
        assertThat(refused.error()).contains("db_anon_role \"ghost\" does not exist");

        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("services")).removeAll();
        Task removed = LocalEngineTesting.finish(engine, engine.updateDatabase("storefront", new UpdateDatabaseRequest(null,
                Json.convert(tree, trellis.spec.DatabaseSpec.class), null)));
        assertThat(removed.status()).isEqualTo("completed");
        assertThat(member("web_reader")).as("removing a service revokes nothing").isTrue();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM pg_roles WHERE rolname = 'app'), "
                     + "has_database_privilege('app', 'storefront', 'CONNECT'), "
                     + "(SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                     + "WHERE r.rolname = 'web_reader' AND u.rolname = 'app')")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the connect_as user stays").isEqualTo(1);
            assertThat(rs.getBoolean(2)).as("and keeps CONNECT").isTrue();
            assertThat(rs.getInt(3)).as("and its membership, in pg_auth_members").isEqualTo(1);
        }
    }

    @Test
    void theOldAnonRoleIsRevokedEvenWhenTheEngineRestartedBetween(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("REVOKE web_anon FROM app");
            st.execute("REVOKE web_reader FROM app");
        }
        java.nio.file.Path file = dir.resolve("engine.db");
        trellis.engine.local.nodes.NodeConnection node = new trellis.engine.local.nodes.NodeConnection(pg.getJdbcUrl("postgres", "storefront"), "postgres", "");
        engine = LocalEngine.open(docker, LocalEngineTesting.standInSettings(), new StateStore(file));
        engine.attachNode("n1", node);
        CreateDatabaseRequest req = Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class);
        assertThat(LocalEngineTesting.finish(engine, engine.createDatabase(req)).status()).isEqualTo("completed");
        assertThat(member("web_anon")).isTrue();
        engine.close();

        engine = LocalEngine.open(docker, LocalEngineTesting.standInSettings(), new StateStore(file));
        engine.attachNode("n1", node);
        ObjectNode tree = (ObjectNode) Json.toTree(req.spec()).deepCopy();
        ((ObjectNode) tree.at("/services/0/config")).put("db_anon_role", "web_reader");
        Task changed = LocalEngineTesting.finish(engine, engine.updateDatabase("storefront", new UpdateDatabaseRequest(null,
                Json.convert(tree, trellis.spec.DatabaseSpec.class), null)));
        assertThat(changed.status()).as(String.valueOf(changed.error())).isEqualTo("completed");
        assertThat(member("web_reader")).isTrue();
        assertThat(member("web_anon")).as("revoked: the store remembered what was granted").isFalse();
    }
}
