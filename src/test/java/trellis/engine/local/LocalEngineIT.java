package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trellis.TestFiles;
import trellis.engine.ControlPlaneException;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Database;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;

/** The local engine on a real Docker engine, with a locally built stand-in image for every service type. */
class LocalEngineIT {
    DockerClient docker;
    LocalEngine engine;
    String id;

    @BeforeEach
    void start() {
        docker = LocalEngineTesting.requireDocker();
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
        id = "it" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    }

    @AfterEach
    void cleanUp() {
        if (docker == null) {
            return;
        }
        LocalEngineTesting.removeContainers(docker, id);
        engine.close();
    }

    private CreateDatabaseRequest example(String name) throws Exception {
        return LocalEngineTesting.example(name, id);
    }

    private List<ServiceInstance> waitFor(String what, Predicate<List<ServiceInstance>> ok) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        List<ServiceInstance> last = List.of();
        while (System.nanoTime() < deadline) {
            Database db = engine.database(id);
            last = db.serviceInstances();
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited 45 s for " + what + "; last: " + last.stream()
                .map(i -> i.serviceInstanceId() + "=" + i.state() + (i.error() != null ? " (" + i.error() + ")" : "")).toList());
    }

    private static boolean all(List<ServiceInstance> l, String state, int count) {
        return l.size() == count && l.stream().allMatch(i -> state.equals(i.state()));
    }

    @Test
    void coLocatedReachesRunningAndAnswersOnItsPublishedPort() throws Exception {
        engine.createDatabase(example("co-located.json"));
        ServiceInstance api = waitFor("running", l -> all(l, "running", 1)).get(0);
        assertThat(api.serviceInstanceId()).isEqualTo(id + "-api-host-1");
        assertThat(api.status().healthCheck().status()).isEqualTo("healthy");
        int port = api.status().ports().get(0).hostPort();
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("ok");
        assertThat(Json.write(engine.database(id))).as("a GET never returns a secret").doesNotContain("change-me");
    }

    @Test
    void postgrestGetsItsConfFileWithTheConnectAsUriAsTheControlPlaneWritesIt() throws Exception {
        Task created = engine.createDatabase(example("co-located.json"));
        ServiceInstance api = waitFor("running", l -> all(l, "running", 1)).get(0);
        String out = LocalEngineTesting.execOutput(docker, api.status().containerId(), "cat", "/app/data/postgrest.conf");
        assertThat(out).contains(
                "db-uri = \"postgresql://app:change-me-app@host.docker.internal:5432/storefront?target_session_attrs=read-write\"",
                "db-schemas = \"public\"", "db-anon-role = \"web_anon\"", "db-pool = 10", "db-max-rows = 1000");
        java.nio.file.Path conf = LocalEngineTesting.standInSettings().dataDir().resolve(id + "-api-host-1").resolve("postgrest.conf");
        assertThat(java.nio.file.Files.getPosixFilePermissions(conf)).as("owner-only")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Json.write(engine.taskLog(id, created.taskId(), null))).as("no password in the task log").doesNotContain("change-me");
    }

    @Test
    void mcpGetsItsTokenAndUserStoresOnceAndKeepsWhatTheServerAddedOnAnUpdate() throws Exception {
        CreateDatabaseRequest req = example("separate-host.json");
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(req);
        ObjectNode cfg = (ObjectNode) tree.at("/spec/services/0/config");
        cfg.put("init_token", "bootstrap-secret-token");
        cfg.putArray("init_users").addObject().put("username", "alice").put("password", "alice-pw-123");
        Task created = engine.createDatabase(Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class));
        waitFor("running", l -> all(l, "running", 1));
        java.nio.file.Path dir = LocalEngineTesting.standInSettings().dataDir().resolve(id + "-mcp-host-3");
        String tokens = java.nio.file.Files.readString(dir.resolve("tokens.yaml"));
        String users = java.nio.file.Files.readString(dir.resolve("users.yaml"));
        assertThat(tokens).contains("bootstrap-token:", "hash: " + McpAuthFiles.sha256Hex("bootstrap-secret-token"))
                .doesNotContain("bootstrap-secret-token");
        var u = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(users).get("users").get("alice");
        assertThat(u.get("enabled").asBoolean()).isTrue();
        assertThat(at.favre.lib.crypto.bcrypt.BCrypt.verifyer().verify("alice-pw-123".toCharArray(),
                u.get("password_hash").asText()).verified).as("bcrypt of the password").isTrue();
        assertThat(users).doesNotContain("alice-pw-123");
        assertThat(Json.write(engine.taskLog(id, created.taskId(), null))).contains("tokens.yaml written", "1 bootstrap user(s)")
                .doesNotContain("bootstrap-secret-token", "alice-pw-123");

        // the MCP server owns the stores now: a token it issued survives an update of the service
        String issued = tokens + "  issued-by-server:\n    hash: abc\n";
        java.nio.file.Files.writeString(dir.resolve("tokens.yaml"), issued);
        cfg.remove("init_token");
        cfg.remove("init_users");
        cfg.put("llm_model", "claude-sonnet-4-5");
        UpdateDatabaseRequest update = new UpdateDatabaseRequest(null, Json.MAPPER.treeToValue(tree.get("spec"), trellis.spec.DatabaseSpec.class), null);
        engine.updateDatabase(id, update);
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!java.nio.file.Files.readString(dir.resolve("config.yaml")).contains("claude-sonnet-4-5") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("config.yaml"))).contains("claude-sonnet-4-5");
        waitFor("running after the update", l -> all(l, "running", 1));
        assertThat(java.nio.file.Files.readString(dir.resolve("tokens.yaml"))).isEqualTo(issued);
        assertThat(java.nio.file.Files.readString(dir.resolve("users.yaml"))).isEqualTo(users);
    }

    @Test
    void hostsAreBoundToEnginesAndAnUnreachableOneSaysSo() throws Exception {
        String endpoint = LocalEngines.dockerHost().orElseThrow();
        engine.bindHost("host-2", endpoint);
        engine.bindHost("host-9", "tcp://127.0.0.1:1");
        engine.createDatabase(example("multiple-instances.json"));
        waitFor("both running", x -> all(x, "running", 2));
        var hosts = engine.hosts();
        assertThat(hosts).filteredOn(h -> h.id().equals("host-2")).singleElement()
                .satisfies(h -> assertThat(h.status().state()).isEqualTo("healthy"));
        assertThat(hosts).filteredOn(h -> h.id().equals("host-9")).singleElement().satisfies(h -> {
            assertThat(h.status().state()).isEqualTo("unreachable");
            assertThat(h.status().components().at("/docker/details/endpoint").asText()).isEqualTo("tcp://127.0.0.1:1");
        });
        // A service placed on the unreachable host: its apply fails, and its instance reads failed with the reason.
        CreateDatabaseRequest req = example("separate-host.json");
        ObjectNode tree = (ObjectNode) Json.toTree(req);
        ((ObjectNode) tree.at("/spec/services/0")).set("host_ids", Json.MAPPER.valueToTree(List.of("host-9")));
        tree.put("id", id + "x");
        try {
            Task t = engine.createDatabase(Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !List.of("completed", "failed").contains(engine.task(id + "x", t.taskId()).status())) {
                Thread.sleep(100);
            }
            assertThat(engine.task(id + "x", t.taskId()).status()).isEqualTo("failed");
            assertThat(engine.database(id + "x").serviceInstances()).singleElement().satisfies(i -> {
                assertThat(i.state()).isEqualTo("failed");
                assertThat(i.error()).contains("Docker engine of host-9", "does not answer");
            });
        } finally {
            LocalEngineTesting.removeContainers(docker, id + "x");
        }
    }

    @Test
    void ragGetsItsConfigAndItsKeyFilesMounted() throws Exception {
        CreateDatabaseRequest req = example("separate-host.json");
        ObjectNode tree = (ObjectNode) Json.toTree(req);
        ObjectNode svc = (ObjectNode) tree.at("/spec/services/0");
        svc.put("service_id", "kb").put("service_type", "rag");
        svc.set("config", Json.parse("{\"pipelines\":[{\"name\":\"docs\",\"tables\":[{\"table\":\"t\",\"text_column\":\"b\","
                + "\"vector_column\":\"v\"}],\"embedding_llm\":{\"provider\":\"openai\",\"model\":\"m\",\"api_key\":\"sk-emb\"},"
                + "\"rag_llm\":{\"provider\":\"ollama\",\"model\":\"llama\"}}]}"));
        engine.createDatabase(Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class));
        ServiceInstance kb = waitFor("running", l -> all(l, "running", 1)).get(0);
        String out = LocalEngineTesting.execOutput(docker, kb.status().containerId(),
                "sh", "-c", "cat /app/data/pgedge-rag-server.yaml; cat /app/keys/docs_embedding.key");
        assertThat(out).contains("name: docs", "openai: /app/keys/docs_embedding.key", "database: inventory", "sk-emb");
    }

    @Test
    void multipleInstancesRunOneContainerPerHost() throws Exception {
        engine.createDatabase(example("multiple-instances.json"));
        List<ServiceInstance> l = waitFor("both running", x -> all(x, "running", 2));
        assertThat(l).extracting(ServiceInstance::serviceInstanceId).containsExactlyInAnyOrder(id + "-api-host-1", id + "-api-host-2");
        assertThat(docker.listContainersCmd().withLabelFilter(Map.of(LocalEngine.LABEL_DATABASE, id)).exec()).hasSize(2);
    }

    @Test
    void aKilledContainerFailsWithItsExitCodeAndRecoversWhenRestarted() throws Exception {
        engine.createDatabase(example("co-located.json"));
        ServiceInstance api = waitFor("running", l -> all(l, "running", 1)).get(0);
        docker.killContainerCmd(api.status().containerId()).exec();
        ServiceInstance failed = waitFor("failed", l -> all(l, "failed", 1)).get(0);
        assertThat(failed.error()).contains("exited with code");
        docker.startContainerCmd(api.status().containerId()).exec();
        waitFor("running again", l -> all(l, "running", 1));
    }

    @Test
    void aFailingHealthCheckFailsTheInstance() throws Exception {
        engine.createDatabase(example("co-located.json"));
        ServiceInstance api = waitFor("running", l -> all(l, "running", 1)).get(0);
        String exec = docker.execCreateCmd(api.status().containerId()).withCmd("rm", "/www/health").exec().getId();
        docker.execStartCmd(exec).start().awaitCompletion();
        ServiceInstance failed = waitFor("failed", l -> all(l, "failed", 1)).get(0);
        assertThat(failed.error()).startsWith("health check failing");
        assertThat(failed.status().healthCheck().status()).isEqualTo("unhealthy");
    }

    @Test
    void removingAServiceDeletesItsContainers() throws Exception {
        CreateDatabaseRequest req = example("multiple-instances.json");
        engine.createDatabase(req);
        waitFor("both running", x -> all(x, "running", 2));
        var spec = req.spec();
        var without = new trellis.spec.DatabaseSpec(spec.databaseName(), spec.postgresVersion(), spec.spockVersion(), spec.port(),
                spec.patroniPort(), spec.cpus(), spec.memory(), spec.nodes(), spec.databaseUsers(), List.of(), spec.extra());
        waitUntilIdle();
        engine.updateDatabase(id, new UpdateDatabaseRequest(null, without, null));
        waitFor("gone", List::isEmpty);
        assertThat(engine.database(id).spec().services()).isEmpty();
    }

    @Test
    void aSecondApplyDuringTheFirstIsRefusedWith409() throws Exception {
        CreateDatabaseRequest req = example("multiple-instances.json");
        engine.createDatabase(req);
        assertThatThrownBy(() -> engine.updateDatabase(id, new UpdateDatabaseRequest(null, req.spec(), null)))
                .isInstanceOfSatisfying(ControlPlaneException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.name()).isEqualTo("operation_already_in_progress");
                });
        waitFor("both running", x -> all(x, "running", 2));
    }

    @Test
    void anInvalidSpecIsRefusedBeforeAnythingRuns() throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile());
        tree.put("id", id);
        ((ObjectNode) tree.at("/spec/services/0")).put("connect_as", "nobody");
        CreateDatabaseRequest bad = Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class);
        assertThatThrownBy(() -> engine.createDatabase(bad)).isInstanceOfSatisfying(ControlPlaneException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("spec.services[0].connect_as");
        });
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LocalEngine.LABEL_DATABASE, id)).exec()).isEmpty();
    }

    private void waitUntilIdle() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && "modifying".equals(engine.database(id).state())) {
            Thread.sleep(100);
        }
    }
}
