package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.spec.DatabaseUser;
import trellis.ui.action.ActionManager;
import trellis.ui.model.DatabaseUsers;
import trellis.ui.model.SpecDraft;
import trellis.ui.review.DatabaseUsersDialog;

/** Edit > Database users…, clicked through: add, change, refuse to remove a user a service connects as, undo. */
@ExtendWith(ApplicationExtension.class)
class DatabaseUsersFxTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 400, 300));
        Theme.LIGHT.apply(stage.getScene());
        stage.show();
    }

    @SuppressWarnings("unchecked")
    static List<String> names(FxRobot robot) {
        return ((ListView<DatabaseUser>) robot.lookup("#users-list").queryAs(ListView.class)).getItems().stream()
                .map(DatabaseUser::username).toList();
    }

    static String message(FxRobot robot) {
        return robot.lookup("#user-message").queryAs(Label.class).getText();
    }

    @Test
    void addChangeRefuseAndUndo(FxRobot robot) throws Exception {
        SpecDraft draft = new SpecDraft(FxTesting.example("co-located.json").spec());
        ActionManager actions = new ActionManager();
        Platform.runLater(() -> new DatabaseUsersDialog(draft, actions, stage).showAndWait());
        waitUntil("users dialog", 10, () -> robot.lookup("#users-list").tryQuery().isPresent());
        assertThat(names(robot)).containsExactly("admin", "app");

        robot.clickOn("#user-name").write("reporter");
        assertThat(message(robot)).isEqualTo("Password: a new user needs a password.");
        assertThat(robot.lookup("#user-save").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#user-password").write("pw-of-reporter");
        robot.clickOn("#user-attr-CREATEDB");
        robot.clickOn("#user-roles").write("pgedge_application");
        assertThat(message(robot)).isEmpty();
        robot.clickOn("#user-save");
        assertThat(names(robot)).containsExactly("admin", "app", "reporter");
        DatabaseUser added = DatabaseUsers.named(draft.spec(), "reporter").orElseThrow();
        assertThat(added).isEqualTo(new DatabaseUser("reporter", "pw-of-reporter", null, List.of("LOGIN", "CREATEDB"),
                List.of("pgedge_application"), null));
        assertThat(actions.undoDescriptions()).containsExactly("Add database user 'reporter'");

        robot.interact(() -> robot.lookup("#users-list").queryAs(ListView.class).getSelectionModel().select(1));
        assertThat(message(robot)).isEqualTo("User 'app' cannot be removed: service 'api' connects as it. "
                + "Give that service another connect_as user first (Edit service).");
        assertThat(robot.lookup("#user-remove").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#user-attr-CREATEROLE");
        robot.clickOn("#user-save");
        assertThat(DatabaseUsers.named(draft.spec(), "app").orElseThrow())
                .isEqualTo(new DatabaseUser("app", "change-me-app", null, List.of("LOGIN", "CREATEROLE"), null, null));

        robot.interact(() -> robot.lookup("#users-list").queryAs(ListView.class).getSelectionModel().select(2));
        assertThat(robot.lookup("#user-remove").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#user-remove");
        assertThat(names(robot)).containsExactly("admin", "app");
        FxTesting.screenshot(robot.lookup("#users-list").query().getScene(), "review-users-light");

        robot.interact(actions::undo);
        assertThat(names(robot)).containsExactly("admin", "app", "reporter");
        robot.interact(actions::undo);
        robot.interact(actions::undo);
        assertThat(draft.spec()).isEqualTo(FxTesting.example("co-located.json").spec());
        assertThat(actions.redoDescriptions()).containsExactly("Add database user 'reporter'",
                "Change database user 'app'", "Remove database user 'reporter'");
        robot.clickOn("Close");
    }
}
