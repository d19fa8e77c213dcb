package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
import trellis.engine.LocalEngineDetection;

/**
 * Engine &gt; Images…, clicked through as a person would, with the checks and defaults the
 * composition root hands the console: a mirror is kept in the settings file and shown again, a
 * reference Docker would refuse is said naming the type and the field.
 */
@ExtendWith(ApplicationExtension.class)
class EngineImagesFxTest {
    static final String MIRROR = "registry.example:5000/mirror/postgrest";
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private AtomicReference<Boolean> open(Settings settings, LocalEngineDetection engine) {
        AtomicReference<Boolean> kept = new AtomicReference<>();
        Platform.runLater(() -> kept.set(EngineImagesDialog.edit(stage, settings, engine)));
        return kept;
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class).getText();
    }

    @Test
    void aMirrorIsKeptAndShownAgainABadReferenceIsRefusedWithItsMessage(FxRobot robot) throws Exception {
        Settings settings = FxTesting.freshSettings();
        LocalEngineDetection engine = ConsoleMain.localEngine(settings);
        var kept = open(settings, engine);
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
        waitUntil("closed", 5, () -> kept.get() != null);
        assertThat(kept.get()).isTrue();

        Settings reread = new Settings(settings.file());
        assertThat(EngineImages.stored(reread)).as("only what differs from the default is kept")
                .isEqualTo(Map.of("postgrest", MIRROR));
        var again = open(reread, ConsoleMain.localEngine(reread));
        waitUntil("images dialog again", 10, () -> robot.lookup("#postgrestImageField").tryQuery().isPresent());
        assertThat(field(robot, "postgrestImageField")).isEqualTo(MIRROR);
        assertThat(field(robot, "mcpImageField")).isEqualTo("ghcr.io/pgedge/postgres-mcp");
        assertThat(robot.lookup("#postgrestDefault").queryAs(Label.class).getText()).isEqualTo("default: ghcr.io/pgedge/postgrest");
        robot.clickOn("Cancel");
        waitUntil("closed again", 5, () -> again.get() != null);
        assertThat(again.get()).isFalse();
        assertThat(EngineImages.stored(new Settings(settings.file()))).isEqualTo(Map.of("postgrest", MIRROR));
    }
}
