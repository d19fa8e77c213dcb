package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.NodeChoice;
import trellis.ui.model.NodeChoices.Option;

/** The deploy dialog's per-node choices, clicked through as a person would, in both themes. */
@ExtendWith(ApplicationExtension.class)
class DeployNodesFxTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    private AtomicReference<Optional<Map<String, NodeChoice>>> open(Theme theme, List<String> nodes) {
        AtomicReference<Optional<Map<String, NodeChoice>>> result = new AtomicReference<>();
        Platform.runLater(() -> {
            theme.apply(stage.getScene());
            result.set(DeployNodesDialog.ask(stage, "storefront", nodes));
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Option> choice(FxRobot robot, String node) {
        return robot.lookup("#deploy-node-" + node).queryAs(ComboBox.class);
    }

    /** Visible, and every parent too. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyNodeStartsHereUnlessThePersonAttachesOrSkipsIt(FxRobot robot) throws Exception {
        var result = open(Theme.LIGHT, List.of("n1", "n2", "n3"));
        waitUntil("deploy dialog", 10, () -> robot.lookup("#deploy-node-n3").tryQuery().isPresent());
        for (String n : List.of("n1", "n2", "n3")) {
            assertThat(choice(robot, n).getItems()).containsExactly(Option.START, Option.ATTACH, Option.SKIP);
            assertThat(choice(robot, n).getValue()).as(n + " by default").isEqualTo(Option.START);
        }
        assertThat(shown(robot.lookup("#deploy-node-n2-host").query())).as("server fields only when attaching").isFalse();

        robot.clickOn("#deploy-node-n2").clickOn("Attach to an existing server");
        assertThat(shown(robot.lookup("#deploy-node-n2-host").query())).isTrue();
        TextField port = robot.lookup("#deploy-node-n2-port").queryAs(TextField.class);
        robot.interact(() -> port.setText("70000"));
        Label message = robot.lookup("#deploy-nodes-message").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("Node n2 — Port: '70000' is not a port; enter a number from 1 to 65535.");
        assertThat(robot.lookup("#deploy-nodes-ok").query().isDisabled()).isTrue();
        robot.interact(() -> port.setText("5433"));
        TextField host = robot.lookup("#deploy-node-n2-host").queryAs(TextField.class);
        robot.interact(() -> host.setText("localhost"));
        robot.clickOn("#deploy-node-n2-password").write("typed-pw");
        robot.clickOn("#deploy-node-n3").clickOn("Skip");
        assertThat(message.getText()).isEmpty();
        assertThat(robot.lookup("#deploy-nodes-ok").query().isDisabled()).isFalse();
        FxTesting.screenshot(robot.lookup("#deploy-node-n1").query().getScene(), "deploy-nodes");

        robot.clickOn("#deploy-nodes-ok");
        waitUntil("closed", 5, () -> result.get() != null);
        Map<String, NodeChoice> choices = result.get().orElseThrow();
        assertThat(choices.keySet()).containsExactly("n1", "n2", "n3");
        assertThat(choices.get("n1")).isSameAs(NodeChoice.START);
        assertThat(choices.get("n3")).isSameAs(NodeChoice.SKIP);
        NodeChoice n2 = choices.get("n2");
        assertThat(n2.toString()).isEqualTo("attach postgres@localhost:5433/postgres");
        assertThat(new String(n2.password())).isEqualTo("typed-pw");
        assertThat(n2.provision()).as("the spec's database and users are created there unless unticked").isTrue();
    }

    @Test
    void theDarkThemeReadsAndCancelGivesNothing(FxRobot robot) throws Exception {
        var result = open(Theme.DARK, List.of("n1", "n2"));
        waitUntil("deploy dialog", 10, () -> robot.lookup("#deploy-node-n2").tryQuery().isPresent());
        robot.clickOn("#deploy-node-n1").clickOn("Attach to an existing server");
        FxTesting.screenshot(robot.lookup("#deploy-node-n1").query().getScene(), "deploy-nodes-dark");
        robot.clickOn("Cancel");
        waitUntil("closed", 5, () -> result.get() != null);
        assertThat(result.get()).isEmpty();
    }
}
