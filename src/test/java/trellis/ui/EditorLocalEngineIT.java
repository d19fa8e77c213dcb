package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngineTesting;
import trellis.spec.CreateDatabaseRequest;
import trellis.spec.Json;

/**
 * A draft applied to the local engine on real Docker (the stand-in image): the multiple-instances
 * template ('api' on host-1 and host-2, a third node on host-3) deployed and running; 'api' dragged
 * from host-1 to host-3 in the picture, reviewed and applied; the instance then runs on host-3 (its
 * container there, the one of host-1 gone). Skips without Docker; fails with TRELLIS_REQUIRE_DOCKER=1.
 */
@ExtendWith(ApplicationExtension.class)
class EditorLocalEngineIT {
    static final String DB = "edmoves";
    static DockerClient docker;
    MainWindow window;
    LocalEngine engine;
    Stage stage;

    /** Before the window: a skip must be a skip, not an error inside the FX start-up. */
    @BeforeAll
    static void docker() {
        docker = LocalEngineTesting.requireDocker();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        engine = new LocalEngine(docker, LocalEngineTesting.standInSettings());
        ObjectNode body = (ObjectNode) Json.toTree(LocalEngineTesting.example("multiple-instances.json", DB)).deepCopy();
        ((ArrayNode) body.at("/spec/nodes")).addObject().put("name", "n3").putArray("host_ids").add("host-3");
        var task = engine.createDatabase(Json.convert(body, CreateDatabaseRequest.class));
        assertThat(LocalEngineTesting.finish(engine, task).status()).isEqualTo("completed");
        window = EngineConsole.open(stage, engine);
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        EngineConsole.close(robot, stage, window, docker, DB, engine);
    }

    private static List<String> hostsWithContainers() {
        return docker.listContainersCmd().withLabelFilter(Map.of("io.trellis.database", DB)).exec().stream()
                .map(c -> c.getLabels().get("io.trellis.host")).sorted().toList();
    }

    private static boolean running(FxRobot robot, String host) {
        return has(robot.lookup("#instance-" + DB + "-api-" + host).tryQuery().orElse(null), "running");
    }

    @Test
    void aMoveDraggedOnTheLocalEngineIsAppliedAndTheInstanceRunsOnItsNewHost(FxRobot robot) throws Exception {
        waitUntil("'api' running on host-1 and host-2", 60, () -> running(robot, "host-1") && running(robot, "host-2"));
        assertThat(hostsWithContainers()).containsExactly("host-1", "host-2");

        robot.drag("#instance-" + DB + "-api-host-1", MouseButton.PRIMARY).moveTo((Node) robot.lookup("#host-host-3").query())
                .moveBy(0, 30);
        assertThat(window.graph().dropRefusal("host-3")).isEmpty();
        robot.drop();
        waitUntil("the draft's link", 10, () -> robot.lookup("#draft-review-link").query().isVisible());
        robot.clickOn("#draft-review-link");
        waitUntil("the review", 15, () -> robot.lookup("#review-apply").tryQuery().isPresent());
        assertThat(ReviewFxTest.items(robot, "#review-plan")).<Object>map(Object::toString)
                .containsExactly("~ move 'api' from host-1 to host-3");
        robot.clickOn("#review-apply");
        // the engine answers the spec without its secrets: they are asked for, by name
        waitUntil("the secrets asked for", 15, () -> robot.lookup("#secret-app").tryQuery().isPresent());
        robot.clickOn("#secret-admin").write("change-me-admin");
        robot.clickOn("#secret-app").write("change-me-app");
        robot.clickOn("#secret-send");
        waitUntil("the review closes", 15, () -> robot.lookup("#review-apply").tryQuery().isEmpty());

        waitUntil("'api' running on host-3", 90, () -> running(robot, "host-3"));
        waitUntil("host-1's container gone", 60, () -> hostsWithContainers().equals(List.of("host-2", "host-3")));
        waitUntil("host-1's card gone", 30, () -> robot.lookup("#instance-" + DB + "-api-host-1").tryQuery().isEmpty());
        assertThat(running(robot, "host-2")).isTrue();
        assertThat(robot.lookup("#draft-review-link").query().isVisible()).as("the draft cleared").isFalse();
        assertThat(engine.database(DB).spec().services().get(0).hostIds()).containsExactly("host-3", "host-2");
        FxTesting.screenshot(stage.getScene(), "editor-local-engine-moved");
    }
}
