package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.PullProgress;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineTesting;
import trellis.spec.Json;
import trellis.ui.tasks.TaskEntry;

/**
 * The Tasks tab on the real local engine, its images in a registry on 127.0.0.1 (the Debian
 * package docker-registry) holding the stand-in as pgedge/postgrest:14.5: a deploy from the console
 * followed to its end with the pull; a tag the registry lacks fails the task, raises a
 * notification with the reason, and the instance's details carry it.
 */
@ExtendWith(ApplicationExtension.class)
class TasksLocalEngineIT {
    static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    static final String TAG = "14.5";
    static DockerClient docker;
    static Process registry;
    static Path registryDir;
    static String repo;

    final String id = "tasks-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 26)
            .replaceAll("[0-9]", "x");
    LocalEngine engine;
    MainWindow window;

    @BeforeAll
    static void registryWithTheStandIn() throws Exception {
        docker = LocalEngineTesting.requireDocker();
        if (!Files.isExecutable(REGISTRY)) {
            String why = REGISTRY + " is missing (apt-get install -y docker-registry)";
            if ("1".equals(System.getenv("TRELLIS_REQUIRE_DOCKER"))) {
                throw new AssertionError("TRELLIS_REQUIRE_DOCKER=1 but " + why);
            }
            Assumptions.abort(why);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        registryDir = Files.createTempDirectory("trellis-tasks-registry");
        Path config = registryDir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\nstorage: {filesystem: {rootdirectory: " + registryDir.resolve("data")
                + "}}\nhttp: {addr: 127.0.0.1:" + port + "}\nlog: {level: warn}\n");
        registry = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(registryDir.resolve("registry.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean up = false;
        while (!up && System.nanoTime() < deadline) {
            try {
                up = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(up).as("the registry answers").isTrue();
        repo = "127.0.0.1:" + port + "/pgedge/postgrest";
        // a layer of its own (2 MB of random bytes), so the pull downloads something
        Path context = Files.createDirectories(registryDir.resolve("build"));
        byte[] blob = new byte[2_000_000];
        ThreadLocalRandom.current().nextBytes(blob);
        Files.write(context.resolve("blob"), blob);
        Files.writeString(context.resolve("Dockerfile"), "FROM " + LocalEngineTesting.STAND_IN + "\nCOPY blob /blob\n");
        docker.buildImageCmd(context.toFile()).withTags(java.util.Set.of(repo + ":" + TAG)).start().awaitImageId(120, TimeUnit.SECONDS);
        docker.pushImageCmd(repo).withTag(TAG).exec(new ResultCallback.Adapter<PushResponseItem>()).awaitCompletion(60, TimeUnit.SECONDS);
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
                docker.removeImageCmd(repo + ":" + TAG).withForce(true).exec();
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

    @Start
    void start(Stage stage) throws Exception {
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings().withImage("postgrest", repo));
        window = EngineConsole.open(stage, engine);
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        robot.interact(window::shutdown);
        if (docker != null) {
            LocalEngineTesting.removeContainers(docker, id);
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** Opens the co-located example as database {@code id}, its PostgREST at {@code version}, and deploys it. */
    private void deploy(FxRobot robot, String version) throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(LocalEngineTesting.example("co-located.json", id));
        ((ObjectNode) tree.at("/spec/services/0")).put("version", version);
        Path file = Files.createTempDirectory("trellis-tasks").resolve(id + ".json");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), tree);
        robot.interact(() -> window.openFile(file));
        waitUntil("file open", 20, () -> window.currentDatabase() != null && window.currentDatabase().source() instanceof Sources.FileSource);
        Sources.FileSource source = (Sources.FileSource) window.currentDatabase().source();
        robot.interact(() -> window.deploy(source, engine, false));
        robot.clickOn("Tasks");
        waitUntil("the entry", 15, () -> !TasksTabFxTest.rows(robot).isEmpty());
    }

    @Test
    void followsADeployFromTheConsoleToItsEndWithThePull(FxRobot robot) throws Exception {
        deploy(robot, TAG);
        waitUntil("completed", 120, () -> TasksTabFxTest.rows(robot).equals(List.of("create  " + id + "  completed  M:SS")));
        String image = repo + ":" + TAG;
        List<String> log = TasksTabFxTest.log(robot).stream().map(l -> l.substring(10)).toList();
        assertThat(log).contains("pulling " + image, image + " pulled");
        assertThat(log.indexOf(image + " pulled")).isGreaterThan(log.indexOf("pulling " + image));
        @SuppressWarnings("unchecked")
        TaskEntry entry = ((ListView<TaskEntry>) robot.lookup("#tasks-list").query()).getItems().get(0);
        PullProgress last = entry.pulls().get(image);
        assertThat(last).as("the engine's pull reports reached the entry").isNotNull();
        assertThat(last.done()).isTrue();
        assertThat(last.doneBytes()).isEqualTo(last.totalBytes()).isPositive();
        FxTesting.screenshot(window.root().getScene(), "tasks-tab-local");
    }

    @Test
    void aMissingTagFailsTheTaskWithANotificationAndTheInstanceSaysWhy(FxRobot robot) throws Exception {
        robot.clickOn("Events");
        deploy(robot, "14.9");
        String reason = "image " + repo + ":14.9 could not be pulled: tag 14.9 does not exist in " + repo;
        waitUntil("failed", 120, () -> TasksTabFxTest.rows(robot).equals(List.of("create  " + id + "  failed  M:SS")));
        waitUntil("a notification", 10, () -> TasksTabFxTest.notificationText(robot) != null
                && TasksTabFxTest.notificationText(robot).contains(reason));
        assertThat(TasksTabFxTest.notificationText(robot)).contains("Task failed: Deploy '" + id + "' to Local engine\ncreate of "
                + id + " failed:\n" + reason);
        String instance = id + "-api-host-1";
        waitUntil("the instance failed", 30, () -> FxTesting.has(robot.lookup("#instance-" + instance).tryQuery().orElse(null), "failed"));
        robot.interact(() -> window.graph().selectInstance(instance));
        assertThat(robot.lookup(".details .error-text").queryAs(Label.class).getText()).isEqualTo(reason);
        TasksTabFxTest.screenshotWithPopups(robot, "tasks-failed-pull");
    }
}
