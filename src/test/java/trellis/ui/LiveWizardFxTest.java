package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.TestFiles;
import trellis.engine.http.RestControlPlane;
import trellis.spec.DatabaseSpec;
import trellis.spec.Json;
import trellis.ui.model.SpecServer;

/**
 * The wizard on a live database, in the real window against a real HTTP server speaking the
 * contract: a host's context menu opens it with that host ticked, a systemd host is offered
 * disabled with the reason, Finish opens the review, and Apply goes through the safe apply: a spec
 * changed on the server meanwhile is shown and the edit re-applied on top, the secrets the GET
 * stripped are asked for by name before anything is sent, and a 400 stays at the review.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWizardFxTest {
    SpecServer server;
    RestControlPlane cp;
    MainWindow window;
    Stage stage;
    DatabaseSpec file;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        file = FxTesting.example("co-located.json").spec();
        server = new SpecServer("storefront", Json.toTree(file));
        ArrayNode hosts = Json.MAPPER.createArrayNode();
        hosts.addObject().put("id", "host-1").put("orchestrator", "swarm");
        hosts.addObject().put("id", "host-2").put("orchestrator", "systemd");
        server.setHosts(hosts);
        cp = new RestControlPlane(server.uri());
        window = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        window.setInterval(60);
        window.addControlPlane(cp);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new java.util.ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        robot.interact(window::shutdown);
        server.close();
    }

    private void next(FxRobot robot) {
        FxTesting.wizardNext(robot);
    }

    /** From the host's context menu on the live picture through every page to Finish, adding PostgREST 'reports' as app. */
    @SuppressWarnings("unchecked")
    private void addReportsOnHost1(FxRobot robot, boolean screenshot) throws Exception {
        waitUntil("the live database polled", 20, () -> window.poller() != null && window.poller().getLastValue() != null);
        FxTesting.addPostgrestOn(robot, "host-1");
        TextField id = robot.lookup("#service-id").queryAs(TextField.class);
        robot.interact(id::clear);
        robot.clickOn(id).write("reports");
        next(robot);

        assertThat(robot.lookup("#place-host-1").queryAs(CheckBox.class).isSelected()).as("the host of the menu").isTrue();
        CheckBox systemd = robot.lookup("#place-host-2").queryAs(CheckBox.class);
        assertThat(systemd.getText()).isEqualTo("host-2  (no database node)");
        assertThat(systemd.isDisabled()).isTrue();
        assertThat(robot.lookup("#place-reason-host-2").queryAs(Label.class).getText()).isEqualTo("Host host-2 runs systemd, "
                + "not Docker Swarm: Supporting Services are not yet supported on systemd clusters; support is coming in a "
                + "subsequent release.");
        if (screenshot) {
            FxTesting.screenshot(robot.lookup("#wizard-next").query().getScene(), "live-wizard-placement-systemd");
        }
        next(robot);
        ComboBox<String> connectAs = robot.lookup("#connect-as").queryAs(ComboBox.class);
        assertThat(connectAs.getItems()).containsExactly("admin", "app");
        robot.interact(() -> connectAs.getSelectionModel().select("app"));
        next(robot);
        next(robot);
        next(robot);
        robot.clickOn("#wizard-finish");
        waitUntil("the review of the live apply", 10, () -> robot.lookup("#review-apply").tryQuery().isPresent());
    }

    @Test
    void aConflictIsShownTheEditGoesOnTopAndMissingSecretsAreAskedForBeforeAnythingIsSent(FxRobot robot) throws Exception {
        addReportsOnHost1(robot, true);
        assertThat(ReviewFxTest.items(robot, "#review-plan")).<Object>map(Object::toString).containsExactly(
                "+ add service 'reports' (postgrest 14.5) as app on host-1",
                "+ add instance of 'reports' on host-1");
        Scene review = robot.lookup("#review-apply").query().getScene();
        FxTesting.screenshot(review, "live-review-light");
        robot.interact(() -> Theme.DARK.apply(review));
        FxTesting.screenshot(review, "live-review-dark");
        robot.interact(() -> Theme.LIGHT.apply(review));

        // someone else changes the spec between the edit and the apply
        JsonNode theirs = server.spec();
        ((ObjectNode) theirs.at("/services/0")).put("version", "14.6");
        server.replace(theirs);
        robot.clickOn("#review-apply");
        waitUntil("the conflict", 10, () -> robot.lookup("#conflict-reapply").tryQuery().isPresent());
        assertThat(ReviewFxTest.items(robot, "#conflict-their-changes")).<Object>map(Object::toString)
                .containsExactly("~ 'api' version 14.5 → 14.6");
        assertThat(server.updates()).isEmpty();
        robot.clickOn("#conflict-reapply");

        waitUntil("the secrets asked for", 10, () -> robot.lookup("#secret-app").tryQuery().isPresent());
        assertThat(server.updates()).as("nothing sent before the secrets are given").isEmpty();
        robot.clickOn("#secret-admin").write("typed-admin");
        robot.clickOn("#secret-app").write("typed-app");
        robot.clickOn("#secret-send");

        waitUntil("the update sent", 10, () -> server.updates().size() == 1);
        JsonNode body = Json.parse(server.updates().get(0)).get("spec");
        JsonNode expected = Json.toTree(file).deepCopy();
        ((ObjectNode) expected.at("/services/0")).put("version", "14.6");
        ((ObjectNode) expected.at("/database_users/0")).put("password", "typed-admin");
        ((ObjectNode) expected.at("/database_users/1")).put("password", "typed-app");
        assertThat(body.path("services").size()).isEqualTo(2);
        JsonNode added = body.at("/services/1");
        assertThat(added.path("service_id").asText()).isEqualTo("reports");
        assertThat(added.path("connect_as").asText()).isEqualTo("app");
        assertThat(added.path("host_ids").toString()).isEqualTo("[\"host-1\"]");
        ((ArrayNode) expected.path("services")).add(added);
        assertThat(body).isEqualTo(expected);
        waitUntil("the review closes", 10, () -> robot.lookup("#review-apply").tryQuery().isEmpty());
        robot.clickOn("Tasks");
        waitUntil("the update's task in the Tasks tab", 10, () -> robot.lookup(".task-heading").tryQuery().isPresent()
                && robot.lookup(".task-heading").queryAs(Label.class).getText().endsWith("completed")
                && TasksTabFxTest.rows(robot).equals(java.util.List.of("update  storefront  completed  M:SS")));
        assertThat(TasksTabFxTest.rows(robot)).containsExactly("update  storefront  completed  M:SS");
        assertThat(robot.lookup(".task-heading").queryAs(Label.class).getText()).isEqualTo("Add service 'reports' "
                + "of 'storefront' on " + cp.displayName() + " — task 0191f1b0-0000-7000-8000-000000000001: completed");
    }

    @Test
    void aRefusalStaysAtTheReviewAndTheOpenFilesSecretsAreSentWithoutAsking(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(TestFiles.example("co-located.json")));
        waitUntil("file open", 20, () -> window.currentDatabase() != null
                && window.currentDatabase().source() instanceof Sources.FileSource);
        robot.interact(() -> window.selectDatabase(new Sources.DatabaseRef(window.liveSourceOf(cp), "storefront", "available")));
        addReportsOnHost1(robot, false);
        server.failNext(400, "invalid_input", "services[1].config.db_anon_role: role web_anon does not exist");
        robot.clickOn("#review-apply");
        waitUntil("the refusal", 10, () -> !robot.lookup("#review-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#review-error").queryAs(Label.class).getText()).isEqualTo("The Control Plane refused the "
                + "request as invalid: services[1].config.db_anon_role: role web_anon does not exist. Your edit is kept: change it and apply again.");
        assertThat(robot.lookup("#secret-app").tryQuery()).as("the open file knows the secrets").isEmpty();
        assertThat(server.spec()).isEqualTo(Json.toTree(file));

        robot.clickOn("#review-apply");
        waitUntil("the update accepted", 10, () -> robot.lookup("#review-apply").tryQuery().isEmpty());
        List<String> updates = server.updates();
        assertThat(updates).hasSize(2);
        JsonNode body = Json.parse(updates.get(1)).get("spec");
        assertThat(body.at("/database_users/0/password").asText()).isEqualTo(file.databaseUsers().get(0).password());
        assertThat(body.at("/database_users/1/password").asText()).isEqualTo("change-me-app");
        assertThat(body.at("/services/1/service_id").asText()).isEqualTo("reports");
    }
}
