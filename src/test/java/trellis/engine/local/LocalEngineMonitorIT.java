package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;
import trellis.spec.Task;
import trellis.spec.UpdateDatabaseRequest;

/**
 * The monitor on a real Docker engine. The sweep is set to a minute, so every move these tests
 * wait for (without calling {@code database()}) comes from Docker's events stream.
 */
class LocalEngineMonitorIT {
    DockerClient docker;
    LocalEngine engine;
    String id;
    final LinkedBlockingQueue<LifecycleMonitor.Transition> moves = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        docker = LocalEngineTesting.requireDocker();
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings().withMonitor(Duration.ofSeconds(30), Duration.ofSeconds(60)));
        engine.addTransitionListener(moves::add);
        id = "mo" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    }

    @AfterEach
    void cleanUp() {
        if (docker == null) {
            return;
        }
        LocalEngineTesting.removeContainers(docker, id);
        engine.close();
    }

    private CreateDatabaseRequest coLocated() throws Exception {
        return LocalEngineTesting.example("co-located.json", id);
    }

    /** The next move of {@code instance} to {@code state}, within 30 s. */
    private LifecycleMonitor.Transition next(String instance, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            LifecycleMonitor.Transition t = moves.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (t == null) {
                break;
            }
            seen.add(t.instanceId() + ":" + t.from() + "->" + t.to());
            if (t.instanceId().equals(instance) && java.util.Objects.equals(state, t.to())) {
                return t;
            }
        }
        throw new AssertionError("no move of " + instance + " to " + state + " within 30 s; seen: " + seen);
    }

    private void exec(String containerId, String... cmd) throws InterruptedException {
        String exec = docker.execCreateCmd(containerId).withCmd(cmd).exec().getId();
        docker.execStartCmd(exec).start().awaitCompletion(10, TimeUnit.SECONDS);
    }

    private String containerOf(String instance) {
        return docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(instance)).exec().stream()
                .filter(c -> c.getNames()[0].equals("/" + instance)).findFirst().orElseThrow().getId();
    }

    @Test
    void healthDrivesTheStateThroughEventsAloneAndTheFailedInstanceSaysWhy() throws Exception {
        String api = id + "-api-host-1";
        engine.createDatabase(coLocated());
        next(api, "running");
        String container = containerOf(api);

        exec(container, "rm", "/www/health");
        LifecycleMonitor.Transition failed = next(api, "failed");
        assertThat(failed.from()).isEqualTo("running");
        assertThat(failed.error()).startsWith("health check failing");
        ServiceInstance shown = engine.database(id).serviceInstances().get(0);
        assertThat(shown.state()).isEqualTo("failed");
        assertThat(shown.status().healthCheck().status()).isEqualTo("unhealthy");

        exec(container, "sh", "-c", "printf '{\"status\":\"ok\"}' > /www/health");
        assertThat(next(api, "running").from()).as("failed -> running on recovery").isEqualTo("failed");
        assertThat(engine.events(id, 100)).extracting(LifecycleMonitor.Transition::to)
                .containsSubsequence("creating", "running", "failed", "running");
    }

    @Test
    void aKilledContainerFailsWithItsExitCodeAndLastLinesThenRecovers() throws Exception {
        String api = id + "-api-host-1";
        engine.createDatabase(coLocated());
        next(api, "running");
        String container = containerOf(api);
        docker.killContainerCmd(container).exec();
        LifecycleMonitor.Transition failed = next(api, "failed");
        assertThat(failed.error()).contains("exited with code 137");
        docker.startContainerCmd(container).exec();
        next(api, "running");
    }

    @Test
    void aChangedServiceReplacesOnlyItsOwnContainersAndARemovedOneIsDeletedThenGone() throws Exception {
        CreateDatabaseRequest req = coLocated();
        ObjectNode spec = (ObjectNode) Json.toTree(req.spec()).deepCopy();
        ObjectNode second = ((ObjectNode) spec.at("/services/0")).deepCopy();
        second.put("service_id", "docs").put("port", 0);
        ((ArrayNode) spec.get("services")).add(second);
        DatabaseSpec two = Json.convert(spec, DatabaseSpec.class);
        assertThat(LocalEngineTesting.finish(engine, engine.createDatabase(new CreateDatabaseRequest(id, null, two, null))).status()).isEqualTo("completed");
        String api = id + "-api-host-1";
        String docs = id + "-docs-host-1";
        next(api, "running");
        String apiBefore = containerOf(api);
        String docsBefore = containerOf(docs);

        ((ObjectNode) spec.at("/services/1/config")).put("max_rows", 50);
        Task changed = LocalEngineTesting.finish(engine, engine.updateDatabase(id, new UpdateDatabaseRequest(null, Json.convert(spec, DatabaseSpec.class), null)));
        assertThat(changed.status()).isEqualTo("completed");
        assertThat(containerOf(api)).as("unchanged service keeps its container").isEqualTo(apiBefore);
        assertThat(containerOf(docs)).as("changed service gets a new one").isNotEqualTo(docsBefore);
        assertThat(engine.taskLog(id, changed.taskId(), null).entries()).extracting(e -> e.message())
                .contains(api + ": unchanged").anySatisfy(m -> assertThat(m).startsWith(docs + ": container"));

        ((ArrayNode) spec.get("services")).remove(1);
        moves.clear();
        Task removed = LocalEngineTesting.finish(engine, engine.updateDatabase(id, new UpdateDatabaseRequest(null, Json.convert(spec, DatabaseSpec.class), null)));
        assertThat(removed.status()).isEqualTo("completed");
        assertThat(engine.database(id).serviceInstances()).extracting(ServiceInstance::serviceInstanceId).containsExactly(api);
        assertThat(engine.events(id, 100)).filteredOn(t -> t.instanceId().equals(docs)).extracting(LifecycleMonitor.Transition::to)
                .as("deleting while removed, then gone").containsSubsequence("deleting", null);
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LocalEngine.LABEL_DATABASE, id)).exec())
                .hasSize(1);
    }
}
