package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.engine.ConnectionProfile;
import trellis.engine.ConnectionProfiles;
import trellis.engine.LocalEngineDetection;
import trellis.engine.http.ContractTestServer;
import trellis.spec.CreateDatabaseRequest;
import trellis.ui.model.HostRow;

/**
 * The console started as {@code --connect URL --database ID} does it, on a JDK HTTP server
 * answering the contract: the database is on screen with no dialog; its source's Hosts node lists
 * the hosts, the one not on Swarm marked.
 */
@ExtendWith(ApplicationExtension.class)
class StartConnectedFxTest {
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    ContractTestServer server;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        server = new ContractTestServer(null);
        server.hosts.addAll(ConnectProfilesFxTest.hosts());
        server.clusterId = "c-eu-1";
        CreateDatabaseRequest a = FxTesting.example("co-located.json");
        CreateDatabaseRequest b = FxTesting.example("multiple-instances.json");
        server.databases.put(a.id(), FxTesting.live(a, List.of()));
        server.databases.put("orders", FxTesting.live(new CreateDatabaseRequest("orders", null, b.spec(), null), List.of(
                FxTesting.instance("orders", "api", "host-1", "running", "healthy", null),
                FxTesting.instance("orders", "api", "host-2", "creating", null, null))));
        Settings settings = FxTesting.freshSettings();
        // what ConsoleMain makes of: --connect http://127.0.0.1:PORT --database orders
        Remote remote = new Remote(new ConnectionProfiles(settings.file().resolveSibling("profiles.json")), ConnectProfilesFxTest.OPEN,
                ConnectionProfile.ofUrl(server.uri().toString()), "orders");
        window = ConsoleApp.createWindow(stage, new ConsoleServices(settings, TaskRunner.standard(), dialogs,
                LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new, remote), Theme.LIGHT);
        stage.show();
        assertThat(window.startConnected()).isTrue();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
        server.close();
    }

    @Test
    void theDatabaseNamedIsShownWithoutADialogAndTheHostsAreListed(FxRobot robot) throws Exception {
        waitUntil("orders on screen", 20, () -> window.currentDatabase() != null && window.graph().topology() != null
                && "orders".equals(window.graph().topology().databaseId()) && !window.graph().topology().instances().isEmpty());
        assertThat(window.currentDatabase().databaseId()).isEqualTo("orders");
        assertThat(window.liveSourceList()).extracting(Sources.LiveSource::label).containsExactly("127.0.0.1:" + server.uri().getPort());
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.confirmations).isEmpty();
        // the Tasks tab asks for the shown database's history (GET tasks) in parallel; in any order with these
        assertThat(server.requests.stream().filter(r -> !r.contains("/tasks")).toList()).startsWith("GET /v1/databases", "GET /v1/databases/orders");

        robot.clickOn("#hosts-node");
        waitUntil("hosts listed", 20, () -> robot.lookup("#hosts-table").queryAs(TableView.class).getItems().size() == 3);
        @SuppressWarnings("unchecked")
        TableView<HostRow> table = robot.lookup("#hosts-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(HostRow::id, HostRow::takesServices)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("host-1", true), org.assertj.core.groups.Tuple.tuple("host-2", true),
                        org.assertj.core.groups.Tuple.tuple("host-3", false));
        assertThat(robot.lookup("#hosts-note").queryAs(Label.class).getText())
                .isEqualTo("3 hosts on 127.0.0.1:" + server.uri().getPort() + "; 1 cannot take services (not Docker Swarm)");
        FxTesting.screenshot(stage.getScene(), "hosts");
    }

    @Test
    void removingTheProfilesSourceClosesItAndStopsItsPollers(FxRobot robot) {
        waitUntil("orders on screen", 20, () -> window.currentDatabase() != null && "orders".equals(window.currentDatabase().databaseId()));
        javafx.scene.control.Labeled cell = robot.lookup(".tree-cell").match(
                (javafx.scene.control.Labeled c) -> ("127.0.0.1:" + server.uri().getPort()).equals(c.getText())).query();
        var menu = cell.getContextMenu();
        assertThat(menu.getItems()).extracting(javafx.scene.control.MenuItem::getText).containsExactly("Edit profile…", "Remove profile…");
        robot.interact(() -> menu.getItems().get(1).fire());
        waitUntil("source closed", 10, () -> window.liveSourceList().isEmpty());
        assertThat(dialogs.confirmations).containsExactly("Remove the connection profile '127.0.0.1:" + server.uri().getPort() + "'?");
        assertThat(window.pollerKeys()).isEmpty();
        assertThat(window.currentDatabase()).isNull();
        assertThat(window.graph().topology()).isNull();
        waitUntil("logged", 10, () -> window.events().stream().anyMatch(e -> e.endsWith("was not saved; its source is closed")));
    }
}
