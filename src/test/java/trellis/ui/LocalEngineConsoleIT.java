package trellis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static trellis.ui.FxTesting.has;
import static trellis.ui.FxTesting.waitUntil;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import trellis.TestFiles;
import trellis.engine.local.LocalEngine;
import trellis.engine.local.LocalEngines;
import trellis.engine.local.LocalEngineSettings;

/** The console on the local engine: deploy an example, watch it come up, break one instance. */
@ExtendWith(ApplicationExtension.class)
class LocalEngineConsoleIT {
    static DockerClient docker;
    MainWindow window;
    LocalEngine engine;

    /** Before the window: a skip must be a skip, not an error inside the FX start-up. */
    @org.junit.jupiter.api.BeforeAll
    static void docker() {
        docker = trellis.engine.local.LocalEngineTesting.requireDocker();
        try {
            trellis.engine.local.PostgresStandIn.ensure(docker);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        engine = new LocalEngine(docker, trellis.engine.local.LocalEngineTesting.standInSettings());
        window = EngineConsole.open(stage, engine);
    }

    @AfterEach
    void cleanUp() {
        if (docker != null) {
            trellis.engine.local.LocalEngineTesting.removeContainers(docker, "catalog");
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void deployWatchItComeUpThenBreakOne(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(TestFiles.example("multiple-instances.json")));
        waitUntil("file open", 20, () -> window.currentDatabase() != null
                && window.currentDatabase().source() instanceof Sources.FileSource);
        Sources.FileSource file = (Sources.FileSource) window.currentDatabase().source();
        robot.interact(() -> window.deploy(file, engine, false));
        String one = "#instance-catalog-api-host-1";
        String two = "#instance-catalog-api-host-2";
        waitUntil("both running", 60, () -> has(robot.lookup(one).tryQuery().orElse(null), "running")
                && has(robot.lookup(two).tryQuery().orElse(null), "running"));
        assertThat(window.events()).anySatisfy(e -> assertThat(e).contains("api on host-1: ").endsWith("→ running"));
        assertThat(window.events()).anySatisfy(e -> assertThat(e).contains("api on host-2: ").endsWith("→ running"));
        robot.interact(() -> window.graph().selectInstance("catalog-api-host-1"));
        waitUntil("container logs", 15, () -> window.logLines().stream().anyMatch(l -> l.contains("response:200")));
        robot.interact(window::showLogs);
        FxTesting.screenshot(window.root().getScene(), "local-engine-running-logs");

        // Show files…: what the engine gave the container, from the same plan, secrets masked
        robot.clickOn("#show-files-button");
        waitUntil("files window", 15, () -> robot.lookup("#instance-files-list").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> files = robot.lookup("#instance-files-list").queryAs(javafx.scene.control.ListView.class);
        assertThat(files.getItems()).containsExactly("postgrest.conf", "container.json");
        javafx.scene.control.TextArea text = robot.lookup("#instance-file-content").queryAs(javafx.scene.control.TextArea.class);
        String conf = text.getText();
        assertThat(conf).contains("db-uri = \"postgresql://app:********@").contains("?target_session_attrs=read-write\"")
                .doesNotContain(FxTesting.example("multiple-instances.json").spec().databaseUsers().get(1).password());
        FxTesting.screenshot(files.getScene(), "local-engine-instance-files");
        robot.interact(() -> ((javafx.stage.Stage) files.getScene().getWindow()).close());

        Container c = docker.listContainersCmd().withLabelFilter(Map.of("io.trellis.database", "catalog",
                "io.trellis.host", "host-2")).exec().get(0);
        docker.killContainerCmd(c.getId()).exec();
        waitUntil("host-2 failed", 30, () -> has(robot.lookup(two).tryQuery().orElse(null), "failed"));
        robot.interact(() -> window.graph().selectInstance("catalog-api-host-2"));
        assertThat(robot.lookup(".details .error-text").queryAs(Label.class).getText()).contains("exited with code");
        waitUntil("event", 5, () -> window.events().stream().anyMatch(e -> e.contains("api on host-2: running → failed")));
        FxTesting.screenshot(window.root().getScene(), "local-engine-one-failed");

        // Remove the service: the spec goes back with its secrets (from the open file), the instances go.
        robot.interact(() -> window.removeService(engine, "catalog", "api"));
        waitUntil("instances gone", 60, () -> robot.lookup(".instance").queryAll().isEmpty());
        waitUntil("gone event", 5, () -> window.events().stream().anyMatch(e -> e.contains("api on host-1: ") && e.endsWith("gone")));
        assertThat(engine.database("catalog").spec().databaseUsers()).extracting(u -> u.username()).contains("app");
        assertThat(window.events()).noneMatch(e -> e.contains("change-me"));
    }

    @Test
    void theEngineMenuBindsAHostAndAttachesANodeAndSaysWhatIsWrongFirst(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(TestFiles.example("multiple-instances.json")));
        waitUntil("file open", 20, () -> window.currentDatabase() != null);

        // Engine > Bind host…: a bad address is refused in words before anything is sent
        robot.clickOn("Engine").clickOn("Bind host to a Docker engine…");
        waitUntil("bind dialog", 10, () -> robot.lookup("#endpointField").tryQuery().isPresent());
        javafx.scene.control.TextField endpoint = robot.lookup("#endpointField").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> endpoint.setText("docker.example:2375"));
        assertThat(robot.lookup(".form-message").queryAs(Label.class).getText())
                .startsWith("Docker engine: 'docker.example:2375' is not an engine address");
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isTrue();
        String real = LocalEngines.dockerHost().orElseThrow();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            var hosts = (javafx.scene.control.ComboBox<String>) robot.lookup("#hostBox").query();
            assertThat(hosts.getItems()).containsExactly("host-1", "host-2");
            hosts.getSelectionModel().select("host-2");
            endpoint.setText(real);
        });
        assertThat(robot.lookup("#form-ok").query().isDisabled()).isFalse();
        FxTesting.screenshot(endpoint.getScene(), "engine-bind-host");
        robot.clickOn("#form-ok");
        waitUntil("bound", 15, () -> window.events().stream().anyMatch(e -> e.contains("host-2: bound to " + real + " (Docker ")));
        assertThat(engine.hostBindings()).containsEntry("host-2", real);

