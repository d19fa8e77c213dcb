package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.LocalEngineDetection;
import trellis.spec.Json;

/**
 * Closing the console with a spec file's edits not saved asks Save / Discard / Cancel, naming the
 * file; with a live database's edit waiting unapplied at its review it asks Discard / Cancel,
 * naming the database (a live edit has no file to save: Apply is at its review).
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedEditsFxTest {
    final TestServices.DeferredRunner work = new TestServices.DeferredRunner();
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    MainWindow window;
    Stage stage;
    Path file;
    String original;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        file = Files.createTempDirectory("trellis-unsaved").resolve("shop.json");
        Files.copy(trellis.TestFiles.example("co-located.json"), file);
        original = Files.readString(file);
        window = ConsoleApp.createWindow(stage, new ConsoleServices(FxTesting.freshSettings(), work.runner, dialogs,
                LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new), Theme.LIGHT);
        stage.show();
        window.setPaused(true);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
    }

    private void addUser(FxRobot robot) {
        robot.clickOn("Edit").clickOn("#database-users-menu-item");
        waitUntil("users dialog", 10, () -> robot.lookup("#users-list").tryQuery().isPresent());
        robot.clickOn("#user-name").write("reporter");
        robot.clickOn("#user-password").write("pw-of-reporter");
        robot.clickOn("#user-save");
        robot.clickOn("Close");
    }

    /** As the window's close button does: the toolkit fires the request, and closes unless it is consumed. */
    private void pressCloseButton() {
        Platform.runLater(() -> {
            WindowEvent e = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.fireEvent(e);
        });
    }

    private String question(FxRobot robot) {
        waitUntil("the question", 10, () -> robot.lookup("#unsaved-edits").tryQuery().isPresent());
        return robot.lookup("#unsaved-edits").queryAs(DialogPane.class).getContentText();
    }

    /**
     * A second console, on a real HTTP server speaking the contract and the standard runner: the
     * wizard adds PostgREST 'reports' to its live database and the edit waits at its review; closing
     * asks naming the database, Cancel keeps the window and the review, Discard closes both and
     * nothing was sent.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aLiveEditWaitingAtItsReviewIsNamedCancelKeepsTheWindowDiscardClosesIt(FxRobot robot) throws Exception {
        trellis.ui.model.SpecServer server = new trellis.ui.model.SpecServer("storefront",
                Json.toTree(FxTesting.example("co-located.json").spec()));
        com.fasterxml.jackson.databind.node.ArrayNode hosts = Json.MAPPER.createArrayNode();
        hosts.addObject().put("id", "host-1").put("orchestrator", "swarm");
        server.setHosts(hosts);
        trellis.engine.http.RestControlPlane cp = new trellis.engine.http.RestControlPlane(server.uri());
        Stage[] live = new Stage[1];
        MainWindow[] console = new MainWindow[1];
        robot.interact(() -> {
            live[0] = new Stage();
            try {
                console[0] = ConsoleApp.createWindow(live[0], FxTesting.freshSettings(), TaskRunner.standard(), Theme.LIGHT);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            live[0].setWidth(1400);
            live[0].setHeight(860);
            live[0].show();
            console[0].setInterval(60);
            console[0].addControlPlane(cp);
        });
        try {
            waitUntil("the live database polled", 20, () -> console[0].poller() != null && console[0].poller().getLastValue() != null);
            robot.interact(live[0]::requestFocus);
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
            waitUntil("the wizard", 15, () -> robot.lookup("#service-type-postgrest").tryQuery().isPresent());
            robot.clickOn("#service-type-postgrest").clickOn("#wizard-next");
            javafx.scene.control.TextField id = robot.lookup("#service-id").queryAs(javafx.scene.control.TextField.class);
            robot.interact(id::clear);
            robot.clickOn(id).write("reports").clickOn("#wizard-next");
            robot.interact(() -> robot.lookup("#place-host-1").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
            robot.clickOn("#wizard-next");
            javafx.scene.control.ComboBox<String> connectAs = robot.lookup("#connect-as").queryAs(javafx.scene.control.ComboBox.class);
            robot.interact(() -> connectAs.getSelectionModel().select("app"));
            robot.clickOn("#wizard-next").clickOn("#wizard-next").clickOn("#wizard-next").clickOn("#wizard-finish");
            waitUntil("the review of the live apply", 10, () -> robot.lookup("#review-apply").tryQuery().isPresent());
            Stage review = (Stage) robot.lookup("#review-apply").query().getScene().getWindow();

            Platform.runLater(() -> live[0].fireEvent(new WindowEvent(live[0], WindowEvent.WINDOW_CLOSE_REQUEST)));
            assertThat(question(robot)).isEqualTo("""
                    Edits of live databases waiting at their review, not applied:
                        Add service 'reports' on database 'storefront' (not applied)

                    Discard closes without them. Cancel keeps the window open.""");
            DialogPane asked = robot.lookup("#unsaved-edits").queryAs(DialogPane.class);
            assertThat(asked.getButtonTypes()).extracting(javafx.scene.control.ButtonType::getText).containsExactly("Discard", "Cancel");
            FxTesting.screenshot(asked.getScene(), "close-unapplied-live-light");
            robot.clickOn("#unsaved-cancel");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(live[0].isShowing()).as("Cancel keeps the window open").isTrue();
            assertThat(review.isShowing()).as("and the review with the edit").isTrue();

            Platform.runLater(() -> live[0].fireEvent(new WindowEvent(live[0], WindowEvent.WINDOW_CLOSE_REQUEST)));
            question(robot);
            robot.clickOn("#unsaved-discard");
            waitUntil("closed", 10, () -> !live[0].isShowing());
            assertThat(review.isShowing()).as("Discard closes the review").isFalse();
            assertThat(server.updates()).as("nothing sent").isEmpty();
        } finally {
            robot.interact(() -> {
                new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream().filter(w -> w != stage).forEach(javafx.stage.Window::hide);
                console[0].shutdown();
            });
            server.close();
        }
    }

    @Test
    void cancelKeepsTheWindowOpenAndSaveWritesTheFileThenCloses(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(file));
        work.drain();
        addUser(robot);

        pressCloseButton();
        assertThat(question(robot)).isEqualTo("""
                Spec files with edits not saved:
                    shop.json (database 'storefront')

                Save writes the files, then closes.
                Discard closes without them. Cancel keeps the window open.""");
        FxTesting.screenshot(robot.lookup("#unsaved-edits").queryAs(DialogPane.class).getScene(), "close-unsaved-light");
        robot.clickOn("#unsaved-cancel");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("Cancel keeps the window open").isTrue();
        assertThat(Files.readString(file)).isEqualTo(original);

        // File > Quit (Ctrl+Q) asks the same
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        question(robot);
        robot.clickOn("#unsaved-save");
        waitUntil("save dialog", 10, () -> robot.lookup("#include-secrets").tryQuery().isPresent());
        robot.clickOn("#save-ok");
        work.drain();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).isEmpty();
        assertThat(stage.isShowing()).as("closed once saved").isFalse();
        assertThat(Json.MAPPER.readTree(file.toFile()).at("/spec/database_users/2/username").asText()).isEqualTo("reporter");
    }

    @Test
    void discardClosesWithoutWritingAndNothingIsAskedWhenTheEditsAreSavedOrUndone(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(file));
        work.drain();
        addUser(robot);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        pressCloseButton();
        waitUntil("closed without a question: Undo took the only edit back", 10, () -> !stage.isShowing());
        assertThat(robot.lookup("#unsaved-edits").tryQuery()).isEmpty();

        robot.interact(stage::show);
        addUser(robot);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("save dialog", 10, () -> robot.lookup("#include-secrets").tryQuery().isPresent());
        robot.clickOn("#save-ok");
        work.drain();
        String saved = Files.readString(file);
        pressCloseButton();
        waitUntil("closed without a question: the edit is saved", 10, () -> !stage.isShowing());

        robot.interact(stage::show);
        robot.clickOn("Edit").clickOn("#database-users-menu-item");
        waitUntil("users dialog", 10, () -> robot.lookup("#users-list").tryQuery().isPresent());
        robot.clickOn("#user-name").write("auditor");
        robot.clickOn("#user-password").write("pw-of-auditor");
        robot.clickOn("#user-save");
        robot.clickOn("Close");
        pressCloseButton();
        question(robot);
        robot.clickOn("#unsaved-discard");
        waitUntil("closed", 10, () -> !stage.isShowing());
        assertThat(Files.readString(file)).as("Discard writes nothing").isEqualTo(saved);
    }
}
