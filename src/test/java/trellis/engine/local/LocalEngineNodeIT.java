package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.Task;

/** A node Trellis starts itself: the spec's database and users are created there, then PostgREST's grants. */
class LocalEngineNodeIT {
    DockerClient docker;
    LocalEngine engine;

    @AfterEach
    void cleanUp() {
        if (docker != null) {
            LocalEngineTesting.removeContainers(docker, "storefront");
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theDatabaseAndItsUsersAreCreatedOnAStartedNode() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
        trellis.engine.local.nodes.NodeConnection node = engine.startNode("n1");
        // the person's part, as with the Control Plane: the anon role PostgREST will use
        try (Connection c = DriverManager.getConnection(node.jdbcUrl(), "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS web_anon");
            st.execute("CREATE ROLE web_anon NOLOGIN");
        }
        CreateDatabaseRequest req = Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class);
        Task t = engine.createDatabase(req);
        Task done = LocalEngineTesting.finish(engine, t);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("completed");

        String url = node.jdbcUrl().replace("/postgres?", "/storefront?");
        try (Connection app = DriverManager.getConnection(url, "app", "change-me-app"); Statement st = app.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), pg_has_role('app', 'web_anon', 'MEMBER'), "
                     + "(SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'storefront'), "
                     + "(SELECT rolsuper FROM pg_roles WHERE rolname = 'admin')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("storefront");
            assertThat(rs.getBoolean(2)).as("PostgREST's grant").isTrue();
            assertThat(rs.getString(3)).as("db_owner").isEqualTo("admin");
            assertThat(rs.getBoolean(4)).as("attributes").isTrue();
        }
        String log = String.join("\n", engine.taskLog("storefront", t.taskId(), null).entries().stream()
                .map(e -> e.message()).toList());
        assertThat(log).contains("CREATE DATABASE \"storefront\" OWNER \"admin\"", "PASSWORD '********'")
                .doesNotContain("change-me");
    }

    private boolean databaseExists(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, String name) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    @Test
    void anAttachedNodeGetsNoDatabaseOrUsersUnlessAsked() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        try (var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE web_anon NOLOGIN");
            }
            CreateDatabaseRequest req = Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class);

            engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
            trellis.engine.local.nodes.NodeConnection nc = engine.attachNode("n1", "127.0.0.1", pg.getPort(), "postgres", "postgres",
                    "TRELLIS_TEST_UNSET_PASSWORD", null, false);
            assertThat(nc.containerHost()).as("containers reach it through the Docker host gateway").isEqualTo("host.docker.internal");
            assertThat(nc.containerPort()).isEqualTo(pg.getPort());
            Task left = LocalEngineTesting.finish(engine, engine.createDatabase(req));
            assertThat(databaseExists(pg, "storefront")).as("nothing created on an attached node").isFalse();
            assertThat(left.status()).as("its grants need the database the person did not create").isEqualTo("failed");
            engine.deleteDatabase("storefront");
            Thread.sleep(500);
            engine.close();
            LocalEngineTesting.removeContainers(docker, "storefront");

            engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
            engine.attachNode("n1", "127.0.0.1", pg.getPort(), "postgres", "postgres", "TRELLIS_TEST_UNSET_PASSWORD", null, true);
            Task asked = LocalEngineTesting.finish(engine, engine.createDatabase(req));
            assertThat(asked.status()).as(String.valueOf(asked.error())).isEqualTo("completed");
            assertThat(databaseExists(pg, "storefront")).as("created when asked").isTrue();
        }
    }

    @Test
    void aPostgresContainerNodeGetsTheDatabaseUsersAndGrantsAndServicesReachItFromTheirContainers() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        String image = PostgresStandIn.ensure(docker);
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("trellis-node-it").resolve("services");
        LocalEngineSettings settings = LocalEngineTesting.standInSettings();
        assertThat(settings.image("postgres", "17")).isEqualTo(image);
        settings = new LocalEngineSettings(settings.images(), settings.healthInterval(), settings.healthTimeout(), settings.healthRetries(),
                settings.startPeriod(), settings.createTimeout(), data, settings.imageCommands(), settings.noStatusTimeout(),
                settings.sweepInterval());
        engine = new LocalEngine(docker, settings);
        String volume = "trellis-node-n1";
        try {
            trellis.engine.local.nodes.NodeConnection node = engine.startNodeContainer("n1");
            assertThat(engine.checkNode("n1")).startsWith("PostgreSQL 17");
            assertThat(node.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolveSibling("nodes").resolve("n1.password")))
                    .as("the generated admin password is owner-only")
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            try (Connection c = DriverManager.getConnection(node.jdbcUrl(), "postgres", node.password()); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE web_anon NOLOGIN");
            }
            CreateDatabaseRequest req = Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class);
            Task t = engine.createDatabase(req);
            Task done = LocalEngineTesting.finish(engine, t);
            assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("completed");
            try (Connection app = DriverManager.getConnection(node.jdbcUrl().replace("/postgres", "/storefront"), "app", "change-me-app");
                 Statement st = app.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_has_role('app', 'web_anon', 'MEMBER')")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("PostgREST's grant on the container node").isTrue();
            }
            // the service's container reaches the node where its config says: the node's bridge address, port 5432
            String conf = java.nio.file.Files.readString(data.resolve("storefront-api-host-1").resolve("postgrest.conf"));
            assertThat(conf).contains("@" + node.containerHost() + ":" + node.containerPort() + "/storefront");
            String api = docker.listContainersCmd().withNameFilter(List.of("storefront-api-host-1")).exec().get(0).getId();
            String out = LocalEngineTesting.execOutput(docker, api,
                    "sh", "-c", "nc -w 3 " + node.containerHost() + " " + node.containerPort() + " </dev/null && echo reached");
            assertThat(out).contains("reached");

            // a second start finds the same container and its data again
            engine.close();
            engine = new LocalEngine(docker, settings);
            trellis.engine.local.nodes.NodeConnection again = engine.startNodeContainer("n1");
            assertThat(again.password()).isEqualTo(node.password());
            assertThat(docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(java.util.Map.of(LocalEngine.LABEL_NODE, "n1")).exec()).hasSize(1);
            try (Connection c = DriverManager.getConnection(again.jdbcUrl(), "postgres", again.password()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'storefront'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(java.util.Map.of(LocalEngine.LABEL_NODE, "n1")).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            try {
                docker.removeVolumeCmd(volume).exec();
            } catch (RuntimeException ignored) {
                // not made
            }
        }
    }
}
