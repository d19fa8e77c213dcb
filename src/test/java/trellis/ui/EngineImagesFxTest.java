package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.app.ConsoleMain;

/**
 * Engine &gt; Images…, clicked through as a person would, with the checks and defaults the
 * composition root hands the console: a mirror is kept in the settings file and shown again, a
 * reference Docker would refuse is said naming the type and the field.
 */
@ExtendWith(ApplicationExtension.class)
class EngineImagesFxTest {
    static final String MIRROR = "registry.example:5000/mirror/postgrest";
    final TestServices.DeferredRunner work = new TestServices.DeferredRunner();
    final Settings settings = FxTesting.freshSettings();
    Stage stage;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // as the composition root hands them over; the engine's detection is queued, never run
        window = ConsoleApp.createWindow(stage, new ConsoleServices(settings, work.runner, new TestServices.RecordingDialogs(),
                ConsoleMain.localEngine(settings), trellis.engine.http.RestControlPlane::new), Theme.LIGHT);
        stage.show();
        window.setPaused(true);
    }

    @org.junit.jupiter.api.AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
    }

    /** Engine > Images… from the menu bar; the dialog waits for the person, so the item is fired later, not waited on. */
    private static void openFromMenu(FxRobot robot) {
        var bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        var item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "engine-images-menu-item".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.getText()).isEqualTo("_Images…");
        Platform.runLater(item::fire);
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class).getText();
    }

    @Test
    void aMirrorIsKeptAndShownAgainABadReferenceIsRefusedWithItsMessage(FxRobot robot) throws Exception {
        openFromMenu(robot);
        waitUntil("images dialog", 10, () -> robot.lookup("#postgrestImageField").tryQuery().isPresent());
        assertThat(Map.of("postgrest", field(robot, "postgrestImageField"), "mcp", field(robot, "mcpImageField"),
                "rag", field(robot, "ragImageField"))).as("the defaults").isEqualTo(Map.of(
                "postgrest", "ghcr.io/pgedge/postgrest", "mcp", "ghcr.io/pgedge/postgres-mcp", "rag", "ghcr.io/pgedge/rag-server"));

        TextField rag = robot.lookup("#ragImageField").queryAs(TextField.class);
        robot.interact(rag::clear);
        robot.clickOn(rag).write("ghcr.io/PgEdge/rag-server");
        assertThat(robot.lookup(".form-message").queryAs(Label.class).getText()).isEqualTo(
                "Image of rag: 'ghcr.io/PgEdge/rag-server' is not an image reference: 'PgEdge' is not a repository name"
                        + " (lower-case letters, digits, '.', '_', '-'); use [registry/]repository[:tag].");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).as("Save refused").isTrue();
        FxTesting.screenshot(rag.getScene(), "engine-images");
        var pane = rag.getScene().getRoot();
        robot.interact(() -> pane.getStylesheets().setAll(Theme.DARK.stylesheets()));
        FxTesting.screenshot(rag.getScene(), "engine-images-dark");
        robot.interact(() -> pane.getStylesheets().setAll(Theme.LIGHT.stylesheets()));

        robot.interact(() -> rag.setText("ghcr.io/pgedge/rag-server"));
        TextField postgrest = robot.lookup("#postgrestImageField").queryAs(TextField.class);
        robot.interact(postgrest::clear);
        robot.clickOn(postgrest).write(MIRROR);
        assertThat(robot.lookup(".form-message").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#form-ok");
        waitUntil("saved", 5, () -> window.events().stream().anyMatch(
                e -> e.contains("Engine images saved; the local engine runs them from its next start.")));

        assertThat(EngineImages.stored(new Settings(settings.file()))).as("kept in the file, only what differs from the default")
                .isEqualTo(Map.of("postgrest", MIRROR));
        openFromMenu(robot);
        waitUntil("images dialog again", 10, () -> robot.lookup("#postgrestImageField").tryQuery().isPresent());
        assertThat(field(robot, "postgrestImageField")).isEqualTo(MIRROR);
        assertThat(field(robot, "mcpImageField")).isEqualTo("ghcr.io/pgedge/postgres-mcp");
        assertThat(robot.lookup("#postgrestDefault").queryAs(Label.class).getText()).isEqualTo("default: ghcr.io/pgedge/postgrest");
        robot.clickOn("Cancel");
        waitUntil("closed again", 5, () -> robot.lookup("#postgrestImageField").tryQuery().isEmpty());
        assertThat(EngineImages.stored(new Settings(settings.file()))).isEqualTo(Map.of("postgrest", MIRROR));
    }
}
