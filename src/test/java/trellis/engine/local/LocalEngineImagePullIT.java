package trellis.engine.local;

import trellis.engine.PullProgress;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;
import trellis.spec.ServiceInstance;
import trellis.spec.Task;
import trellis.spec.TaskLogEntry;

/**
 * The engine pulls what an apply needs from a registry on 127.0.0.1 (the Debian package
 * docker-registry, started here) holding the stand-in image as pgedge/postgrest: the pull's lines
 * in the task log, and a missing tag or an unreachable registry said in words with nothing created.
 */
class LocalEngineImagePullIT {
    static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    static final String TAG = "14.5";

    static DockerClient docker;
    static Process registry;
    static Path registryDir;
    static String repo;
    static int registryPort;

    LocalEngine engine;
    String id = "pull" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);

    @BeforeAll
    static void startRegistryWithTheStandIn() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        if (!Files.isExecutable(REGISTRY)) {
            String why = REGISTRY + " is missing (apt-get install -y docker-registry)";
            if ("1".equals(System.getenv("TRELLIS_REQUIRE_DOCKER"))) {
                throw new AssertionError("TRELLIS_REQUIRE_DOCKER=1 but " + why);
            }
            Assumptions.abort(why);
        }
        int port = freePort();
        registryDir = Files.createTempDirectory("trellis-registry");
        Path config = registryDir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\nstorage: {filesystem: {rootdirectory: " + registryDir.resolve("data")
                + "}}\nhttp: {addr: 127.0.0.1:" + port + "}\nlog: {level: warn}\n");
        registry = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(registryDir.resolve("registry.log").toFile()).start();
        awaitRegistry(port);
        registryPort = port;
        repo = "127.0.0.1:" + port + "/pgedge/postgrest";
        // the stand-in with a layer of its own (4 MB of random bytes), so the pull downloads something
        Path context = Files.createDirectories(registryDir.resolve("build"));
        byte[] blob = new byte[4_000_000];
        ThreadLocalRandom.current().nextBytes(blob);
        Files.write(context.resolve("blob"), blob);
        Files.writeString(context.resolve("Dockerfile"), "FROM " + LocalEngineTesting.STAND_IN + "\nCOPY blob /blob\n");
        docker.buildImageCmd(context.toFile()).withTags(java.util.Set.of(repo + ":" + TAG))
                .start().awaitImageId(120, TimeUnit.SECONDS);
        List<String> pushErrors = new CopyOnWriteArrayList<>();
        docker.pushImageCmd(repo).withTag(TAG).exec(new ResultCallback.Adapter<PushResponseItem>() {
            @Override
            public void onNext(PushResponseItem item) {
                if (item.isErrorIndicated()) {
                    pushErrors.add(String.valueOf(item.getErrorDetail()));
                }
            }
        }).awaitCompletion(60, TimeUnit.SECONDS);
        assertThat(pushErrors).as("pushed to the test registry").isEmpty();
        docker.removeImageCmd(repo + ":" + TAG).exec();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
        if (docker != null && repo != null) {
            try {
                docker.removeImageCmd(repo + ":" + TAG).exec();
            } catch (NotFoundException notPulled) {
                // a failed test may not have pulled it
            }
        }
        if (registryDir != null) {
            try (var files = Files.walk(registryDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            LocalEngineTesting.removeContainers(docker, id);
            engine.close();
        }
        // the next test pulls again, its layers included
        for (var image : docker.listImagesCmd().exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag.startsWith("127.0.0.1:") && tag.endsWith("/pgedge/postgrest:" + TAG)) {
                    docker.removeImageCmd(tag).withForce(true).exec();
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitRegistry(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the registry did not answer on 127.0.0.1:" + port + ": "
                + Files.readString(registryDir.resolve("registry.log")));
    }

    private Task deploy(String image, String version) throws Exception {
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings().withImage("postgrest", image));
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(LocalEngineTesting.example("co-located.json", id));
        ((ObjectNode) tree.at("/spec/services/0")).put("version", version);
        return LocalEngineTesting.finish(engine, engine.createDatabase(Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class)));
    }

    private List<String> log(Task t) throws Exception {
        return engine.taskLog(id, t.taskId(), null).entries().stream().map(TaskLogEntry::message).toList();
    }

    private List<?> containers() {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LocalEngine.LABEL_DATABASE, id)).exec();
    }

    private ServiceInstance onlyInstance(String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        List<ServiceInstance> l = engine.database(id).serviceInstances();
        while (System.nanoTime() < deadline && !(l.size() == 1 && state.equals(l.get(0).state()))) {
            Thread.sleep(250);
            l = engine.database(id).serviceInstances();
        }
        assertThat(l).as("one instance, " + state).hasSize(1);
        assertThat(l.get(0).state()).as(String.valueOf(l.get(0).error())).isEqualTo(state);
        return l.get(0);
    }

    @Test
    void pullsTheMissingImageWithProgressInTheTaskLogThenRunsIt() throws Exception {
        String image = repo + ":" + TAG;
        List<PullProgress> heard = new CopyOnWriteArrayList<>();
        engine = null;
        Task done = deployListening(image, heard);
        assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("completed");
        List<String> log = log(done);
        int pulling = log.indexOf("pulling " + image);
        int pulled = log.indexOf(image + " pulled");
        assertThat(pulling).as("pulling line in %s", log).isGreaterThanOrEqualTo(0);
        assertThat(pulled).as("pulled after pulling in %s", log).isGreaterThan(pulling);
        List<String> progress = log.subList(pulling + 1, pulled);
        assertThat(progress).as("progress lines between").isNotEmpty()
                .allMatch(l -> l.matches(java.util.regex.Pattern.quote(image) + ": \\d+(\\.\\d)? of \\d+(\\.\\d)? MB"));
        int created = indexOfContaining(log, "created from " + image);
        assertThat(created).as("the container is created after the pull").isGreaterThan(pulled);
        assertThat(heard).as("listeners hear the pull").isNotEmpty();
        PullProgress last = heard.get(heard.size() - 1);
        assertThat(last.done()).isTrue();
        assertThat(last.doneBytes()).isEqualTo(last.totalBytes()).isPositive();
        ServiceInstance running = onlyInstance("running");
        docker.removeContainerCmd(running.status().containerId()).withForce(true).exec();
        assertThat(onlyInstance("failed").error()).as("a container that existed and is gone")
                .isEqualTo("no container: it was removed outside Trellis; apply the spec again");
    }

    private Task deployListening(String image, List<PullProgress> heard) throws Exception {
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings().withImage("postgrest", repo));
        engine.addPullListener(heard::add);
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(LocalEngineTesting.example("co-located.json", id));
        ((ObjectNode) tree.at("/spec/services/0")).put("version", image.substring(image.lastIndexOf(':') + 1));
        return LocalEngineTesting.finish(engine, engine.createDatabase(Json.MAPPER.treeToValue(tree, CreateDatabaseRequest.class)));
    }

    private static int indexOfContaining(List<String> log, String part) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aMissingTagFailsTheTaskInWordsAndCreatesNothing() throws Exception {
        Task done = deploy(repo, "14.9");
        String why = "tag 14.9 does not exist in " + repo;
        assertThat(done.status()).isEqualTo("failed");
        assertThat(done.error()).contains(why);
        assertThat(containers()).as("no container of the failed apply").isEmpty();
        assertThat(onlyInstance("failed").error()).isEqualTo("image " + repo + ":14.9 could not be pulled: " + why);
    }

    @Test
    void anUnreachableRegistryFailsTheTaskInWordsAndCreatesNothing() throws Exception {
        String closed = "127.0.0.1:" + freePort();
        Task done = deploy(closed + "/pgedge/postgrest", TAG);
        assertThat(done.status()).isEqualTo("failed");
        assertThat(done.error()).contains("registry " + closed + " cannot be reached");
        assertThat(containers()).as("no container of the failed apply").isEmpty();
        assertThat(onlyInstance("failed").error()).startsWith("image " + closed + "/pgedge/postgrest:" + TAG
                + " could not be pulled: registry " + closed + " cannot be reached");
    }

    /** A deploy of the stand-in through a registry door passing about 300 KB/s: its 4 MB pull lasts some 13 s. */
    private Task slowDeploy(SlowProxy slow, String hostEndpoint) throws Exception {
        String slowRepo = slow.address() + "/pgedge/postgrest";
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings().withImage("postgrest", slowRepo));
        if (hostEndpoint != null) {
            engine.bindHost("host-1", hostEndpoint);
        }
        Task t = engine.createDatabase(LocalEngineTesting.example("co-located.json", id));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && log(t).stream().noneMatch(l -> l.startsWith(slowRepo + ":" + TAG + ": "))) {
            Thread.sleep(100);
        }
        assertThat(log(t)).as("the pull is under way").anyMatch(l -> l.startsWith(slowRepo + ":" + TAG + ": "));
        return t;
    }

    private static boolean imagePresent(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }

    @Test
    void aCancelDuringThePullStopsItCreatesNothingAndTheTaskEndsCanceled() throws Exception {
        try (SlowProxy slow = new SlowProxy(registryPort, 300_000)) {
            String image = slow.address() + "/pgedge/postgrest:" + TAG;
            Task t = slowDeploy(slow, null);
            Task asked = engine.cancelTask(id, t.taskId());
            assertThat(asked.status()).isIn("canceling", "canceled");
            Task done = LocalEngineTesting.finish(engine, t);
            assertThat(done.status()).isEqualTo("canceled");
            assertThat(done.completedAt()).isNotNull();
            List<String> log = log(done);
            assertThat(log.subList(log.size() - 2, log.size())).containsExactly("cancel asked for",
                    "canceled during the pull of " + image + "; the pull was stopped and nothing was created");
            assertThat(containers()).as("no container of the canceled apply").isEmpty();
            Thread.sleep(2000);
            assertThat(imagePresent(image)).as("the engine stopped pulling").isFalse();
            assertThat(engine.tasks(id)).extracting(Task::taskId, Task::type, Task::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(t.taskId(), "create", "canceled"));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> engine.cancelTask(id, t.taskId())))
                    .hasMessageContaining("task " + t.taskId() + " has already ended (canceled); there is nothing to cancel");
        }
    }

    @Test
    void tasksListsTheDeploysNewestFirst() throws Exception {
        Task created = deploy(repo, TAG);
        assertThat(created.status()).as(String.valueOf(created.error())).isEqualTo("completed");
        var update = Json.MAPPER.treeToValue(((ObjectNode) Json.MAPPER.valueToTree(LocalEngineTesting.example("co-located.json", id)))
                .without("id"), trellis.spec.UpdateDatabaseRequest.class);
        Task updated = LocalEngineTesting.finish(engine, engine.updateDatabase(id, update));
        assertThat(engine.tasks(id)).extracting(Task::taskId, Task::type, Task::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(updated.taskId(), "update", "completed"),
                org.assertj.core.groups.Tuple.tuple(created.taskId(), "create", "completed"));
        assertThat(engine.tasks("someone-else")).isEmpty();
    }

    @Test
    void theDockerEngineGoneMidPullFailsTheTaskWithThatReasonAndLeavesNothing() throws Exception {
        try (SlowProxy slow = new SlowProxy(registryPort, 300_000);
             EngineProxy door = new EngineProxy(LocalEngines.dockerHost().orElseThrow())) {
            String image = slow.address() + "/pgedge/postgrest:" + TAG;
            Task t = slowDeploy(slow, door.endpoint());
            door.cut();
            Task done = LocalEngineTesting.finish(engine, t);
            assertThat(done.status()).isEqualTo("failed");
            assertThat(done.error()).startsWith("image " + image
                    + " could not be pulled: the Docker engine stopped answering during the pull (").endsWith("); nothing was created");
            assertThat(containers()).as("nothing half-created").isEmpty();
            assertThat(imagePresent(image)).as("no image half-pulled").isFalse();
        }
    }
}
