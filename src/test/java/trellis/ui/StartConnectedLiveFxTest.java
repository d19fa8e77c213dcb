package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;
import trellis.engine.LocalEngineDetection;
import trellis.spec.Json;

/**
 * The console started as {@code --connect URL --database storefront} does it, on a stateful JDK HTTP
 * server ({@link SteppedControlPlane}): each instance's card takes the state and the colour the
 * server gives it between polls, and an apply made in the console (the wizard's Add service here…)
 * is followed in the Tasks tab from pending through running to completed with its log lines, the
 * new instance then appearing on the picture, creating, and turning running.
 */
@ExtendWith(ApplicationExtension.class)
class StartConnectedLiveFxTest {
    static final String API_1 = "storefront-api-host-1";
    static final String API_2 = "storefront-api-host-2";
    static final String REPORTS_1 = "storefront-reports-host-1";
    /** The light theme's backgrounds of a card (css/trellis.css). */
    static final Color CREATING = Color.web("#e6f0fb");
    static final Color RUNNING = Color.web("#e5f5ec");
    static final Color FAILED = Color.web("#fbe9e9");
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    SteppedControlPlane server;
    MainWindow window;
    Stage stage;
    JsonNode spec;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        spec = Json.toTree(FxTesting.example("multiple-instances.json").spec());
        server = new SteppedControlPlane(spec);
        Settings settings = FxTesting.freshSettings();
        // what ConsoleMain makes of: --connect http://127.0.0.1:PORT --database storefront
        Remote remote = new Remote(new ConnectionProfiles(settings.file().resolveSibling("profiles.json")), ConnectProfilesFxTest.OPEN,
                ConnectionProfile.ofUrl(server.uri().toString()), SteppedControlPlane.DB);
        window = ConsoleApp.createWindow(stage, new ConsoleServices(settings, TaskRunner.standard(), dialogs,
                LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new, remote), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        window.setInterval(1);
        assertThat(window.startConnected()).isTrue();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        robot.interact(window::shutdown);
        server.close();
    }

    /** A card's state as the person sees it: its pseudo-class, its word and its background colour. */
    record Look(String pseudoClass, String word, Color background) {
    }

