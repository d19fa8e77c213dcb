package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.ConnectionProfile;
import trellis.engine.ControlPlane;
import trellis.engine.http.ContractTestServer;
import trellis.engine.http.MutualTls;
import trellis.engine.http.RestControlPlane;
import trellis.engine.http.TestCerts;
import trellis.spec.Host;
import trellis.spec.Json;
import trellis.ui.model.HostRow;

/**
 * The Connect dialog against a JDK HTTPS server that demands a client certificate (certificates
 * made here), clicked through as a person would: a test that succeeds shows the server and lets the
 * profile be saved; a TLS failure says which one and does not.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectProfilesFxTest {
    @TempDir
    Path dir;
    Stage stage;
    ContractTestServer server;
    Path ca;
    Path[] alice;
    final TaskRunner runner = TaskRunner.standard();
    static final Function<ConnectionProfile, ControlPlane> OPEN = p -> {
        try {
            return RestControlPlane.of(p, null);
        } catch (MutualTls.Unusable e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        Theme.LIGHT.apply(stage.getScene());
        stage.show();
    }

    @BeforeEach
    void serve() throws Exception {
        TestCerts serverCa = new TestCerts("server CA");
        TestCerts clientCa = new TestCerts("client CA");
        ca = Files.writeString(dir.resolve("ca.pem"), TestCerts.pem(serverCa.ca().cert()));
        Path clientCaFile = Files.writeString(dir.resolve("client-ca.pem"), TestCerts.pem(clientCa.ca().cert()));
        alice = clientCa.client("alice").write(dir, "alice");
        Path[] s = serverCa.server().write(dir, "server");
        server = new ContractTestServer(MutualTls.context(s[0], s[1], clientCaFile));
        server.clusterId = "c-eu-1";
        server.hosts.addAll(hosts());
    }

    static List<Host> hosts() throws Exception {
        return List.of(
                host("{\"id\":\"host-1\",\"orchestrator\":\"swarm\",\"cpus\":8,\"memory\":\"32GiB\",\"status\":{\"state\":\"healthy\"},"
                        + "\"cohort\":{\"type\":\"swarm\",\"member_id\":\"lah4bsznw6\",\"control_available\":true}}"),
                host("{\"id\":\"host-2\",\"orchestrator\":\"swarm\",\"cpus\":4,\"memory\":\"16GiB\",\"status\":{\"state\":\"healthy\"},"
                        + "\"cohort\":{\"type\":\"swarm\",\"member_id\":\"k2p9xq01mm\",\"control_available\":false}}"),
                host("{\"id\":\"host-3\",\"orchestrator\":\"systemd\",\"cpus\":4,\"memory\":\"16GiB\",\"status\":{\"state\":\"unreachable\"}}"));
    }

    static Host host(String json) throws Exception {
        return Json.convert(Json.parse(json), Host.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AtomicReference<Optional<ConnectionProfile>> open() {
        AtomicReference<Optional<ConnectionProfile>> result = new AtomicReference<>();
        Platform.runLater(() -> result.set(ConnectDialog.ask(stage, null, List.of(), runner, OPEN)));
        return result;
    }

    private void fill(FxRobot robot, String name, String url, Path caFile, Path cert, Path key) {
        waitUntil("connect dialog", 10, () -> robot.lookup("#profile-url").tryQuery().isPresent());
        for (String[] f : List.of(new String[] {"#profile-name", name}, new String[] {"#profile-url", url},
                new String[] {"#profile-ca", caFile.toString()}, new String[] {"#profile-client-cert", cert.toString()},
                new String[] {"#profile-client-key", key.toString()})) {
            TextField field = robot.lookup(f[0]).queryAs(TextField.class);
            robot.interact(() -> field.setText(f[1]));
        }
    }

    private static String result(FxRobot robot) {
        return robot.lookup("#profile-test-result").queryAs(Label.class).getText();
    }

    @Test
    void aTestThatSucceedsShowsTheServerAndTheProfileIsSaved(FxRobot robot) throws Exception {
        var result = open();
        fill(robot, "production", server.uri().toString(), ca, alice[0], alice[1]);
        assertThat(robot.lookup("#form-ok").query().isDisabled()).as("not tested yet").isTrue();
        assertThat(robot.lookup(".form-message").queryAs(Label.class).getText())
                .isEqualTo("Test the connection: the profile is saved once the server answered.");
        robot.clickOn("#profile-test-button");
        waitUntil("the test's answer", 20, () -> result(robot).startsWith("Connected"));
        assertThat(result(robot)).isEqualTo("Connected: Control Plane 0.9.0, cluster c-eu-1, 3 hosts: host-1, host-2, host-3");
        assertThat(FxTesting.has(robot.lookup("#profile-test-result").query(), "ok")).isTrue();
        assertThat(server.requests).containsExactly("GET /v1/version", "GET /v1/cluster");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isFalse();
        FxTesting.screenshot(robot.lookup("#profile-test-result").query().getScene(), "connect-ok");

        robot.clickOn("#form-ok");
        waitUntil("closed", 5, () -> result.get() != null);
        assertThat(result.get()).contains(new ConnectionProfile("production", server.uri().toString(), ca.toString(),
                alice[0].toString(), alice[1].toString(), 5, 30));
    }

    @Test
    void aTlsFailureSaysWhichAndTheProfileCannotBeSaved(FxRobot robot) throws Exception {
        Path other = Files.writeString(dir.resolve("other-ca.pem"), TestCerts.pem(new TestCerts("other CA").ca().cert()));
        var result = open();
        fill(robot, "production", server.uri().toString(), other, alice[0], alice[1]);
        robot.clickOn("#profile-test-button");
        waitUntil("the test's answer", 20, () -> result(robot).startsWith("Failed"));
        assertThat(result(robot)).isEqualTo("Failed: TLS with " + server.uri() + " failed: the server's certificate is not signed by the CA in "
                + other + " (unknown CA); choose the CA certificate that issued the Control Plane's server certificate");
        assertThat(FxTesting.has(robot.lookup("#profile-test-result").query(), "failed")).isTrue();
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isTrue();
        javafx.scene.Scene dialog = robot.lookup("#profile-test-result").query().getScene();
        FxTesting.screenshot(dialog, "connect-tls-error");
        // as it opens over a dark window: the dialog takes its owner's style sheets
        var pane = (javafx.scene.control.DialogPane) dialog.getRoot();
        robot.interact(() -> pane.getStylesheets().setAll(Theme.DARK.stylesheets()));
        FxTesting.screenshot(dialog, "connect-tls-error-dark");
        robot.interact(() -> pane.getStylesheets().setAll(Theme.LIGHT.stylesheets()));

        // the right CA, tested again: now it can be saved; changing a field after the test asks for another
        TextField caField = robot.lookup("#profile-ca").queryAs(TextField.class);
        robot.interact(() -> caField.setText(ca.toString()));
        robot.clickOn("#profile-test-button");
        waitUntil("the test's answer", 20, () -> result(robot).startsWith("Connected"));
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isFalse();
        robot.interact(() -> caField.setText(other.toString()));
        assertThat(result(robot)).isEqualTo("Changed since the test: test the connection again.");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isTrue();
        robot.clickOn("Cancel");
        waitUntil("closed", 5, () -> result.get() != null);
        assertThat(result.get()).isEmpty();
    }

    @Test
    void theHostsRowsMarkTheHostThatIsNotOnSwarm() throws Exception {
        assertThat(hosts().stream().map(HostRow::of).toList()).containsExactly(
                new HostRow("host-1", "swarm", "swarm lah4bsznw6 (control)", "8", "32GiB", "healthy", "yes", true),
                new HostRow("host-2", "swarm", "swarm k2p9xq01mm", "4", "16GiB", "healthy", "yes", true),
                new HostRow("host-3", "systemd", "", "4", "16GiB", "unreachable", "no: Supporting Services are not yet supported on "
                        + "systemd clusters; support is coming in a subsequent release.", false));
        assertThat(HostRow.summary("production", hosts().stream().map(HostRow::of).toList()))
                .isEqualTo("3 hosts on production; 1 cannot take services (not Docker Swarm)");
    }

    static int rows(Node table) {
        return ((TableView<?>) table).getItems().size();
    }
}
