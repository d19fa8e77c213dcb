package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.util.List;
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
import trellis.spec.CreateDatabaseRequest;

/**
 * The console started as {@code --connect URL --database orders} on a JDK HTTP server that cuts
 * the connection of its first database listings halfway through the answer: the REST client tries
 * the GET again three times (200, 400, 800 ms) and then gives up, and the console lists the source
 * again after the pollers' 2 s, then 4 s, instead of leaving it "unreachable" with no database.
 */
@ExtendWith(ApplicationExtension.class)
class ListingRetryFxTest {
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    trellis.engine.http.ContractTestServer server;
    MainWindow window;
    String name;

    @Start
    void start(Stage stage) throws Exception {
        server = new trellis.engine.http.ContractTestServer(null);
        name = "127.0.0.1:" + server.uri().getPort();
        CreateDatabaseRequest b = FxTesting.example("multiple-instances.json");
        server.databases.put("orders", FxTesting.live(new CreateDatabaseRequest("orders", null, b.spec(), null), List.of(
                FxTesting.instance("orders", "api", "host-1", "running", "healthy", null))));
        Settings settings = FxTesting.freshSettings();
        Remote remote = new Remote(new ConnectionProfiles(settings.file().resolveSibling("profiles.json")), ConnectProfilesFxTest.OPEN,
                ConnectionProfile.ofUrl(server.uri().toString()), "orders");
        window = ConsoleApp.createWindow(stage, new ConsoleServices(settings, TaskRunner.standard(), dialogs,
                LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new, remote), Theme.LIGHT);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::shutdown);
        server.close();
    }

    private List<String> listings() {
        return server.requests.stream().filter(r -> r.equals("GET /v1/databases")).toList();
    }

    /** The event log's lines, oldest first, without their times. */
    private List<String> events(FxRobot robot) {
        List<String> lines = new java.util.ArrayList<>();
        robot.interact(() -> window.events().forEach(e -> lines.add(0, e.substring("HH:mm:ss  ".length()))));
        return lines;
    }

    @Test
    void aDroppedFirstListingIsAskedForAgainWithThePollersBackoffUntilItAnswers(FxRobot robot) {
        // two failed listings as the console sees them: each is the client's first try and its three retries
        server.dropListings.set(8);
        robot.interact(() -> assertThat(window.startConnected()).isTrue());
        waitUntil("the first listing failed", 10, () -> listings().size() == 4 && events(robot).size() == 1);
        long failedAt = System.nanoTime();
        String dropped = events(robot).get(0);
        assertThat(dropped).isEqualTo(name + ": http://" + name + " closed the connection before answering (connection reset): "
                + "the server, or something between, dropped it; listing its databases again in 2 s");
        robot.interact(() -> assertThat(window.viewModel().connectionProperty().get()).isEqualTo(name + ": unreachable"));
        assertThat(window.currentDatabase()).isNull();

        waitUntil("the second listing failed", 15, () -> listings().size() == 8 && events(robot).size() == 2);
        double secondAfter = (System.nanoTime() - failedAt) / 1e9;
        // 2 s of backoff, then the client's 1.4 s of retries (the upper bounds leave room for a loaded machine)
        assertThat(secondAfter).isBetween(3.0, 10.0);
        waitUntil("orders on screen", 20, () -> window.currentDatabase() != null && window.graph().topology() != null
                && "orders".equals(window.graph().topology().databaseId()));
        double shownAfter = (System.nanoTime() - failedAt) / 1e9;
        assertThat(shownAfter).as("4 s after the second failure").isBetween(secondAfter + 3.5, secondAfter + 10.0);
        assertThat(listings()).hasSize(9);
        String why = "http://" + name + " closed the connection before answering (connection reset): the server, or something between, dropped it";
        assertThat(events(robot)).containsExactly(
                name + ": " + why + "; listing its databases again in 2 s",
                name + ": " + why + "; listing its databases again in 4 s",
                name + ": 1 database(s)");
        waitUntil("connected", 10, () -> (name + ": connected").equals(window.viewModel().connectionProperty().get()));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void closingTheSourceWhileItsListingWaitsStopsTheTries(FxRobot robot) throws Exception {
        server.dropListings.set(4);
        robot.interact(() -> assertThat(window.startConnected()).isTrue());
        waitUntil("the first listing failed", 10, () -> events(robot).size() == 1);
        robot.interact(() -> window.dropSource(window.liveSourceList().get(0)));
        Thread.sleep(3000);
        assertThat(listings()).hasSize(4);
        assertThat(events(robot)).hasSize(2);
        assertThat(events(robot).get(1)).isEqualTo(name + ": closed");
        assertThat(window.liveSourceList()).isEmpty();
    }
}
