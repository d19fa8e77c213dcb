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

    /**
     * The editors share one draft per file: a service added with the wizard (Ctrl+Shift+A, reviewed
     * on its last page) shows on the picture at once, is what Save writes, and Undo takes it back.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theWizardsEditIsReviewedShownAndSavedAndUndone(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(file));
        work.drain();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the wizard", 15, () -> robot.lookup("#service-type-postgrest").tryQuery().isPresent());
        robot.clickOn("#service-type-postgrest").clickOn("#wizard-next");
        robot.interact(() -> robot.lookup("#service-id").queryAs(javafx.scene.control.TextField.class).setText("rest"));
        robot.clickOn("#wizard-next");
        robot.clickOn("#place-host-1").clickOn("#wizard-next");
        robot.interact(() -> robot.lookup("#connect-as").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select("app"));
        robot.clickOn("#wizard-next").clickOn("#wizard-next").clickOn("#wizard-next");
        waitUntil("the review page", 10, () -> robot.lookup("#review-plan").tryQuery().isPresent());
        var plan = robot.lookup("#review-plan").queryAs(javafx.scene.control.ListView.class).getItems();
        assertThat(plan).contains("+ add service 'rest' (postgrest 14.5) as app on host-1");
        robot.clickOn("#wizard-finish");
        waitUntil("the new instance on the picture", 10,
                () -> robot.lookup("#instance-storefront-rest-host-1").tryQuery().isPresent());

        dialogs.specTarget = Optional.of(file);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("save dialog", 10, () -> robot.lookup("#include-secrets").tryQuery().isPresent());
        robot.clickOn("#include-secrets").clickOn("#save-ok");
        work.drain();
        assertThat(dialogs.errors).isEmpty();
        var saved = Json.MAPPER.readTree(file.toFile());
        assertThat(saved.at("/spec/services/1/service_id").asText()).isEqualTo("rest");
        assertThat(saved.at("/spec/services/1/connect_as").asText()).isEqualTo("app");
        assertThat(saved.at("/spec/database_users/1/password").asText()).isEqualTo("change-me-app");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil("the instance gone after Undo", 10,
                () -> robot.lookup("#instance-storefront-rest-host-1").tryQuery().isEmpty());
    }
}