        // Engine > Database node…: attach a real PostgreSQL; a wrong port is said plainly, then the right one answers
        try (var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
            robot.clickOn("Engine").clickOn("Database node…");
            waitUntil("node dialog", 10, () -> robot.lookup("#portField").tryQuery().isPresent());
            javafx.scene.control.TextField port = robot.lookup("#portField").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> port.setText("70000"));
            assertThat(robot.lookup(".form-message").queryAs(Label.class).getText())
                    .isEqualTo("Port: '70000' is not a port; enter a number from 1 to 65535.");
            robot.interact(() -> port.setText("1"));
            robot.clickOn("#passwordField").write("typed-secret-pw");
            FxTesting.screenshot(port.getScene(), "engine-attach-node");
            robot.clickOn("#form-ok");
            waitUntil("alert", 15, () -> robot.lookup(".dialog-pane .content").tryQuery().isPresent()
                    && robot.lookup(".dialog-pane").queryAll().stream().anyMatch(n -> n.lookup(".header-panel .label") instanceof Label l
                    && l.getText().startsWith("Node n1: attached, but it does not answer")));
            robot.clickOn("OK");

            robot.clickOn("Engine").clickOn("Database node…");
            waitUntil("node dialog again", 10, () -> robot.lookup("#portField").tryQuery().isPresent());
            javafx.scene.control.TextField port2 = robot.lookup("#portField").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> port2.setText(Integer.toString(pg.getPort())));
            robot.clickOn("#form-ok");
            waitUntil("attached", 15, () -> window.events().stream().anyMatch(e -> e.contains("node n1: attached, PostgreSQL ")));
            assertThat(engine.node("n1")).get().extracting(trellis.engine.local.nodes.NodeConnection::containerPort).isEqualTo(pg.getPort());
            assertThat(window.events()).noneMatch(e -> e.contains("typed-secret-pw"));
        }

        // ... or a PostgreSQL container Trellis starts for the node
        try {
            robot.clickOn("Engine").clickOn("Database node…");
            waitUntil("node dialog, third time", 10, () -> robot.lookup("#containerRadio").tryQuery().isPresent());
            robot.clickOn("#containerRadio");
            assertThat(robot.lookup("#portField").query().isDisabled()).as("nothing to fill in").isTrue();
            robot.clickOn("#form-ok");
            waitUntil("container node", 90, () -> window.events().stream().anyMatch(e -> e.contains("node n1: started, PostgreSQL 17")));
        } finally {
            for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LocalEngine.LABEL_NODE, "n1")).exec()) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            try {
                docker.removeVolumeCmd("trellis-node-n1").exec();
            } catch (RuntimeException ignored) {
                // not made
            }
        }
    }
}
