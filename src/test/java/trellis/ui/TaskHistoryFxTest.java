package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.TestFiles;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.TaskServer;
import trellis.spec.Json;
import trellis.ui.tasks.TaskEntry;

/**
 * A live database's task history in the Tasks tab, against a real HTTP server: two past tasks
 * and two running, newest first and marked as history; a running one followed to its end with its
 * log as it arrives, a failed one's log fetched when selected, and another running one canceled.
 */
@ExtendWith(ApplicationExtension.class)
class TaskHistoryFxTest {
    TaskServer server;
    RestControlPlane cp;
    MainWindow window;
    Stage stage;
    String created;
    String failed;
    String followed;
    String canceled;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        server = new TaskServer();
        server.addDatabase("storefront", Json.MAPPER.readTree(TestFiles.example("co-located.json").toFile()).path("spec"));
        created = server.addTask("storefront", "create", "pending");
        server.log(created, "database storefront created");
        server.set(created, "completed", null);
        failed = server.addTask("storefront", "update", "pending");
        server.log(failed, "pulling ghcr.io/pgedge/postgrest:14.5", "manifest not found");
        server.set(failed, "failed", "image ghcr.io/pgedge/postgrest:14.5 could not be pulled");
        followed = server.addTask("storefront", "update", "running");
        server.log(followed, "updating service instances");
        canceled = server.addTask("storefront", "restart", "running");
        cp = new RestControlPlane(server.uri());
        window = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        window.addControlPlane(cp);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
        server.close();
    }

    void select(FxRobot robot, String taskId) {
        robot.interact(() -> TasksTabFxTest.tasks(robot).getItems().stream().filter(e -> e.taskId().equals(taskId)).findFirst()
                .ifPresent(e -> TasksTabFxTest.tasks(robot).getSelectionModel().select(e)));
    }

    String heading(FxRobot robot) {
        return robot.lookup(".task-heading").queryAs(Label.class).getText();
    }

    @Test
    void theHistoryIsListedFollowedAndCanceled(FxRobot robot) throws Exception {
        waitUntil("storefront shown", 20, () -> window.currentDatabase() != null && "storefront".equals(window.currentDatabase().databaseId()));
        robot.clickOn("Tasks");
        waitUntil("the history listed", 20, () -> TasksTabFxTest.rows(robot).size() == 4);
        assertThat(TasksTabFxTest.rows(robot)).containsExactly(
                "restart  storefront  running  (history)",
                "update  storefront  running  (history)",
                "update  storefront  failed  (history)",
                "create  storefront  completed  (history)");
        assertThat(server.requests).contains("GET /v1/databases/storefront/tasks?sort_order=desc");

        select(robot, followed);
        waitUntil("its log", 10, () -> TasksTabFxTest.log(robot).equals(List.of("16:00:00  updating service instances")));
        assertThat(heading(robot)).isEqualTo("Task history of 'storefront' on " + cp.displayName() + " — task " + followed + ": running");
        assertThat(robot.lookup("#task-cancel-button").queryAs(Button.class).isDisabled()).as("running, on a Control Plane").isFalse();
        server.log(followed, "storefront-postgrest-host-1 is running");
        server.set(followed, "completed", null);
        waitUntil("followed to its end", 10, () -> TasksTabFxTest.rows(robot).get(1).equals("update  storefront  completed  (history)")
                && TasksTabFxTest.log(robot).size() == 2);
        assertThat(TasksTabFxTest.log(robot)).containsExactly("16:00:00  updating service instances",
                "16:00:01  storefront-postgrest-host-1 is running");
        assertThat(server.requests).contains("GET /v1/databases/storefront/tasks/" + followed + "/log?after_entry_id=entry-0");
        assertThat(robot.lookup("#task-cancel-button").queryAs(Button.class).isDisabled()).as("it has ended").isTrue();

        select(robot, failed);
        waitUntil("the failed one's log", 10, () -> TasksTabFxTest.log(robot).size() == 2);
        assertThat(TasksTabFxTest.log(robot)).containsExactly("16:00:00  pulling ghcr.io/pgedge/postgrest:14.5", "16:00:01  manifest not found");
        assertThat(heading(robot)).endsWith(": failed: image ghcr.io/pgedge/postgrest:14.5 could not be pulled");

        select(robot, canceled);
        waitUntil("cancel offered", 10, () -> !robot.lookup("#task-cancel-button").queryAs(Button.class).isDisabled());
        assertThat(((Label) robot.lookup("#task-log").queryAs(javafx.scene.control.ListView.class).getPlaceholder()).getText())
                .isEqualTo("No log entries for this task yet.");
        robot.clickOn("#task-cancel-button");
        waitUntil("canceled", 10, () -> TasksTabFxTest.rows(robot).get(0).equals("restart  storefront  canceled  (history)"));
        assertThat(server.requests).contains("GET /v1/databases/storefront/tasks/" + canceled + "/cancel");
        // the history asked again does not list a task twice
        long asked = server.requests.stream().filter(r -> r.startsWith("GET /v1/databases/storefront/tasks?")).count();
        waitUntil("history asked again", 10, () -> server.requests.stream().filter(r -> r.startsWith("GET /v1/databases/storefront/tasks?")).count() > asked);
        assertThat(TasksTabFxTest.rows(robot)).containsExactly(
                "restart  storefront  canceled  (history)",
                "update  storefront  completed  (history)",
                "update  storefront  failed  (history)",
                "create  storefront  completed  (history)");
        FxTesting.screenshot(window.root().getScene(), "tasks-history");
        robot.interact(() -> Theme.DARK.apply(window.root().getScene()));
        FxTesting.screenshot(window.root().getScene(), "tasks-history-dark");
    }
}
