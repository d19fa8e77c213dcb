package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import trellis.TestFiles;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.TaskServer;
import trellis.ui.tasks.TaskEntry;

/**
 * The Tasks tab against a real HTTP server speaking the contract: a deploy's task followed from
 * pending through running to completed with its log lines as they arrive; a failed task raises a
 * notification with its reason whose Show task brings the tab and the entry to the front.
 */
@ExtendWith(ApplicationExtension.class)
class TasksTabFxTest {
    TaskServer server;
    RestControlPlane cp;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        server = new TaskServer();
        cp = new RestControlPlane(server.uri());
        window = ConsoleApp.createWindow(stage, FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
        window.setInterval(1);
        window.addControlPlane(cp);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
        server.close();
    }

    @SuppressWarnings("unchecked")
    static ListView<TaskEntry> tasks(FxRobot robot) {
        return robot.lookup("#tasks-list").queryAs(ListView.class);
    }

    /** The rows as shown, top to bottom, the elapsed time read as M:SS. */
    static List<String> rows(FxRobot robot) {
        return robot.lookup("#tasks-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getItem() != null && c.isVisible()).sorted(java.util.Comparator.comparingInt(javafx.scene.control.ListCell::getIndex))
                .map(c -> ((Label) c.lookup(".task-summary")).getText().replaceAll("\\d+:\\d\\d$", "M:SS")).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> log(FxRobot robot) {
        return List.copyOf(robot.lookup("#task-log").queryAs(ListView.class).getItems());
    }

    @Test
    void followsADeployToItsEndAndAFailureToItsNotification(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(TestFiles.example("co-located.json")));
        waitUntil("file open", 20, () -> window.currentDatabase() != null && window.currentDatabase().source() instanceof Sources.FileSource);
        Sources.FileSource file = (Sources.FileSource) window.currentDatabase().source();
        Tab tab = robot.lookup(".tab-pane").queryAll().stream().flatMap(n -> ((javafx.scene.control.TabPane) n).getTabs().stream())
                .filter(t -> "tasks-tab".equals(t.getId())).findFirst().orElseThrow();
        assertThat(tab.getContent()).as("nothing loaded for the first frame").isNull();

        robot.interact(() -> window.deploy(file, cp, false));
        waitUntil("task sent", 10, () -> server.requests.contains("POST /v1/databases"));
        String id = server.lastTask();
        robot.clickOn("Tasks");
        waitUntil("the entry, pending", 10, () -> rows(robot).equals(List.of("create  storefront  pending  M:SS")));
        assertThat(robot.lookup("#task-cancel-button").queryAs(Button.class).isDisabled()).as("a Control Plane cancels").isFalse();

        server.set(id, "running", null);
        server.log(id, "creating service instance storefront-postgrest-host-1", "pulling ghcr.io/pgedge/postgrest:14.5");
        waitUntil("running, two lines", 10, () -> rows(robot).equals(List.of("create  storefront  running  M:SS"))
                && log(robot).size() == 2);
        assertThat(log(robot)).containsExactly("16:00:00  creating service instance storefront-postgrest-host-1",
                "16:00:01  pulling ghcr.io/pgedge/postgrest:14.5");
        server.log(id, "storefront-postgrest-host-1 is running");
        server.set(id, "completed", null);
        waitUntil("completed", 10, () -> rows(robot).equals(List.of("create  storefront  completed  M:SS")));
        assertThat(log(robot)).containsExactly("16:00:00  creating service instance storefront-postgrest-host-1",
                "16:00:01  pulling ghcr.io/pgedge/postgrest:14.5", "16:00:02  storefront-postgrest-host-1 is running");
        assertThat(robot.lookup(".task-heading").queryAs(Label.class).getText())
                .isEqualTo("Deploy 'storefront' to " + cp.displayName() + " — task " + id + ": completed");
        assertThat(robot.lookup("#task-cancel-button").queryAs(Button.class).isDisabled()).as("it has ended").isTrue();
        // the log asked only for what is new: after the last entry seen
        assertThat(server.requests).contains("GET /v1/databases/storefront/tasks/" + id + "/log",
                "GET /v1/databases/storefront/tasks/" + id + "/log?after_entry_id=entry-1");
        FxTesting.screenshot(window.root().getScene(), "tasks-tab");
        robot.interact(() -> Theme.DARK.apply(window.root().getScene()));
        FxTesting.screenshot(window.root().getScene(), "tasks-tab-dark");
        robot.interact(() -> Theme.LIGHT.apply(window.root().getScene()));

        // a second deploy (an update) fails; the Events tab is in front when it does
        robot.clickOn("Events");
        robot.interact(() -> window.deploy(file, cp, true));
        waitUntil("update sent", 10, () -> server.requests.contains("POST /v1/databases/storefront"));
        String failing = server.lastTask();
        server.set(failing, "running", null);
        server.log(failing, "pulling ghcr.io/pgedge/postgrest:14.5");
        String reason = "image ghcr.io/pgedge/postgrest:14.5 could not be pulled: manifest for ghcr.io/pgedge/postgrest:14.5 not found";
        server.log(failing, reason);
        server.set(failing, "failed", reason);
        waitUntil("a notification", 10, () -> notificationText(robot) != null);
        assertThat(notificationText(robot)).isEqualTo("Task failed: Deploy 'storefront' to " + cp.displayName()
                + "\nupdate of storefront failed:\n" + reason);
        screenshotWithPopups(robot, "tasks-failed-notification");
        // fired rather than clicked: the notification slides in, and a click may land where it was a moment ago
        Button show = (Button) robot.lookup(".notification-bar .button").queryAll().stream()
                .filter(n -> n instanceof Button b && b.getText().equals("Show task")).findFirst().orElseThrow();
        robot.interact(show::fire);
        waitUntil("the Tasks tab, the failed entry", 5, () -> tab.isSelected()
                && tasks(robot).getSelectionModel().getSelectedItem() != null
                && tasks(robot).getSelectionModel().getSelectedItem().taskId().equals(failing));
        assertThat(rows(robot)).containsExactly("update  storefront  failed  M:SS", "create  storefront  completed  M:SS");
        assertThat(robot.lookup(".task-heading").queryAs(Label.class).getText()).endsWith(": failed: " + reason);
        assertThat(log(robot)).containsExactly("16:00:00  pulling ghcr.io/pgedge/postgrest:14.5", "16:00:01  " + reason);
    }

    @Test
    void cancelAsksTheControlPlaneToStopTheTask(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(TestFiles.example("co-located.json")));
        waitUntil("file open", 20, () -> window.currentDatabase() != null && window.currentDatabase().source() instanceof Sources.FileSource);
        Sources.FileSource file = (Sources.FileSource) window.currentDatabase().source();
        robot.interact(() -> window.deploy(file, cp, false));
        waitUntil("task sent", 10, () -> server.requests.contains("POST /v1/databases"));
        String id = server.lastTask();
        server.set(id, "running", null);
        robot.clickOn("Tasks");
        waitUntil("running", 10, () -> rows(robot).equals(List.of("create  storefront  running  M:SS")));
        robot.clickOn("#task-cancel-button");
        waitUntil("canceled", 10, () -> rows(robot).equals(List.of("create  storefront  canceled  M:SS")));
        assertThat(server.requests).contains("GET /v1/databases/storefront/tasks/" + id + "/cancel");
        assertThat(robot.lookup("#task-cancel-button").queryAs(Button.class).isDisabled()).isTrue();
    }

