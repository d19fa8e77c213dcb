package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.http.RestControlPlane;
import trellis.spec.Json;
import trellis.ui.model.SpecServer;

/**
 * The picture as an editor of a live database, in the real window against a real HTTP server
 * speaking the contract (the multiple-instances template, 'api' on host-1 and host-2, with a third
 * node on host-3): dragging an instance drafts a move, marked on the picture over the polled states
 * and counted in the status bar; the review shows the plan, and Apply sends the full spec with the
 * moved host ids, users and their secrets (asked for, as the GET strips them) kept; the draft is then
 * cleared. A draft survives closing and reopening the console.
 */
@ExtendWith(ApplicationExtension.class)
class LiveEditorFxTest {
    SpecServer server;
    RestControlPlane cp;
    MainWindow window;
    Stage stage;
    ObjectNode spec;
    final Settings settings = FxTesting.freshSettings();

    @Start
    void start(Stage stage) throws Exception {
        spec = (ObjectNode) Json.MAPPER.readTree(trellis.TestFiles.example("multiple-instances.json").toFile()).get("spec");
        ((ArrayNode) spec.get("nodes")).addObject().put("name", "n3").putArray("host_ids").add("host-3");
        server = new SpecServer("catalog", spec);
        server.reportRunning();
        ArrayNode hosts = Json.MAPPER.createArrayNode();
        for (String h : List.of("host-1", "host-2", "host-3")) {
            hosts.addObject().put("id", h).put("orchestrator", "swarm");
        }
        server.setHosts(hosts);
        cp = new RestControlPlane(server.uri());
        open(stage);
    }

    private void open(Stage on) throws Exception {
        stage = on;
        window = ConsoleApp.createWindow(on, settings, TaskRunner.standard(), Theme.LIGHT);
        on.setWidth(1400);
        on.setHeight(860);
        on.show();
        window.setInterval(60);
        window.addControlPlane(cp);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new java.util.ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        robot.interact(window::shutdown);
        server.close();
    }

    private static String link(FxRobot robot) {
        Hyperlink l = robot.lookup("#draft-review-link").queryAs(Hyperlink.class);
        return l.isVisible() ? l.getText() : "(hidden)";
    }

    private static String badge(FxRobot robot, String instance) {
        return robot.lookup("#instance-catalog-" + instance + " .draft-badge").queryAs(Label.class).getText();
    }

