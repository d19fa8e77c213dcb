package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import trellis.engine.NodeChoice;
import trellis.engine.local.nodes.NodeConnection;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.ServiceInstance;
import trellis.spec.Task;
import trellis.spec.TaskLog;

/**
 * Database nodes by default: a deploy from a Trellis with an empty data folder, no node started or
 * attached, on a real Docker engine (stand-in service images) with real embedded PostgreSQL.
 */
class LocalEngineDefaultNodesIT {
    DockerClient docker;
    LocalEngine engine;
    String id;
    Path data;

    @BeforeEach
    void start() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        data = Files.createTempDirectory("trellis-default-nodes").resolve("services");
        LocalEngineSettings s = LocalEngineTesting.standInSettings();
        engine = new LocalEngine(docker, new LocalEngineSettings(s.images(), s.healthInterval(), s.healthTimeout(), s.healthRetries(),
                s.startPeriod(), s.createTimeout(), data, s.imageCommands(), s.noStatusTimeout(), s.sweepInterval()));
        id = "dn" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (docker == null) {
            return;
        }
        LocalEngineTesting.removeContainers(docker, id);
        engine.close();
        try (var walk = Files.walk(data.getParent())) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private Task deploy(String template) throws Exception {
        CreateDatabaseRequest req = LocalEngineTesting.example(template, id);
        return LocalEngineTesting.finish(engine, engine.createDatabase(req));
    }

    private List<String> log(Task t) throws Exception {
        TaskLog l = engine.taskLog(id, t.taskId(), null);
        return l.entries().stream().map(e -> e.message()).toList();
    }

    private List<ServiceInstance> allRunning(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        List<ServiceInstance> last = List.of();
        while (System.nanoTime() < deadline) {
            last = engine.database(id).serviceInstances();
            if (last.size() == count && last.stream().allMatch(i -> "running".equals(i.state()))) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited 45 s for " + count + " running; last: " + last.stream()
                .map(i -> i.serviceInstanceId() + "=" + i.state() + (i.error() != null ? " (" + i.error() + ")" : "")).toList());
    }