    /** The text of the notification shown, or null. */
    static String notificationText(FxRobot robot) {
        return robot.lookup(".notification-bar").queryAll().stream().filter(Node::isVisible)
                .flatMap(n -> robot.from(n).lookup(".label").queryAllAs(Label.class).stream())
                .map(Label::getText).filter(t -> t != null && !t.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse(null);
    }

    /** The window with its popups (the notification) drawn where they show. */
    static Path screenshotWithPopups(FxRobot robot, String name) throws Exception {
        return screenshotWithPopups(robot.listWindows().stream().filter(w -> w instanceof Stage).findFirst().orElseThrow(), name);
    }

    static Path screenshotWithPopups(Window stage, String name) throws Exception {
        Path dir = Path.of(System.getProperty("trellis.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        BufferedImage out = WaitForAsyncUtils.asyncFx(() -> {
            BufferedImage base = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
            var g = base.createGraphics();
            for (Window w : Window.getWindows()) {
                if (w instanceof PopupWindow p && p.isShowing() && p.getScene() != null) {
                    BufferedImage pop = SwingFXUtils.fromFXImage(p.getScene().snapshot(null), null);
                    g.drawImage(pop, (int) (p.getX() - stage.getX() - stage.getScene().getX()),
                            (int) (p.getY() - stage.getY() - stage.getScene().getY()), null);
                }
            }
            g.dispose();
            return base;
        }).get(30, TimeUnit.SECONDS);
        File f = dir.resolve(name + ".png").toFile();
        ImageIO.write(out, "png", f);
        return f.toPath();
    }
}
