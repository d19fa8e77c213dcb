package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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

/**
 * Profiles connected in one session are connected again at the next start (a fresh settings
 * folder, real JDK HTTP servers): one session starts with --profile shop, the next with --profile
 * staging; then staging's CA file is named wrong, and the third start, with no --profile,
 * reconnects shop and says in the event log, not in a dialog, why staging was not.
 */
@ExtendWith(ApplicationExtension.class)
class ReopenProfilesFxTest {
    final TestServices.RecordingDialogs dialogs = new TestServices.RecordingDialogs();
    final List<MainWindow> windows = new ArrayList<>();
    final List<ContractTestServer> servers = new ArrayList<>();
    Path settingsFile;
    ConnectionProfiles profiles;

    @Start
    void start(Stage stage) throws Exception {
        settingsFile = FxTesting.freshSettings().file();
        profiles = new ConnectionProfiles(settingsFile.resolveSibling("profiles.json"));
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> windows.forEach(MainWindow::shutdown));
        servers.forEach(ContractTestServer::close);
    }

    ContractTestServer server(String database) throws Exception {
        ContractTestServer s = new ContractTestServer(null);
        CreateDatabaseRequest a = FxTesting.example("co-located.json");
        s.databases.put(database, FxTesting.live(new CreateDatabaseRequest(database, null, a.spec(), null), List.of()));
        servers.add(s);
        return s;
    }

    /** A start of the console as ConsoleMain makes it: a settings file read afresh, and --profile NAME or nothing. */
    MainWindow session(FxRobot robot, String profile) {
        AtomicReference<MainWindow> w = new AtomicReference<>();
        robot.interact(() -> {
            try {
                ConnectionProfile start = profile == null ? null : profiles.named(profile).orElseThrow();
                Remote remote = new Remote(profiles, ConnectProfilesFxTest.OPEN, start, null);
                Stage stage = new Stage();
                MainWindow window = ConsoleApp.createWindow(stage, new ConsoleServices(new Settings(settingsFile), TaskRunner.standard(),
                        dialogs, LocalEngineDetection.none(), trellis.engine.http.RestControlPlane::new, remote), Theme.LIGHT);
                stage.show();
                window.startConnected();
                w.set(window);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        windows.add(w.get());
        return w.get();
    }

    void end(FxRobot robot, MainWindow w) {
        robot.interact(() -> {
            w.shutdown();
            ((Stage) w.root().getScene().getWindow()).close();
        });
        windows.remove(w);
    }

    @Test
    void theLastSessionsProfilesAreConnectedAgainAndAFailingOneIsLogged(FxRobot robot) throws Exception {
        ContractTestServer shop = server("shopdb");
        ContractTestServer staging = server("stagingdb");
        profiles.save(new ConnectionProfile("shop", shop.uri().toString(), null, null, null, null, null), null);
        profiles.save(new ConnectionProfile("staging", staging.uri().toString(), null, null, null, null, null), null);

        MainWindow first = session(robot, "shop");
        waitUntil("shopdb shown", 20, () -> first.currentDatabase() != null && "shopdb".equals(first.currentDatabase().databaseId()));
        end(robot, first);
        MainWindow second = session(robot, "staging");
        waitUntil("stagingdb shown", 20, () -> second.currentDatabase() != null && "stagingdb".equals(second.currentDatabase().databaseId()));
        assertThat(second.liveSourceList()).extracting(Sources.LiveSource::label).containsExactly("staging");
        end(robot, second);
        assertThat(Files.readString(settingsFile)).contains("connected.profiles=shop\\nstaging");

        Path missing = settingsFile.resolveSibling("moved-ca.pem");
        profiles.save(new ConnectionProfile("staging", "https://127.0.0.1:" + staging.uri().getPort(), missing.toString(),
                null, null, null, null), "staging");
        int shopGets = (int) shop.requests.stream().filter("GET /v1/databases"::equals).count();

        MainWindow third = session(robot, null);
        waitUntil("shopdb shown again", 20, () -> third.currentDatabase() != null && "shopdb".equals(third.currentDatabase().databaseId()));
        waitUntil("staging's failure logged", 20, () -> third.events().stream().anyMatch(e -> e.contains("staging")));
        assertThat(third.liveSourceList()).extracting(Sources.LiveSource::label).containsExactly("shop");
        // each event is "HH:mm:ss  " and its words
        assertThat(third.events().stream().filter(e -> e.contains("staging")).map(e -> e.substring(10)).toList()).containsExactly(
                "Not reconnected to 'staging' from the last session: " + missing + " does not exist or is not a file; "
                        + "give the path of a PEM file; fix the profile with File > Connect to Control Plane…");
        assertThat(shop.requests.stream().filter("GET /v1/databases"::equals).count()).isGreaterThan(shopGets);
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.confirmations).isEmpty();
    }
}