    private static List<String> rows(NodeConnection nc, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = nc.connect(5); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aCoLocatedDeployStartsItsNodeCreatesTheUsersAndGrantsAndEveryInstanceRuns() throws Exception {
        assertThat(engine.nodePlan(LocalEngineTesting.example("co-located.json", id).spec(), Map.of()))
                .containsExactly("node n1: Trellis will start PostgreSQL 17 on this machine");
        Task done = deploy("co-located.json");
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("completed");
        allRunning(1);

        NodeConnection n1 = engine.node("n1").orElseThrow();
        assertThat(rows(n1, "SELECT rolname FROM pg_roles WHERE rolname IN ('admin', 'app', 'web_anon') ORDER BY rolname"))
                .containsExactly("admin", "app", "web_anon");
        assertThat(rows(n1, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'storefront'")).containsExactly("admin");
        assertThat(rows(n1, "SELECT pg_has_role('app', 'web_anon', 'MEMBER')::text")).as("PostgREST's grant").containsExactly("true");
        assertThat(Files.isDirectory(data.resolveSibling("nodes").resolve("n1"))).as("its data under the engine's data folder").isTrue();

        List<String> log = log(done);
        assertThat(log).contains("node n1: nothing started or attached for it; Trellis starts PostgreSQL 17 on this machine",
                "node n1: started, PostgreSQL 17.7 answers at " + n1.address(),
                "node n1: CREATE ROLE \"web_anon\" NOLOGIN (db_anon_role of service 'api'; Trellis runs this node)",
                "api on node n1: GRANT \"web_anon\" TO \"app\"");
        assertThat(String.join("\n", log)).doesNotContain("change-me");
        // the plan now says what runs there
        assertThat(engine.nodePlan(LocalEngineTesting.example("co-located.json", id).spec(), Map.of()))
                .containsExactly("node n1: started by Trellis on this machine at " + n1.address() + " (PostgreSQL 17.7)");

        // the service's container reaches the node Trellis started where its config says
        String api = docker.listContainersCmd().withNameFilter(List.of(id + "-api-host-1")).exec().get(0).getId();
        String out = LocalEngineTesting.execOutput(docker, api,
                "sh", "-c", "nc -w 3 " + n1.containerHost() + " " + n1.containerPort() + " </dev/null && echo reached");
        assertThat(out).contains("reached");
    }

    @ParameterizedTest
    @ValueSource(strings = {"co-located.json", "multiple-instances.json", "separate-host.json"})
    void everyTemplateEndsWithEveryInstanceRunning(String template) throws Exception {
        CreateDatabaseRequest req = LocalEngineTesting.example(template, id);
        int instances = req.spec().services().stream().mapToInt(s -> s.hostIds().size()).sum();
        Task done = deploy(template);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("completed");
        assertThat(allRunning(instances)).hasSize(instances);
        for (var node : req.spec().nodes()) {
            assertThat(engine.checkNode(node.name())).as(node.name()).isEqualTo("PostgreSQL 17.7");
            assertThat(rows(engine.node(node.name()).orElseThrow(), "SELECT rolname FROM pg_roles WHERE rolname IN ('admin', 'app') ORDER BY 1"))
                    .as(node.name()).containsExactly("admin", "app");
        }
    }

    @Test
    void aSkippedNodeIsWarnedOfAndGetsNoGrants() throws Exception {
        CreateDatabaseRequest req = LocalEngineTesting.example("multiple-instances.json", id);
        Map<String, NodeChoice> choices = Map.of("n2", NodeChoice.SKIP);
        assertThat(engine.nodePlan(req.spec(), choices)).containsExactly(
                "node n1: Trellis will start PostgreSQL 17 on this machine",
                "node n2: skipped — service 'api' will not reach a database and its grants are not applied");
        engine.chooseNodes(choices);
        Task done = deploy("multiple-instances.json");
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("completed");
        allRunning(2);
        assertThat(engine.node("n2")).as("nothing started for the skipped node").isEmpty();
        assertThat(Files.exists(data.resolveSibling("nodes").resolve("n2"))).isFalse();
        List<String> log = log(done);
        assertThat(log).contains(
                "warning: node n2: skipped — service 'api' will not reach a database and its grants are not applied",
                "warning: api: node n2 skipped; grants not applied there",
                "api on node n1: GRANT \"web_anon\" TO \"app\"");
        assertThat(log).noneMatch(l -> l.startsWith("api on node n2") || l.startsWith("node n2: CREATE"));
    }

    @Test
    void aNodeStartedAsAPostgresContainerGetsTheSpecsUsersAndEveryInstanceRuns() throws Exception {
        PostgresStandIn.ensure(docker);
        engine.close();
        LocalEngineSettings s = LocalEngineTesting.withDefaultNodes();
        engine = new LocalEngine(docker, new LocalEngineSettings(s.images(), s.healthInterval(), s.healthTimeout(), s.healthRetries(),
                s.startPeriod(), s.createTimeout(), data, s.imageCommands(), s.noStatusTimeout(), s.sweepInterval()).withContainerNodes(true));
        // a node name of this test's own: the node's container and volume are named after it
        String node = "n" + (100_000 + ThreadLocalRandom.current().nextInt(800_000));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) trellis.spec.Json.toTree(LocalEngineTesting.example("multiple-instances.json", id));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec").path("nodes").get(1)).put("name", node);
        CreateDatabaseRequest req = trellis.spec.Json.convert(tree, CreateDatabaseRequest.class);
        try {
            assertThat(engine.nodePlan(req.spec(), Map.of())).containsExactly(
                    "node n1: Trellis will start PostgreSQL in a container (" + PostgresStandIn.IMAGE + ") on this machine",
                    "node " + node + ": Trellis will start PostgreSQL in a container (" + PostgresStandIn.IMAGE + ") on this machine");
            engine.chooseNodes(Map.of("n1", NodeChoice.SKIP));
            Task done = LocalEngineTesting.finish(engine, engine.createDatabase(req));
            assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("completed");
            assertThat(allRunning(2)).extracting(ServiceInstance::state).containsExactly("running", "running");

            NodeConnection nc = engine.node(node).orElseThrow();
            assertThat(docker.listContainersCmd().withLabelFilter(Map.of(LocalEngine.LABEL_NODE, node)).exec())
                    .as("the node runs as a container of the postgres image").singleElement()
                    .satisfies(c -> assertThat(c.getImage()).isEqualTo(PostgresStandIn.IMAGE));
            assertThat(rows(nc, "SELECT rolname FROM pg_roles WHERE rolname IN ('admin', 'app', 'web_anon') ORDER BY rolname"))
                    .containsExactly("admin", "app", "web_anon");
            assertThat(rows(nc, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'catalog'")).containsExactly("admin");
            assertThat(log(done)).contains("node " + node + ": nothing started or attached for it; Trellis starts PostgreSQL in a container ("
                    + PostgresStandIn.IMAGE + ") on this machine", "api on node " + node + ": GRANT \"web_anon\" TO \"app\"");
        } finally {
            for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LocalEngine.LABEL_NODE, node)).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            try {
                docker.removeVolumeCmd("trellis-node-" + node).exec();
            } catch (RuntimeException notMade) {
                // the node was never started
            }
        }
    }

    @Test
    void aSecondEngineOverTheSameNodeDataSaysTheFolderIsInUseNotNull() throws Exception {
        Task first = deploy("co-located.json");
        assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("completed");
        // a restarted engine while the first still runs its node (a halted engine in a test, a second Trellis for a person)
        LocalEngineSettings s = LocalEngineTesting.withDefaultNodes();
        String second = id + "b";
        try (LocalEngine other = new LocalEngine(docker, new LocalEngineSettings(s.images(), s.healthInterval(), s.healthTimeout(),
                s.healthRetries(), s.startPeriod(), s.createTimeout(), data, s.imageCommands(), s.noStatusTimeout(), s.sweepInterval()))) {
            Task failed = LocalEngineTesting.finish(other, other.createDatabase(LocalEngineTesting.example("co-located.json", second)));
            assertThat(failed.status()).isEqualTo("failed");
            assertThat(failed.error()).isEqualTo("node n1: PostgreSQL did not start: its data folder " + data.resolveSibling("nodes").resolve("n1")
                    + " is in use by a PostgreSQL server Trellis started before (an engine still running, in this process or another);"
                    + " close that engine first; attach a server you run for it (Engine > Database node) or skip it");
        } finally {
            LocalEngineTesting.removeContainers(docker, second);
        }
    }
}