    private static boolean running(FxRobot robot, String instance) {
        return robot.lookup("#instance-catalog-" + instance).tryQuery()
                .map(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("running"))).orElse(false);
    }

    private void polledRunning(FxRobot robot) {
        waitUntil("the live database polled", 20, () -> window.poller() != null && window.poller().getLastValue() != null);
        waitUntil("'api' running on host-1 and host-2", 10, () -> running(robot, "api-host-1") && running(robot, "api-host-2"));
    }

    private void dragApiToHost3(FxRobot robot) {
        robot.drag("#instance-catalog-api-host-1", MouseButton.PRIMARY).moveTo((Node) robot.lookup("#host-host-3").query()).moveBy(0, 30);
        assertThat(window.graph().dropRefusal("host-2")).contains("it already has an instance of 'api'");
        assertThat(window.graph().dropRefusal("host-3")).isEmpty();
        robot.drop();
        waitUntil("the moved instance", 10, () -> robot.lookup("#instance-catalog-api-host-3").tryQuery().isPresent());
    }

    @Test
    void aMoveDraggedOnALiveDatabaseIsReviewedAndAppliedWithTheFullSpec(FxRobot robot) throws Exception {
        polledRunning(robot);
        assertThat(link(robot)).isEqualTo("(hidden)");
        dragApiToHost3(robot);
        assertThat(badge(robot, "api-host-3")).isEqualTo("moved from host-1");
        assertThat(badge(robot, "api-host-1")).as("still running until applied, struck through").isEqualTo("moving to host-3");
        assertThat(running(robot, "api-host-1")).isTrue();
        assertThat(link(robot)).isEqualTo("Draft: 1 change — Review…");
        assertThat(window.actions().undoTextProperty().get()).isEqualTo("Undo move 'api' to host-3");
        assertThat(server.updates()).as("nothing reaches the server before the review").isEmpty();

        // the next poll keeps colouring what runs; the draft's marks stay on top
        int gets = server.received.size();
        robot.interact(window::onRefresh);
        waitUntil("polled again", 10, () -> server.received.size() > gets);
        robot.sleep(300);
        assertThat(running(robot, "api-host-2")).isTrue();
        assertThat(badge(robot, "api-host-3")).isEqualTo("moved from host-1");
        assertThat(badge(robot, "api-host-1")).isEqualTo("moving to host-3");
        FxTesting.screenshot(stage.getScene(), "live-editor-draft-light");
        robot.interact(() -> Theme.DARK.apply(stage.getScene()));
        FxTesting.screenshot(stage.getScene(), "live-editor-draft-dark");
        robot.interact(() -> Theme.LIGHT.apply(stage.getScene()));

        robot.clickOn("#draft-review-link");
        waitUntil("the review of the live apply", 10, () -> robot.lookup("#review-apply").tryQuery().isPresent());
        assertThat(ReviewFxTest.items(robot, "#review-plan")).<Object>map(Object::toString).containsExactly(
                "~ move 'api' from host-1 to host-3");
        assertThat(robot.lookup("#draft-discard-button").tryQuery()).isPresent();
        javafx.scene.Scene review = robot.lookup("#review-apply").query().getScene();
        FxTesting.screenshot(review, "live-editor-review-light");
        robot.interact(() -> Theme.DARK.apply(review));
        FxTesting.screenshot(review, "live-editor-review-dark");
        robot.interact(() -> Theme.LIGHT.apply(review));
        robot.clickOn("#review-apply");
        waitUntil("the secrets asked for", 10, () -> robot.lookup("#secret-app").tryQuery().isPresent());
        assertThat(server.updates()).as("nothing sent before the secrets are given").isEmpty();
        robot.clickOn("#secret-admin").write("typed-admin");
        robot.clickOn("#secret-app").write("typed-app");
        robot.clickOn("#secret-send");

        waitUntil("the update sent", 10, () -> server.updates().size() == 1);
        JsonNode expected = spec.deepCopy();
        ((ArrayNode) expected.at("/services/0/host_ids")).removeAll().add("host-3").add("host-2");
        ((ObjectNode) expected.at("/database_users/0")).put("password", "typed-admin");
        ((ObjectNode) expected.at("/database_users/1")).put("password", "typed-app");
        assertThat(Json.parse(server.updates().get(0)).get("spec")).isEqualTo(expected);

        waitUntil("the review closes", 10, () -> robot.lookup("#review-apply").tryQuery().isEmpty());
        waitUntil("the draft cleared", 10, () -> link(robot).equals("(hidden)"));
        robot.clickOn("Tasks");
        waitUntil("the update's task in the Tasks tab", 10, () -> robot.lookup(".task-heading").tryQuery().isPresent()
                && robot.lookup(".task-heading").queryAs(Label.class).getText().endsWith("completed"));
        assertThat(robot.lookup(".task-heading").queryAs(Label.class).getText()).isEqualTo("Apply the draft of 'catalog' on "
                + cp.displayName() + " — task 0191f1b0-0000-7000-8000-000000000001: completed");

        // the next poll shows the instance on its new host, and nothing marked
        robot.interact(window::onRefresh);
        waitUntil("'api' running on host-3", 10, () -> running(robot, "api-host-3"));
        assertThat(robot.lookup("#instance-catalog-api-host-1").tryQuery()).isEmpty();
        assertThat(robot.lookup(".draft-badge").tryQuery()).isEmpty();
        Path drafts = settings.file().toAbsolutePath().resolveSibling("drafts");
        waitUntil("the kept draft forgotten", 10, () -> !Files.isDirectory(drafts) || isEmpty(drafts));
    }

    private static boolean isEmpty(Path dir) {
        try (var list = Files.list(dir)) {
            return list.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void discardingTheEditAfterAConflictDiscardsTheDraft(FxRobot robot) {
        polledRunning(robot);
        dragApiToHost3(robot);
        ObjectNode theirs = spec.deepCopy();
        ((ObjectNode) theirs.at("/services/0")).put("version", "14.6");
        server.replace(theirs);
        robot.clickOn("#draft-review-link");
        waitUntil("the review of the live apply", 10, () -> robot.lookup("#review-apply").tryQuery().isPresent());
        robot.clickOn("#review-apply");
        waitUntil("the conflict", 10, () -> robot.lookup("#conflict-discard").tryQuery().isPresent());
        assertThat(ReviewFxTest.items(robot, "#conflict-their-changes")).<Object>map(Object::toString)
                .containsExactly("~ 'api' version 14.5 → 14.6");
        robot.clickOn("#conflict-discard");
        waitUntil("the review closes", 10, () -> robot.lookup("#review-apply").tryQuery().isEmpty());
        waitUntil("the draft discarded", 10, () -> link(robot).equals("(hidden)"));
        assertThat(robot.lookup("#instance-catalog-api-host-3").tryQuery()).isEmpty();
        assertThat(robot.lookup(".draft-badge").tryQuery()).isEmpty();
        assertThat(window.actions().undoTextProperty().get()).isEqualTo("Undo discard the draft");
        assertThat(server.updates()).as("nothing sent").isEmpty();
    }

    @Test
    void aDropOnAHostThatIsNotDockerSwarmIsRefusedWithItsReason(FxRobot robot) {
        polledRunning(robot);
        ArrayNode hosts = Json.MAPPER.createArrayNode();
        hosts.addObject().put("id", "host-1").put("orchestrator", "swarm");
        hosts.addObject().put("id", "host-2").put("orchestrator", "swarm");
        hosts.addObject().put("id", "host-3").put("orchestrator", "systemd");
        server.setHosts(hosts);
        // a look at the source's Hosts lists them again (the picture itself asks a minute after its last listing)
        Sources.LiveSource live = window.liveSourceList().get(0);
        robot.clickOn((Node) robot.lookup(".tree-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("Hosts")).query());
        waitUntil("the hosts listed", 10, () -> robot.lookup("#hosts-note").queryLabeled().getText().contains("1 cannot take services"));
        robot.interact(() -> window.selectDatabase(new Sources.DatabaseRef(live, "catalog", "available")));
        int gets = server.received.size();
        robot.interact(window::onRefresh);
        waitUntil("polled again", 10, () -> server.received.size() > gets);
        waitUntil("the picture knows host-3", 10, () -> window.graph().topology() != null
                && window.graph().topology().host("host-3").map(h -> h.live() != null).orElse(false));

        robot.drag("#instance-catalog-api-host-1", MouseButton.PRIMARY).moveTo((Node) robot.lookup("#host-host-3").query()).moveBy(0, 30);
        assertThat(window.graph().dropRefusal("host-3")).contains("Host host-3 runs systemd, not Docker Swarm: "
                + trellis.topology.HostServices.NOT_ON_SYSTEMD);
        assertThat(window.graph().dropRefusal("host-2")).contains("it already has an instance of 'api'");
        robot.drop();
        assertThat(robot.lookup("#instance-catalog-api-host-3").tryQuery()).as("an invalid drop changes nothing").isEmpty();
        assertThat(running(robot, "api-host-1")).isTrue();
        assertThat(link(robot)).isEqualTo("(hidden)");
        assertThat(server.updates()).isEmpty();
    }

    @Test
    void aLiveDraftSurvivesClosingAndReopeningTheConsole(FxRobot robot) throws Exception {
        polledRunning(robot);
        dragApiToHost3(robot);
        Path drafts = settings.file().toAbsolutePath().resolveSibling("drafts");
        waitUntil("the draft kept", 10, () -> Files.isDirectory(drafts) && !isEmpty(drafts));
        robot.interact(() -> {
            window.shutdown();
            stage.close();
            try {
                open(new Stage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        polledRunning(robot);
        waitUntil("the offer", 10, () -> link(robot).equals("Draft kept: 1 change — Restore…"));
        assertThat(robot.lookup(".draft-badge").tryQuery()).isEmpty();
        robot.clickOn("#draft-review-link");
        waitUntil("the draft back", 10, () -> robot.lookup("#instance-catalog-api-host-3").tryQuery().isPresent());
        assertThat(badge(robot, "api-host-3")).isEqualTo("moved from host-1");
        assertThat(badge(robot, "api-host-1")).isEqualTo("moving to host-3");
        assertThat(link(robot)).isEqualTo("Draft: 1 change — Review…");
        assertThat(window.actions().undoTextProperty().get()).isEqualTo("Undo restore the kept draft");
    }
}
