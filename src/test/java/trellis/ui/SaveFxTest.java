package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.LocalEngineDetection;
import trellis.spec.Json;

/** Edit > Database users… on an open file, then File > Save As by its keys, with and without secrets. */
@ExtendWith(ApplicationExtension.class)
class SaveFxTest {
    final TestServices.DeferredRunner work = new TestServices.DeferredRunner();
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    MainWindow window;
    Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.createTempDirectory("trellis-save").resolve("shop.json");
        Files.copy(trellis.TestFiles.example("co-located.json"), file);
        window = ConsoleApp.createWindow(stage, new ConsoleServices(FxTesting.freshSettings(), work.runner, dialogs,
                LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new), Theme.LIGHT);
        stage.show();
        window.setPaused(true);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
    }

    @Test
    void anAddedUserIsSavedWithSecretsOwnerOnlyOrWithoutThem(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(file));
        work.drain();
        robot.clickOn("Edit").clickOn("#database-users-menu-item");
        waitUntil("users dialog", 10, () -> robot.lookup("#users-list").tryQuery().isPresent());
        robot.clickOn("#user-name").write("reporter");
        robot.clickOn("#user-password").write("pw-of-reporter");
        robot.clickOn("#user-save");
        robot.clickOn("Close");

        Path withSecrets = file.resolveSibling("shop-secret.json");
        dialogs.specTarget = Optional.of(withSecrets);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("save dialog", 10, () -> robot.lookup("#include-secrets").tryQuery().isPresent());
        robot.clickOn("#include-secrets").clickOn("#save-ok");
        work.drain();
        assertThat(dialogs.errors).isEmpty();
        var saved = Json.MAPPER.readTree(withSecrets.toFile());
        assertThat(saved.at("/spec/database_users/2")).isEqualTo(Json.parse("{\"username\": \"reporter\", \"password\": \"pw-of-reporter\", \"attributes\": [\"LOGIN\"]}"));
        assertThat(saved.at("/spec/database_users/1/password").asText()).isEqualTo("change-me-app");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(withSecrets))).isEqualTo("rw-------");

        Path plain = file.resolveSibling("shop-plain.json");
        dialogs.specTarget = Optional.of(plain);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("save dialog", 10, () -> robot.lookup("#include-secrets").tryQuery().isPresent());
        robot.clickOn("#save-ok");
        work.drain();
        assertThat(Files.readString(plain)).contains("\"reporter\"").doesNotContain("pw-of-reporter", "change-me-app", "change-me-admin");
        assertThat(Files.readString(file)).as("the file opened is untouched by Save As").isEqualTo(Files.readString(trellis.TestFiles.example("co-located.json")));
    }
}
