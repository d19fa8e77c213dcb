package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.LocalEngineDetection;
import trellis.spec.Json;

/**
 * The picture of an open spec file as an editor, in the real window, as a person uses it: drag an
 * instance to another host, Ctrl+drag to add one, a refused drop, Delete of a service's last
 * instance; each marked on the picture, counted in the status bar, reviewed, undone and redone.
 */
@ExtendWith(ApplicationExtension.class)
class EditorFxTest {
    final TestServices.DeferredRunner work = new TestServices.DeferredRunner();
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    final Settings settings = FxTesting.freshSettings();
    MainWindow window;
    Stage stage;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // the multiple-instances template ('api' on host-1 and host-2), with a third node and a one-instance service 'docs' on it
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(trellis.TestFiles.example("multiple-instances.json").toFile());
        ((ArrayNode) body.at("/spec/nodes")).addObject().put("name", "n3").putArray("host_ids").add("host-3");
        ((ArrayNode) body.at("/spec/nodes")).addObject().put("name", "n4").putArray("host_ids").add("host-4");
        ObjectNode docs = ((ArrayNode) body.at("/spec/services")).addObject();
        docs.put("service_id", "docs").put("service_type", "postgrest").put("version", "14.5").put("connect_as", "app").put("port", 0);
        docs.putObject("config").put("db_anon_role", "web_anon").put("db_schemas", "public");
        docs.putArray("host_ids").add("host-3");
        file = Files.createTempDirectory("trellis-editor").resolve("catalog.json");
        Json.MAPPER.writeValue(file.toFile(), body);
        open(stage);
    }

    private void open(Stage on) {
        stage = on;
        try {
            window = ConsoleApp.createWindow(on, new ConsoleServices(settings, work.runner, dialogs,
                    LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new), Theme.LIGHT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        on.show();
        window.setPaused(true);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
    }

    private static Node host(FxRobot robot, String id) {
        return robot.lookup("#host-" + id).query();
    }

    private static String badge(FxRobot robot, String instance) {
        return robot.lookup("#instance-catalog-" + instance + " .draft-badge").queryAs(Label.class).getText();
    }

    private static String link(FxRobot robot) {
        Hyperlink l = robot.lookup("#draft-review-link").queryAs(Hyperlink.class);
        return l.isVisible() ? l.getText() : "(hidden)";
    }

    private static java.util.List<String> ghosts(FxRobot robot, String host) {
        return robot.lookup("#host-" + host + " .instance-ghost").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private String undoText() {
        return window.actions().undoTextProperty().get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void movesAddsRefusesAndRemovesOnThePictureThenReviewsUndoesAndRedoes(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(file));
        work.drain();
        waitUntil("the picture", 10, () -> robot.lookup("#instance-catalog-docs-host-3").tryQuery().isPresent());
        assertThat(link(robot)).isEqualTo("(hidden)");

        // drag 'api' from host-1 onto host-3, which has none: a move
        robot.drag("#instance-catalog-api-host-1", MouseButton.PRIMARY).moveTo(host(robot, "host-3")).moveBy(0, 30);
        assertThat(window.graph().dropRefusal("host-2")).contains("it already has an instance of 'api'");
        assertThat(window.graph().dropRefusal("host-3")).isEmpty();
        robot.drop();
        waitUntil("the moved instance", 10, () -> robot.lookup("#instance-catalog-api-host-3").tryQuery().isPresent());
        assertThat(robot.lookup("#instance-catalog-api-host-1").tryQuery()).isEmpty();
        assertThat(badge(robot, "api-host-3")).isEqualTo("moved from host-1");
        assertThat(link(robot)).isEqualTo("Draft: 1 change — Review…");
        assertThat(undoText()).isEqualTo("Undo move 'api' to host-3");

        // Ctrl+drag 'api' from host-2 onto host-4: another instance
        robot.press(KeyCode.CONTROL);
        robot.drag("#instance-catalog-api-host-2", MouseButton.PRIMARY).moveTo(host(robot, "host-4")).moveBy(0, 30);
        robot.drop();
        robot.release(KeyCode.CONTROL);
        waitUntil("the added instance", 10, () -> robot.lookup("#instance-catalog-api-host-4").tryQuery().isPresent());
        assertThat(undoText()).isEqualTo("Undo add an instance of 'api' on host-4");
        assertThat(robot.lookup("#instance-catalog-api-host-2").tryQuery()).as("the one copied stays").isPresent();
        assertThat(badge(robot, "api-host-4")).isEqualTo("new");
        assertThat(link(robot)).isEqualTo("Draft: 2 changes — Review…");

        // a drop on a host that already has one is refused and changes nothing
        robot.drag("#instance-catalog-api-host-2", MouseButton.PRIMARY).moveTo(host(robot, "host-3")).moveBy(0, 30);
        assertThat(window.graph().dropRefusal("host-3")).contains("it already has an instance of 'api'");
        assertThat(window.graph().dropRefusal("host-1")).isEmpty();
        robot.drop();
        assertThat(undoText()).as("the refused drop made no edit").isEqualTo("Undo add an instance of 'api' on host-4");
        assertThat(link(robot)).isEqualTo("Draft: 2 changes — Review…");
        assertThat(robot.lookup("#instance-catalog-api-host-2").tryQuery()).as("the refused drop moved nothing").isPresent();

        // Delete on the last instance of 'docs' asks, then removes the service
        robot.clickOn("#instance-catalog-docs-host-3");
        robot.type(KeyCode.DELETE);
        assertThat(dialogs.confirmations).containsExactly("Remove service 'docs'?");
        assertThat(dialogs.confirmationTexts).containsExactly("This is the last instance of 'docs': removing it removes the "
                + "service from the draft. The user 'app' it connects as stays.");
        assertThat(robot.lookup("#instance-catalog-docs-host-3").tryQuery()).isEmpty();
        assertThat(ghosts(robot, "host-3")).containsExactly("'docs' removed");
        assertThat(link(robot)).isEqualTo("Draft: 3 changes — Review…");
        assertThat(undoText()).isEqualTo("Undo remove service 'docs'");

        // the review says each
        robot.clickOn("#draft-review-link");
        waitUntil("the review", 10, () -> robot.lookup("#review-plan").tryQuery().isPresent());
        var plan = robot.lookup("#review-plan").queryAs(ListView.class).getItems();
        assertThat(plan).containsExactly("+ add instance of 'api' on host-3", "+ add instance of 'api' on host-4",
                "- remove instance of 'api' from host-1",
                "- remove service 'docs': its 1 instance is deleted; user 'app' and its grants stay");
        FxTesting.screenshot(stage.getScene(), "editor-draft-light");
        robot.interact(() -> Theme.DARK.apply(stage.getScene()));
        FxTesting.screenshot(stage.getScene(), "editor-draft-dark");
        robot.interact(() -> Theme.LIGHT.apply(stage.getScene()));
        robot.clickOn("#draft-review-close");

        // Ctrl+Z takes each edit back, newest first; Ctrl+Shift+Z puts each back
        undo(robot);
        waitUntil("'docs' back", 10, () -> robot.lookup("#instance-catalog-docs-host-3").tryQuery().isPresent());
        assertThat(link(robot)).isEqualTo("Draft: 2 changes — Review…");
        undo(robot);
        waitUntil("the added one gone", 10, () -> robot.lookup("#instance-catalog-api-host-4").tryQuery().isEmpty());
        assertThat(link(robot)).isEqualTo("Draft: 1 change — Review…");
        undo(robot);
        waitUntil("'api' back on host-1", 10, () -> robot.lookup("#instance-catalog-api-host-1").tryQuery().isPresent());
        assertThat(robot.lookup("#instance-catalog-api-host-3").tryQuery()).isEmpty();
        assertThat(link(robot)).isEqualTo("(hidden)");
        assertThat(robot.lookup(".draft-badge").tryQuery()).isEmpty();
        assertThat(robot.lookup(".instance-ghost").tryQuery()).isEmpty();

        redo(robot);
        waitUntil("moved again", 10, () -> robot.lookup("#instance-catalog-api-host-3").tryQuery().isPresent());
        assertThat(badge(robot, "api-host-3")).isEqualTo("moved from host-1");
        redo(robot);
        waitUntil("added again", 10, () -> robot.lookup("#instance-catalog-api-host-4").tryQuery().isPresent());
        assertThat(badge(robot, "api-host-4")).isEqualTo("new");
        redo(robot);
        waitUntil("'docs' removed again", 10, () -> robot.lookup("#instance-catalog-docs-host-3").tryQuery().isEmpty());
        assertThat(ghosts(robot, "host-3")).containsExactly("'docs' removed");
        assertThat(link(robot)).isEqualTo("Draft: 3 changes — Review…");
    }

    /** A draft is kept without secrets when the console closes, and a new console offers it back with the file's secrets. */
    @Test
    void aDraftSurvivesClosingAndReopeningTheConsole(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(file));
        work.drain();
        waitUntil("the picture", 10, () -> robot.lookup("#instance-catalog-api-host-1").tryQuery().isPresent());
        robot.drag("#instance-catalog-api-host-1", MouseButton.PRIMARY).moveTo(host(robot, "host-3")).moveBy(0, 30);
        robot.drop();
        waitUntil("the moved instance", 10, () -> robot.lookup("#instance-catalog-api-host-3").tryQuery().isPresent());
        work.drain();
        Path kept;
        try (var list = Files.list(settings.file().toAbsolutePath().resolveSibling("drafts"))) {
            kept = list.findFirst().orElseThrow();
        }
        assertThat(Files.readString(kept)).contains("\"host-3\"").doesNotContain("change-me-app", "change-me-admin");

        robot.interact(() -> {
            window.shutdown();
            stage.close();
            open(new Stage());
            window.openFile(file);
        });
        work.drain();
        waitUntil("the file as saved", 10, () -> robot.lookup("#instance-catalog-api-host-1").tryQuery().isPresent());
        work.drain();
        waitUntil("the offer", 10, () -> link(robot).equals("Draft kept: 1 change — Restore…"));
        assertThat(window.events()).anyMatch(l -> l.endsWith("catalog.json: a draft from an earlier session is kept (1 change); "
                + "Restore… in the status bar brings it back"));
        robot.clickOn("#draft-review-link");
        waitUntil("the draft back", 10, () -> robot.lookup("#instance-catalog-api-host-3").tryQuery().isPresent());
        assertThat(badge(robot, "api-host-3")).isEqualTo("moved from host-1");
        assertThat(link(robot)).isEqualTo("Draft: 1 change — Review…");
        assertThat(window.actions().undoTextProperty().get()).isEqualTo("Undo restore the kept draft");
        var users = window.currentDatabase().source() instanceof Sources.FileSource f ? f.body().spec().databaseUsers() : null;
        assertThat(users).extracting(u -> u.password()).as("the secrets come from the file").containsExactly("change-me-admin", "change-me-app");
    }

    /** Clicking a type in the palette, then choosing a host, opens the Add Service wizard with both chosen. */
    @Test
    void thePaletteOpensTheWizardWithTheTypeAndHostChosen(FxRobot robot) {
        robot.interact(() -> window.openFile(file));
        work.drain();
        waitUntil("the picture", 10, () -> robot.lookup("#instance-catalog-api-host-1").tryQuery().isPresent());
        robot.clickOn("#palette-rag");
        waitUntil("the host chooser", 10, () -> robot.lookup("#host-chooser").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#host-chooser .combo-box").queryAs(javafx.scene.control.ComboBox.class)
                .getSelectionModel().select("host-4"));
        robot.clickOn("OK");
        waitUntil("the wizard", 15, () -> robot.lookup("#service-type-rag").tryQuery().isPresent());
        assertThat(robot.lookup("#service-type-rag").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        robot.clickOn("#wizard-next").clickOn("#wizard-next");
        waitUntil("the placement page", 10, () -> robot.lookup("#place-host-4").tryQuery().isPresent());
        assertThat(robot.lookup("#place-host-4").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#place-host-1").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /** M on the selected instance offers the hosts that can take it; Discard in the review asks and takes the draft back. */
    @Test
    @SuppressWarnings("unchecked")
    void mMovesToAChosenHostAndDiscardTakesTheDraftBack(FxRobot robot) {
        robot.interact(() -> window.openFile(file));
        work.drain();
        waitUntil("the picture", 10, () -> robot.lookup("#instance-catalog-docs-host-3").tryQuery().isPresent());
        robot.clickOn("#instance-catalog-docs-host-3");
        robot.type(KeyCode.M);
        waitUntil("the host chooser", 10, () -> robot.lookup("#host-chooser").tryQuery().isPresent());
        var combo = robot.lookup("#host-chooser .combo-box").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(combo.getItems()).containsExactly("host-1", "host-2", "host-4");
        robot.interact(() -> combo.getSelectionModel().select("host-4"));
        robot.clickOn("OK");
        waitUntil("moved", 10, () -> robot.lookup("#instance-catalog-docs-host-4").tryQuery().isPresent());
        assertThat(undoText()).isEqualTo("Undo move 'docs' to host-4");
        assertThat(link(robot)).isEqualTo("Draft: 1 change — Review…");

        robot.clickOn("#draft-review-link");
        waitUntil("the review", 10, () -> robot.lookup("#draft-discard-button").tryQuery().isPresent());
        robot.clickOn("#draft-discard-button");
        assertThat(dialogs.confirmations).containsExactly("Discard the draft?");
        waitUntil("the draft taken back", 10, () -> robot.lookup("#instance-catalog-docs-host-3").tryQuery().isPresent());
        assertThat(link(robot)).isEqualTo("(hidden)");
        assertThat(undoText()).isEqualTo("Undo discard the draft");
    }

    private static void undo(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    }

    private static void redo(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
    }
}