    private static Look look(FxRobot robot, String instanceId) {
        List<Look> out = new ArrayList<>();
        robot.interact(() -> {
            Region card = robot.lookup("#instance-" + instanceId).queryAs(Region.class);
            // the styles of its state now, not at the next pulse
            card.applyCss();
            String state = card.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName)
                    .filter(n -> List.of("pending", "creating", "running", "failed", "deleting").contains(n)).findFirst().orElse(null);
            String word = ((Label) card.lookup(".instance-state")).getText();
            Color bg = (Color) card.getBackground().getFills().get(0).getFill();
            out.add(new Look(state, word, bg));
        });
        return out.get(0);
    }

    private static boolean shows(FxRobot robot, String instanceId, String state) {
        return robot.lookup("#instance-" + instanceId).tryQuery()
                .map(card -> card.getPseudoClassStates().contains(PseudoClass.getPseudoClass(state))).orElse(false);
    }

    @Test
    void eachInstanceTakesTheStateAndColourTheServerGivesItBetweenPolls(FxRobot robot) throws Exception {
        waitUntil("storefront on screen", 20, () -> shows(robot, API_1, "running") && shows(robot, API_2, "running"));
        assertThat(look(robot, API_1)).isEqualTo(new Look("running", "running · healthy", RUNNING));
        assertThat(look(robot, API_2)).isEqualTo(new Look("running", "running · healthy", RUNNING));

        server.setState(API_2, "creating");
        waitUntil("api on host-2 creating", 10, () -> shows(robot, API_2, "creating"));
        assertThat(look(robot, API_1)).isEqualTo(new Look("running", "running · healthy", RUNNING));
        assertThat(look(robot, API_2)).isEqualTo(new Look("creating", "creating", CREATING));

        server.setState(API_1, "failed");
        server.setState(API_2, "running");
        waitUntil("api on host-1 failed, on host-2 running", 10, () -> shows(robot, API_1, "failed") && shows(robot, API_2, "running"));
        assertThat(look(robot, API_1)).isEqualTo(new Look("failed", "failed", FAILED));
        assertThat(look(robot, API_2)).isEqualTo(new Look("running", "running · healthy", RUNNING));
        FxTesting.screenshot(stage.getScene(), "start-connected-states");
        // newest first; one poll's changes in the picture's order
        assertThat(window.events().stream().map(e -> e.substring("HH:mm:ss  ".length())).toList()).containsExactly(
                "api on host-2: creating → running", "api on host-1: running → failed", "api on host-2: running → creating",
                "127.0.0.1:" + server.uri().getPort() + ": 1 database(s)");
    }

    @Test
    void anApplyFromTheWizardIsFollowedToItsEndAndItsInstanceAppears(FxRobot robot) throws Exception {
        waitUntil("storefront polled", 20, () -> shows(robot, API_1, "running"));
        FxTesting.addPostgrestOn(robot, "host-1");
        TextField id = robot.lookup("#service-id").queryAs(TextField.class);
        robot.interact(id::clear);
        robot.clickOn(id).write("reports");
        next(robot);
        next(robot);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> connectAs = robot.lookup("#connect-as").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> connectAs.getSelectionModel().select("app"));
        for (int page = 0; page < 3; page++) {
            next(robot);
        }
        robot.clickOn("#wizard-finish");
        waitUntil("the review", 10, () -> robot.lookup("#review-apply").tryQuery().isPresent());
        robot.clickOn("#review-apply");
        waitUntil("the secrets asked for", 10, () -> robot.lookup("#secret-app").tryQuery().isPresent());
        robot.clickOn("#secret-admin").write("typed-admin");
        robot.clickOn("#secret-app").write("typed-app");
        robot.clickOn("#secret-send");
        waitUntil("the update sent", 10, () -> server.updates.size() == 1);
        assertThat(server.updates.get(0).at("/spec/services/1/service_id").asText()).isEqualTo("reports");
        assertThat(server.updates.get(0).at("/spec/services/1/host_ids").toString()).isEqualTo("[\"host-1\"]");

        robot.clickOn("Tasks");
        waitUntil("the task's heading", 10, () -> robot.lookup(".task-heading").tryQuery().isPresent());
        Label heading = robot.lookup(".task-heading").queryAs(Label.class);
        List<String> said = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            said.add(heading.getText());
            heading.textProperty().addListener((o, was, now) -> said.add(now));
        });
        String task = "Add service 'reports' of 'storefront' on 127.0.0.1:" + server.uri().getPort()
                + " — task 0191f1b0-0000-7000-8000-000000000001: ";
        waitUntil("pending", 10, () -> heading.getText().equals(task + "pending"));
        assertThat(TasksTabFxTest.rows(robot)).containsExactly("update  storefront  pending  M:SS");
        assertThat(TasksTabFxTest.log(robot)).isEmpty();

        server.step();
        // the list's rows are redrawn once a second, the heading and the log at each answer
        waitUntil("running", 10, () -> heading.getText().equals(task + "running") && TasksTabFxTest.log(robot).size() == 1
                && TasksTabFxTest.rows(robot).equals(List.of("update  storefront  running  M:SS")));
        assertThat(TasksTabFxTest.rows(robot)).containsExactly("update  storefront  running  M:SS");
        server.step();
        waitUntil("its work logged", 10, () -> TasksTabFxTest.log(robot).size() == 2);
        assertThat(shows(robot, REPORTS_1, "creating")).as("no instance before the task completed").isFalse();
        server.step();
        waitUntil("completed", 10, () -> heading.getText().equals(task + "completed")
                && TasksTabFxTest.rows(robot).equals(List.of("update  storefront  completed  M:SS")));
        assertThat(TasksTabFxTest.rows(robot)).containsExactly("update  storefront  completed  M:SS");
        assertThat(TasksTabFxTest.log(robot)).containsExactly("10:00:01  task started",
                "10:00:02  creating service instance " + REPORTS_1, "10:00:03  task completed");
        assertThat(said.stream().distinct().toList()).containsExactly(task + "pending", task + "running", task + "completed");

        waitUntil("the new instance on the picture", 10, () -> shows(robot, REPORTS_1, "creating"));
        assertThat(look(robot, REPORTS_1)).isEqualTo(new Look("creating", "creating", CREATING));
        server.setState(REPORTS_1, "running");
        waitUntil("the new instance running", 10, () -> shows(robot, REPORTS_1, "running"));
        assertThat(look(robot, REPORTS_1)).isEqualTo(new Look("running", "running · healthy", RUNNING));
        FxTesting.screenshot(stage.getScene(), "start-connected-applied");
        assertThat(dialogs.errors).isEmpty();
    }

    private static void next(FxRobot robot) {
        FxTesting.wizardNext(robot);
    }
}
