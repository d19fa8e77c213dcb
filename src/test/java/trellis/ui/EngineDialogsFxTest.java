package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.List;
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

/** The Engine menu's dialogs, clicked through as a person would: what they refuse, and what they give back. */
@ExtendWith(ApplicationExtension.class)
class EngineDialogsFxTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    /** Opens a dialog the way the console does (it waits for the person), and hands back what it gave when it closes. */
    private <T> AtomicReference<Optional<T>> open(java.util.function.Supplier<Optional<T>> dialog) {
        AtomicReference<Optional<T>> result = new AtomicReference<>();
        Platform.runLater(() -> result.set(dialog.get()));
        return result;
    }

    private static String message(FxRobot robot) {
        return robot.lookup(".form-message").queryAs(Label.class).getText();
    }

    @Test
    void bindHostRefusesAnAddressThatIsNotAnEngineThenGivesTheHostAndEndpoint(FxRobot robot) {
        var result = open(() -> HostDialog.ask(stage, List.of("host-1", "host-2"), "unix:///var/run/docker.sock"));
        waitUntil("bind dialog", 10, () -> robot.lookup("#endpointField").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> hosts = robot.lookup("#hostBox").queryAs(ComboBox.class);
        assertThat(hosts.getItems()).containsExactly("host-1", "host-2");
        assertThat(hosts.getValue()).as("the first host is offered").isEqualTo("host-1");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isFalse();

        TextField endpoint = robot.lookup("#endpointField").queryAs(TextField.class);
        robot.interact(() -> endpoint.clear());
        robot.clickOn(endpoint).write("docker.example:2375");
        assertThat(message(robot)).startsWith("Docker engine: 'docker.example:2375' is not an engine address");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isTrue();

        robot.interact(() -> endpoint.clear());
        robot.clickOn(endpoint).write("tcp://10.0.0.5:2376");
        robot.interact(() -> hosts.getSelectionModel().select("host-2"));
        assertThat(message(robot)).isEmpty();
        robot.clickOn("#form-ok");
        waitUntil("closed", 5, () -> result.get() != null);
        assertThat(result.get()).contains(new HostDialog.Request("host-2", "tcp://10.0.0.5:2376"));
    }

    @Test
    void cancellingBindHostGivesNothing(FxRobot robot) {
        var result = open(() -> HostDialog.ask(stage, List.of(), "unix:///var/run/docker.sock"));
        waitUntil("bind dialog", 10, () -> robot.lookup("#endpointField").tryQuery().isPresent());
        assertThat(message(robot)).as("no host to offer: the person must name one").startsWith("Host id: enter");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isTrue();
        robot.clickOn("Cancel");
        waitUntil("closed", 5, () -> result.get() != null);
        assertThat(result.get()).isEmpty();
    }

    @Test
    void attachingANodeSaysWhatIsWrongThenGivesTheConnectionWithTheTypedPassword(FxRobot robot) {
        var result = open(() -> NodeDialog.ask(stage, List.of("n1", "n2")));
        waitUntil("node dialog", 10, () -> robot.lookup("#portField").tryQuery().isPresent());
        TextField port = robot.lookup("#portField").queryAs(TextField.class);
        robot.interact(() -> port.setText("70000"));
        assertThat(message(robot)).isEqualTo("Port: '70000' is not a port; enter a number from 1 to 65535.");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isTrue();
        robot.interact(() -> port.setText("5433"));
        robot.clickOn("#passwordField").write("typed-pw");
        robot.clickOn("#passwordEnvField").write("PATH");
        assertThat(message(robot)).contains("not both");
        robot.interact(() -> robot.lookup("#passwordEnvField").queryAs(TextField.class).clear());
        assertThat(message(robot)).isEmpty();
        robot.clickOn("#form-ok");
        waitUntil("closed", 5, () -> result.get() != null);
        NodeDialog.Request r = result.get().orElseThrow();
        assertThat(r.node()).isEqualTo("n1");
        assertThat(r.mode()).isEqualTo(NodeDialog.Mode.ATTACH);
        assertThat(r.host()).isEqualTo("127.0.0.1");
        assertThat(r.port()).isEqualTo(5433);
        assertThat(r.database()).isEqualTo("postgres");
        assertThat(r.user()).isEqualTo("postgres");
        assertThat(new String(r.password())).isEqualTo("typed-pw");
        assertThat(r.passwordEnv()).isNull();
        assertThat(r.provision()).isFalse();
    }

    @Test
    void aContainerNodeNeedsNothingFilledIn(FxRobot robot) {
        var result = open(() -> NodeDialog.ask(stage, List.of("n2")));
        waitUntil("node dialog", 10, () -> robot.lookup("#containerRadio").tryQuery().isPresent());
        robot.clickOn("#containerRadio");
        assertThat(robot.lookup("#portField").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#hostField").query().isDisabled()).isTrue();
        robot.clickOn("#form-ok");
        waitUntil("closed", 5, () -> result.get() != null);
        NodeDialog.Request r = result.get().orElseThrow();
        assertThat(r.node()).isEqualTo("n2");
        assertThat(r.mode()).isEqualTo(NodeDialog.Mode.CONTAINER);
        assertThat(r.port()).isZero();
        assertThat(r.toString()).isEqualTo("start node n2 (container)");
    }
}
