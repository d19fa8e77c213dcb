package trellis.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;
import trellis.spec.Task;

/** The engine killed in the middle of an apply, and started again on the same store. */
class LocalEngineRestartIT {
    @TempDir
    Path dir;
    DockerClient docker;
    String id = "rs" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    LocalEngine engine;

    @AfterEach
    void cleanUp() {
        if (docker != null) {
            LocalEngineTesting.removeContainers(docker, id);
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void anInterruptedApplyCompletesAfterARestartWithNoDuplicateAndNothingLost() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        Path file = dir.resolve("engine.db");
        CreateDatabaseRequest req = LocalEngineTesting.example("multiple-instances.json", id);

        LocalEngine first = LocalEngine.open(docker, LocalEngineTesting.standInSettings(), new StateStore(file));
        Task task = first.createDatabase(req);
        Thread.sleep(150); // let it get part of the way
        first.halt();

        engine = LocalEngine.open(docker, LocalEngineTesting.standInSettings(), new StateStore(file));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Task resumed = engine.task(id, task.taskId());
        while (System.nanoTime() < deadline && !List.of("completed", "failed").contains(resumed.status())) {
            Thread.sleep(200);
            resumed = engine.task(id, task.taskId());
        }
        assertThat(resumed.status()).as(String.valueOf(resumed.error())).isEqualTo("completed");
        assertThat(engine.taskLog(id, task.taskId(), null).entries())
                .anySatisfy(e -> assertThat(e.message()).contains("resumed after the engine restarted"));
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LocalEngine.LABEL_DATABASE, id)).exec())
                .as("one container per service and host, never two").hasSize(2);
        List<ServiceInstance> running = List.of();
        while (System.nanoTime() < deadline) {
            running = engine.database(id).serviceInstances();
            if (running.size() == 2 && running.stream().allMatch(i -> "running".equals(i.state()))) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(running).extracting(ServiceInstance::state).containsOnly("running");
        engine.close();

        engine = LocalEngine.open(docker, LocalEngineTesting.standInSettings(), new StateStore(file));
        assertThat(engine.databases()).extracting(d -> d.id()).contains(id);
        assertThat(Json.write(engine.database(id).spec())).contains("\"db_anon_role\" : \"web_anon\"");
        assertThat(engine.task(id, task.taskId()).status()).isEqualTo("completed");
    }

    @Test
    void hostBindingsAndLifecycleEventsSurviveARestart() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        Path file = dir.resolve("engine.db");
        String endpoint = LocalEngines.dockerHost().orElseThrow();
        engine = LocalEngine.open(docker, LocalEngineTesting.standInSettings(), new StateStore(file));
        engine.bindHost("host-2", endpoint);
        engine.createDatabase(LocalEngineTesting.example("multiple-instances.json", id));
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        List<ServiceInstance> l = List.of();
        while (System.nanoTime() < deadline) {
            l = engine.database(id).serviceInstances();
            if (l.size() == 2 && l.stream().allMatch(i -> "running".equals(i.state()))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(l).extracting(ServiceInstance::state).containsExactly("running", "running");
        engine.close();

        engine = LocalEngine.open(docker, LocalEngineTesting.standInSettings(), new StateStore(file));
        assertThat(engine.hosts()).filteredOn(h -> h.id().equals("host-2")).singleElement()
                .satisfies(h -> assertThat(h.status().components().at("/docker/details/endpoint").asText()).isEqualTo(endpoint));
        assertThat(engine.events(id, 100)).filteredOn(t -> "running".equals(t.to()))
                .extracting(LifecycleMonitor.Transition::instanceId).contains(id + "-api-host-1", id + "-api-host-2");
        assertThat(engine.database(id).serviceInstances()).extracting(ServiceInstance::state).containsOnly("running");
    }
}
