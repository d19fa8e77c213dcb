package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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
        LocalEngine.NodeConnection node = engine.startNode("n1");
        // the person's part, as with the Control Plane: the anon role PostgREST will use
        try (Connection c = DriverManager.getConnection(node.jdbcUrl(), "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS web_anon");
            st.execute("CREATE ROLE web_anon NOLOGIN");
        }
        CreateDatabaseRequest req = Json.MAPPER.readValue(TestFiles.example("co-located.json").toFile(), CreateDatabaseRequest.class);
        Task t = engine.createDatabase(req);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !List.of("completed", "failed").contains(engine.task("storefront", t.taskId()).status())) {
            Thread.sleep(100);
        }
        Task done = engine.task("storefront", t.taskId());
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
}
